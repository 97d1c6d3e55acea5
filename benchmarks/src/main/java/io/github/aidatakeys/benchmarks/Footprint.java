package io.github.aidatakeys.benchmarks;

import io.github.aidatakeys.EncryptedAiDataKey;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;

/**
 * What the component adds to a user's build: the size of its jar, the dependencies its published POM declares,
 * and the runtime class path those pull in.
 *
 * <p>Run it with the class path the build writes to {@code benchmarks/target/runtime.classpath} (the component jar
 * and its runtime dependencies, and the test kit the benchmarks run under, which is not counted), as
 * {@code benchmarks/reproduce.sh} does:
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath)" \
 *      io.github.aidatakeys.benchmarks.Footprint
 * </pre>
 */
public final class Footprint {
    private static final String POM = "META-INF/maven/io.github.aidatakeys/encrypted-ai-data-key/pom.xml";

    private Footprint() {
    }

    /**
     * Prints the footprint.
     *
     * @param args none
     * @throws Exception if the jar or its POM cannot be read
     */
    public static void main(String[] args) throws Exception {
        print(System.out);
    }

    /** A direct dependency, as the published POM declares it. */
    record Dependency(String groupId, String artifactId, String version, String scope, boolean optional) {
        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version + " (" + scope + (optional ? ", optional" : "") + ")";
        }
    }

    /**
     * Prints the footprint to {@code out}.
     *
     * @param out where to print
     * @throws Exception if the jar or its POM cannot be read
     */
    static void print(PrintStream out) throws Exception {
        var jar = componentJar();
        out.println("== Footprint");
        if (!Files.isRegularFile(jar)) {
            out.println("  the component was loaded from " + jar + ", not from its jar: run with the class path "
                    + "in benchmarks/target/runtime.classpath to measure the jar");
            return;
        }
        try (var file = new JarFile(jar.toFile())) {
            long classes = file.stream().filter(e -> e.getName().endsWith(".class")).count();
            out.printf(Locale.ROOT, "  published jar: %s, %,d bytes (%.1f KiB), %d classes%n",
                    jar.getFileName(), Files.size(jar), Files.size(jar) / 1024.0, classes);
            var pom = file.getEntry(POM);
            if (pom == null) {
                out.println("  (no POM inside the jar)");
            } else {
                try (var in = file.getInputStream(pom)) {
                    out.println("  direct dependencies declared by the published POM:");
                    for (var d : directDependencies(in)) {
                        out.println("    " + d);
                    }
                }
            }
        }
        var jars = new ArrayList<Path>();
        for (var entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
            var path = Path.of(entry);
            // The benchmarks run under the test kit, which a stack only has at test scope: not counted.
            var name = path.getFileName().toString();
            if (entry.endsWith(".jar") && Files.isRegularFile(path) && !path.equals(jar)
                    && !name.startsWith("encrypted-ai-data-key-benchmarks")
                    && !name.startsWith("encrypted-ai-data-key-testing") && !name.startsWith("snakeyaml-engine")) {
                jars.add(path);
            }
        }
        long total = 0;
        for (var p : jars) {
            total += Files.size(p);
        }
        out.printf(Locale.ROOT, "  runtime class path they pull in (this run's class path): %d jars, %.1f MiB%n",
                jars.size(), total / (1024.0 * 1024.0));
        jars.sort(Comparator.comparingLong(Footprint::size).reversed());
        out.print("    largest:");
        for (var p : jars.subList(0, Math.min(5, jars.size()))) {
            out.printf(Locale.ROOT, " %s (%.1f MiB)", p.getFileName(), size(p) / (1024.0 * 1024.0));
        }
        out.println();
    }

    /**
     * Returns the jar (or directory) {@link EncryptedAiDataKey} was loaded from.
     *
     * @return the jar (or directory) {@link EncryptedAiDataKey} was loaded from
     */
    static Path componentJar() throws URISyntaxException {
        return Path.of(EncryptedAiDataKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static List<Dependency> directDependencies(InputStream pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder().parse(pom);
        var result = new ArrayList<Dependency>();
        var project = document.getDocumentElement();
        for (var section = project.getFirstChild(); section != null; section = section.getNextSibling()) {
            // Only <project><dependencies>, not <dependencyManagement>: what a consumer actually gets.
            if (section instanceof Element e && e.getTagName().equals("dependencies")) {
                var list = e.getElementsByTagName("dependency");
                for (int i = 0; i < list.getLength(); i++) {
                    var d = (Element) list.item(i);
                    result.add(new Dependency(text(d, "groupId", ""), text(d, "artifactId", ""),
                            text(d, "version", "?"), text(d, "scope", "compile"),
                            Boolean.parseBoolean(text(d, "optional", "false"))));
                }
            }
        }
        return result;
    }

    private static String text(Element parent, String tag, String otherwise) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return otherwise;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
