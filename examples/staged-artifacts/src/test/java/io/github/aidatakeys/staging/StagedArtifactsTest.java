package io.github.aidatakeys.staging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What `deploy` staged is what a release uploads: both artifacts must satisfy Maven Central's requirements, and each
 * must carry what its users run and nothing else.
 */
class StagedArtifactsTest {
    /** The published artifacts, with a class that must be in each and the dependencies of each published POM. */
    enum Artifact {
        COMPONENT("encrypted-ai-data-key", "io.github.aidatakeys", "io/github/aidatakeys/EncryptedAiDataKey",
                List.of("pulumi", "aws", "gson", "jsr305")),
        TESTING("encrypted-ai-data-key-testing", "io.github.aidatakeys.testing", "io/github/aidatakeys/testing/OfflinePlan",
                List.of("encrypted-ai-data-key", "pulumi", "gson", "jsr305", "snakeyaml-engine"));

        final String artifactId;
        final String moduleName;
        final String mainClass;
        final List<String> dependencies;

        Artifact(String artifactId, String moduleName, String mainClass, List<String> dependencies) {
            this.artifactId = artifactId;
            this.moduleName = moduleName;
            this.mainClass = mainClass;
            this.dependencies = dependencies;
        }

        Path dir() {
            return Path.of(System.getProperty("staging.repo.dir"), "io/github/aidatakeys", artifactId,
                    System.getProperty("library.version"));
        }

        Path only(String suffix) throws IOException {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir())) {
                files = list.toList();
            }
            var matches = files.stream().filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> !f.getFileName().toString().endsWith("-sources.jar") || suffix.endsWith("-sources.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-javadoc.jar") || suffix.endsWith("-javadoc.jar"))
                    .sorted().toList();
            assertFalse(matches.isEmpty(), "no *" + suffix + " in " + dir());
            return matches.get(matches.size() - 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Artifact.class)
    void jarSourcesJavadocAndPomAreStagedWithChecksums(Artifact artifact) throws IOException {
        for (var suffix : List.of(".jar", "-sources.jar", "-javadoc.jar", ".pom")) {
            var file = artifact.only(suffix);
            assertTrue(Files.exists(Path.of(file + ".sha1")), file + ".sha1");
            assertTrue(Files.exists(Path.of(file + ".md5")), file + ".md5");
        }
    }

    @ParameterizedTest
    @EnumSource(Artifact.class)
    void sourcesAndJavadocHoldThePublicApi(Artifact artifact) throws IOException {
        try (var jar = new JarFile(artifact.only(".jar").toFile());
             var sources = new JarFile(artifact.only("-sources.jar").toFile());
             var javadoc = new JarFile(artifact.only("-javadoc.jar").toFile())) {
            assertTrue(jar.getEntry(artifact.mainClass + ".class") != null, artifact.mainClass + ".class");
            assertTrue(sources.getEntry(artifact.mainClass + ".java") != null, artifact.mainClass + ".java");
            assertTrue(javadoc.getEntry(artifact.mainClass + ".html") != null, artifact.mainClass + ".html");
        }
    }

    @ParameterizedTest
    @EnumSource(Artifact.class)
    void eachJarNamesItsModule(Artifact artifact) throws IOException {
        try (var jar = new JarFile(artifact.only(".jar").toFile())) {
            assertEquals(artifact.moduleName, jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                    "Automatic-Module-Name of " + artifact.artifactId);
        }
    }

    @Test
    void theJavadocLeavesOutTheInternalPackage() throws IOException {
        try (var javadoc = new JarFile(Artifact.COMPONENT.only("-javadoc.jar").toFile())) {
            var internal = javadoc.stream().map(JarEntry::getName)
                    .filter(name -> name.contains("aidatakeys/internal/")).toList();
            assertEquals(List.of(), internal, "pages of the internal package in the published Javadoc");
        }
    }

    @Test
    void theComponentJarHasNoTestingCommandLineOrYamlClasses() throws IOException {
        try (var jar = new JarFile(Artifact.COMPONENT.only(".jar").toFile())) {
            var offending = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("io/github/aidatakeys/testing/")
                            || name.toLowerCase(java.util.Locale.ROOT).contains("yaml")
                            || name.contains("OfflinePlan"))
                    .toList();
            assertEquals(List.of(), offending, "test tooling in the component's jar");
        }
    }

    @Test
    void theTestKitJarHoldsOnlyTheTestKit() throws IOException {
        try (var jar = new JarFile(Artifact.TESTING.only(".jar").toFile())) {
            var outside = jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class"))
                    .filter(name -> !name.startsWith("io/github/aidatakeys/testing/")).toList();
            assertEquals(List.of(), outside, "the kit's jar repeats classes of another artifact");
        }
    }

    @ParameterizedTest
    @EnumSource(Artifact.class)
    void pomStandsAloneWithCentralsMetadataAndTheRuntimeDependencies(Artifact artifact) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(artifact.only(".pom").toFile());
        var project = pom.getDocumentElement();
        assertEquals(0, project.getElementsByTagName("parent").getLength(), "the published POM has no parent");
        for (var required : List.of("groupId", "artifactId", "version", "name", "description", "url")) {
            assertFalse(text(project, required).isBlank(), required);
        }
        assertEquals(artifact.artifactId, text(project, "artifactId"));
        assertEquals("Apache License, Version 2.0", text((Element) project.getElementsByTagName("license").item(0), "name"));
        assertFalse(text((Element) project.getElementsByTagName("developer").item(0), "name").isBlank());
        var scm = (Element) project.getElementsByTagName("scm").item(0);
        assertEquals("https://github.com/aidatakeys/encrypted-ai-data-key", text(scm, "url"));
        assertTrue(text(scm, "connection").startsWith("scm:git:"));
        var names = new ArrayList<String>();
        var dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (Element) dependencies.item(i);
            var scope = text(dependency, "scope");
            assertTrue(scope.isEmpty() || scope.equals("compile"), artifact.artifactId + ": " + text(dependency,
                    "artifactId") + " has scope " + scope);
            assertFalse(text(dependency, "version").isBlank(), text(dependency, "artifactId") + " has no version");
            names.add(text(dependency, "artifactId"));
        }
        assertEquals(artifact.dependencies, names, "the runtime dependencies of " + artifact.artifactId);
    }

    static String text(Element parent, String tag) {
        var nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent().trim();
            }
        }
        return "";
    }
}
