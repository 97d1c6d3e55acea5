package io.github.aidatakeys.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Main code names a type by its simple name and imports it: a fully qualified name inline is allowed only where an
 * import cannot do, because the simple name is already taken in that file (such as {@code com.pulumi.core.Alias}
 * beside an imported {@code com.pulumi.aws.kms.Alias}).
 */
class ImportsTest {
    /** A package of lower-case segments, then a type: java.util.Map, com.pulumi.core.Output, ... */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|com|io|org)(?:\\.[a-z_][a-z0-9_]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?[\\w.]*\\.(\\w+);", Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|enum|interface)\\s+(\\w+)");
    private static final List<Path> MAIN_SOURCES = List.of(Path.of("src/main/java"), Path.of("../testing/src/main/java"));

    @Test
    void mainCodeImportsTheTypesItNames() throws IOException {
        var inline = new ArrayList<String>();
        for (var root : MAIN_SOURCES) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    inline.addAll(inlineNames(file));
                }
            }
        }
        assertThat(inline).as("fully qualified names where an import would do").isEmpty();
    }

    static List<String> inlineNames(Path file) throws IOException {
        var source = Files.readString(file);
        Set<String> taken = new HashSet<>();
        collect(IMPORT.matcher(source), taken);
        collect(DECLARED.matcher(source), taken);
        var found = new ArrayList<String>();
        var lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            var code = line.strip();
            if (code.startsWith("import ") || code.startsWith("package ") || code.startsWith("*")
                    || code.startsWith("//") || code.startsWith("/*")) {
                continue;
            }
            var m = QUALIFIED.matcher(line);
            while (m.find()) {
                boolean inString = line.substring(0, m.start()).chars().filter(c -> c == '"').count() % 2 == 1;
                if (!inString && !taken.contains(m.group(2))) {
                    found.add(file + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        return found;
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    @Test
    void theCheckFindsAnInlineNameAndAcceptsAClash(@TempDir Path dir) throws IOException {
        var file = dir.resolve("Sample.java");
        Files.writeString(file, """
                package p;
                import com.pulumi.aws.kms.Alias;
                class Sample {
                    java.util.Map<String, String> m;
                    com.pulumi.core.Alias a;
                    String s = "java.util.concurrent.ForkJoinPool.common.parallelism";
                }
                """);

        assertThat(inlineNames(file)).containsExactly(file + ":4: java.util.Map");
    }
}
