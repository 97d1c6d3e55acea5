package io.github.aidatakeys;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.pulumi.Context;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every {@code ```java} block in {@code docs/*.md} compiles against the library, and every block that is a stack
 * program (statements, or a class with a {@code static void stack(Context)} method) runs under
 * {@link OfflineStack} without error.
 *
 * <p>How a block is compiled:
 * <ul>
 *   <li>a block with a top-level {@code class}, {@code record}, {@code interface} or {@code enum} is a compilation
 *       unit and compiles as it is, its package replaced by one per page (so that the classes of one page, such
 *       as a stack and its test, see each other, and pages do not clash);</li>
 *   <li>a block that starts with a method declaration is the body of a class;</li>
 *   <li>any other block is a list of statements: the body of {@code static void stack(com.pulumi.Context ctx)}.
 *       A last statement written without its {@code ;} (an expression shown on its own) gets one.</li>
 * </ul>
 * {@code import} lines at the top of a block are kept; {@link #COMMON_IMPORTS} are added to every block that is
 * not a compilation unit. A block fenced as {@code ```java-fragment} is intentionally partial and is not compiled.
 * An HTML comment {@code <!-- snippet: compile-only -->} on the line before a fence (invisible on GitHub) keeps a
 * block from being run.
 */
class DocsSnippetsTest {
    /** The docs folder, relative to the component module (Surefire's working directory). */
    static final Path DOCS = Path.of("..", "docs");

    static final List<String> COMMON_IMPORTS = List.of(
            "com.pulumi.*", "com.pulumi.core.*", "io.github.aidatakeys.*", "io.github.aidatakeys.lint.*",
            "java.util.*");

    /**
     * Blocks known not to compile on their own, in pages maintained apart from the rest of the docs: a block whose
     * page and text match an entry is still compiled, and its errors are printed, not failed on. Once the page is
     * fixed (the block compiles, or is fenced as {@code java-fragment}), its entry matches nothing and can go.
     */
    record KnownPartial(String page, String contains, String why) {
    }

    static final List<KnownPartial> KNOWN_PARTIAL = List.of();

    static final String COMPILE_ONLY = "<!-- snippet: compile-only -->";

    private static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})\\s*([^\\s`]*)[^`]*$");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+[\\w.]+\\s*;");
    private static final Pattern MEMBER = Pattern.compile(
            "^(?:(?:public|protected|private|static|final|synchronized)\\s+)+[\\w<>\\[\\],.? ]+\\s+\\w+\\s*\\(.*");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    /** A fenced code block of a page. */
    record Block(Path page, String language, int number, int line, List<String> lines, boolean compileOnly) {
        String name() {
            return "docs/" + page.getFileName() + " " + language + " block " + number + " (line " + line + ")";
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    /** A block turned into a compilation unit, with the page line of each of its lines (0 for added lines). */
    record Unit(Block block, String packageName, String className, String source, List<Integer> pageLines,
                boolean runnable) {
        String qualifiedName() {
            return packageName + "." + className;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndEveryStackRuns() throws IOException {
        var blocks = blocks("java");
        assertThat(blocks).as("```java blocks under " + DOCS.toAbsolutePath().normalize()).isNotEmpty();
        var units = new ArrayList<Unit>();
        for (var block : blocks) {
            units.add(unit(block));
        }
        var out = Files.createTempDirectory("docs-snippets");
        var diagnostics = compile(units, out);

        var tests = new ArrayList<DynamicTest>();
        for (var unit : units) {
            var errors = diagnostics.getOrDefault(unit.block().name(), List.of());
            var known = isKnownPartial(unit.block());
            tests.add(DynamicTest.dynamicTest(unit.block().name() + " compiles", () -> {
                if (errors.isEmpty()) {
                    return;
                }
                if (known) {
                    System.out.println("[known partial snippet, not failed on] " + unit.block().name() + " ("
                            + knownPartialReason(unit.block()) + "):\n" + String.join("\n", errors));
                    return;
                }
                fail(unit.block().name() + " does not compile:\n" + String.join("\n", errors)
                        + "\n--- as compiled ---\n" + numbered(unit.source()));
            }));
            if (unit.runnable() && errors.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(unit.block().name() + " runs under OfflineStack",
                        () -> run(unit, out)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyJsonBlockIsStrictJson() throws IOException {
        return blocks("json").stream().map(block -> DynamicTest.dynamicTest(block.name() + " is JSON", () -> {
            try (var reader = new JsonReader(new StringReader(block.text()))) {
                reader.setStrictness(Strictness.STRICT);
                reader.skipValue();
                assertThat(reader.peek()).as(block.name() + ": one JSON value, nothing after it")
                        .isEqualTo(JsonToken.END_DOCUMENT);
            } catch (IOException | IllegalStateException e) {
                fail(block.name() + " is not strict JSON: " + e.getMessage());
            }
        }));
    }

    @Test
    void everyRelativeLinkOfThePagesPointsToAnExistingFile() throws IOException {
        var broken = new ArrayList<String>();
        for (var page : pages()) {
            var lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            var inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                if (FENCE.matcher(lines.get(i)).matches()) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                Matcher m = LINK.matcher(lines.get(i));
                while (m.find()) {
                    var target = m.group(1);
                    if (target.startsWith("#") || target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                        continue;
                    }
                    var file = target.replaceFirst("#.*$", "");
                    if (!Files.exists(page.getParent().resolve(file))) {
                        broken.add("docs/" + page.getFileName() + ":" + (i + 1) + " links to " + target);
                    }
                }
            }
        }
        assertThat(broken).as("relative links to files that do not exist").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    static List<Path> pages() throws IOException {
        assertThat(DOCS.resolve("index.md")).as("docs/index.md, relative to the component module").exists();
        try (var files = Files.list(DOCS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** The fenced blocks of one language in every page, in page order. */
    static List<Block> blocks(String language) throws IOException {
        var result = new ArrayList<Block>();
        for (var page : pages()) {
            var lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            int number = 0;
            for (int i = 0; i < lines.size(); i++) {
                var open = FENCE.matcher(lines.get(i));
                if (!open.matches()) {
                    continue;
                }
                var indent = open.group(1).length();
                var fence = open.group(2);
                var info = open.group(3).toLowerCase(Locale.ROOT);
                var body = new ArrayList<String>();
                int j = i + 1;
                for (; j < lines.size(); j++) {
                    var close = lines.get(j).strip();
                    if (close.startsWith(fence) && close.chars().allMatch(c -> c == fence.charAt(0))) {
                        break;
                    }
                    body.add(stripIndent(lines.get(j), indent));
                }
                if (info.equals(language)) {
                    number++;
                    var previous = previousNonBlank(lines, i);
                    result.add(new Block(page, language, number, i + 1, body,
                            previous.strip().equalsIgnoreCase(COMPILE_ONLY)));
                }
                i = j;
            }
        }
        return result;
    }

    private static String previousNonBlank(List<String> lines, int index) {
        for (int k = index - 1; k >= 0; k--) {
            if (!lines.get(k).isBlank()) {
                return lines.get(k);
            }
        }
        return "";
    }

    private static String stripIndent(String line, int indent) {
        int n = 0;
        while (n < indent && n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(n);
    }

    static String knownPartialReason(Block block) {
        var page = block.page().getFileName().toString();
        return KNOWN_PARTIAL.stream().filter(k -> k.page().equals(page) && block.text().contains(k.contains()))
                .map(KnownPartial::why).findFirst().orElse("");
    }

    static boolean isKnownPartial(Block block) {
        var page = block.page().getFileName().toString();
        return KNOWN_PARTIAL.stream().anyMatch(k -> k.page().equals(page) && block.text().contains(k.contains()));
    }

    /** Wraps a block as a compilation unit of its own package. */
    static Unit unit(Block block) {
        var slug = block.page().getFileName().toString().replaceFirst("\\.md$", "")
                .replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        // Compilation units of one page share a package, so that a test class shown on a page can use the stack
        // class shown before it; statement blocks get a package each.
        var pagePackage = "docsnippets." + slug;
        var packageName = pagePackage + ".b" + block.number();
        var code = block.lines();
        var source = new ArrayList<String>();
        var pageLines = new ArrayList<Integer>();
        var text = block.text();

        var type = TYPE_DECLARATION.matcher(text);
        if (type.find()) {
            var publicType = PUBLIC_TYPE.matcher(text);
            var className = publicType.find() ? publicType.group(1) : type.group(1);
            if (!PACKAGE.matcher(text).find()) {
                add(source, pageLines, "package " + pagePackage + ";", 0);
            }
            for (int i = 0; i < code.size(); i++) {
                var line = code.get(i);
                add(source, pageLines, PACKAGE.matcher(line).find() ? "package " + pagePackage + ";" : line,
                        block.line() + 1 + i);
            }
            var runnable = Pattern.compile("static\\s+void\\s+stack\\s*\\(\\s*(?:com\\.pulumi\\.)?Context\\s+\\w+\\s*\\)")
                    .matcher(text).find();
            return new Unit(block, pagePackage, className, String.join("\n", source), List.copyOf(pageLines),
                    runnable && !block.compileOnly());
        }

        add(source, pageLines, "package " + packageName + ";", 0);
        int first = 0;
        for (; first < code.size(); first++) {
            var line = code.get(first).strip();
            if (line.startsWith("import ")) {
                add(source, pageLines, line, block.line() + 1 + first);
            } else if (!line.isEmpty()) {
                break;
            }
        }
        for (var common : COMMON_IMPORTS) {
            add(source, pageLines, "import " + common + ";", 0);
        }
        var className = "Snippet";
        var body = code.subList(first, code.size());
        var members = !body.isEmpty() && MEMBER.matcher(body.get(0).strip()).matches();
        add(source, pageLines, "@SuppressWarnings(\"all\") final class " + className + " {", 0);
        if (!members) {
            add(source, pageLines, "static void stack(com.pulumi.Context ctx) {", 0);
        }
        var last = lastCodeLine(body);
        for (int i = 0; i < body.size(); i++) {
            var line = body.get(i);
            if (!members && i == last && !line.strip().endsWith(";") && !line.strip().endsWith("}")) {
                line = line + ";";
            }
            add(source, pageLines, line, block.line() + 1 + first + i);
        }
        if (!members) {
            add(source, pageLines, "}", 0);
        }
        add(source, pageLines, "}", 0);
        var runnable = !members || Pattern.compile("static\\s+void\\s+stack\\s*\\(").matcher(text).find();
        return new Unit(block, packageName, className, String.join("\n", source), List.copyOf(pageLines),
                runnable && !block.compileOnly());
    }

    private static int lastCodeLine(List<String> body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            var line = body.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("//")) {
                return i;
            }
        }
        return -1;
    }

    private static void add(List<String> source, List<Integer> pageLines, String line, int pageLine) {
        source.add(line);
        pageLines.add(pageLine);
    }

    /**
     * Compiles the units, each package on its own (a page's compilation units together, each statement block
     * alone), so that a block that does not compile cannot hide the errors of another or keep its classes from
     * being written. Returns the error messages of each unit, by block name.
     */
    static Map<String, List<String>> compile(List<Unit> units, Path out) {
        var compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK's compiler (javax.tools)").isNotNull();
        var byUri = new LinkedHashMap<URI, Unit>();
        var byPackage = new LinkedHashMap<String, List<JavaFileObject>>();
        for (var unit : units) {
            var uri = URI.create("string:///" + unit.packageName().replace('.', '/') + "/" + unit.className()
                    + JavaFileObject.Kind.SOURCE.extension);
            byUri.put(uri, unit);
            byPackage.computeIfAbsent(unit.packageName(), k -> new ArrayList<>())
                    .add(new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return unit.source();
                        }
                    });
        }
        var collector = new DiagnosticCollector<JavaFileObject>();
        var options = List.of("-classpath", testClasspath(), "-d", out.toString(), "--release", "17",
                "-proc:none", "-encoding", "UTF-8", "-Xlint:none");
        try (var fileManager = compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            for (var sources : byPackage.values()) {
                compiler.getTask(null, fileManager, collector, options, null, sources).call();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var errors = new LinkedHashMap<String, List<String>>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            var unit = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
            if (unit == null) {
                // not tied to one block (a classpath problem): every block fails with it
                units.forEach(u -> errors.computeIfAbsent(u.block().name(), k -> new ArrayList<>())
                        .add(d.getMessage(Locale.ROOT)));
                continue;
            }
            var generated = (int) d.getLineNumber();
            var pageLine = generated >= 1 && generated <= unit.pageLines().size()
                    ? unit.pageLines().get(generated - 1) : 0;
            var where = pageLine > 0 ? "docs/" + unit.block().page().getFileName() + ":" + pageLine
                    : "line " + generated + " of the wrapper";
            errors.computeIfAbsent(unit.block().name(), k -> new ArrayList<>())
                    .add("  " + where + ": " + d.getMessage(Locale.ROOT));
        }
        return errors;
    }

    /**
     * The test class path. Surefire puts the real one in {@code java.class.path}; when a launcher gives only a
     * manifest-only jar, its {@code Class-Path} is read instead.
     */
    static String testClasspath() {
        var classpath = System.getProperty("java.class.path");
        var entries = classpath.split(File.pathSeparator, -1);
        if (entries.length != 1 || !entries[0].endsWith(".jar")) {
            return classpath;
        }
        try (var jar = new JarFile(entries[0])) {
            var manifest = jar.getManifest();
            var manifestPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (manifestPath == null || manifestPath.isBlank()) {
                return classpath;
            }
            var expanded = new ArrayList<String>();
            expanded.add(entries[0]);
            var base = Path.of(entries[0]).toAbsolutePath().getParent().toUri();
            for (var element : manifestPath.trim().split("\\s+", -1)) {
                expanded.add(Path.of(base.resolve(element)).toString());
            }
            return String.join(File.pathSeparator, expanded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the unit's {@code stack(Context)} under the mock engine; fails with the program's error. */
    static void run(Unit unit, Path out) throws Exception {
        try (var loader = new URLClassLoader(new URL[]{out.toUri().toURL()}, DocsSnippetsTest.class.getClassLoader())) {
            var type = Class.forName(unit.qualifiedName(), true, loader);
            Method stack = type.getDeclaredMethod("stack", Context.class);
            assertThat(Modifier.isStatic(stack.getModifiers())).as(unit.block().name() + ": stack is static").isTrue();
            stack.setAccessible(true);
            OfflineResult result = OfflineStack.builder().projectName("docs").build().run(ctx -> {
                try {
                    stack.invoke(null, ctx);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (!result.succeeded()) {
                fail(unit.block().name() + " fails under OfflineStack: "
                        + result.failure().map(Throwable::toString).orElse(String.join("; ", result.errors()))
                        + "\n--- as compiled ---\n" + numbered(unit.source()));
            }
        }
    }

    private static String numbered(String source) {
        var lines = source.split("\n", -1);
        var sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }
}
