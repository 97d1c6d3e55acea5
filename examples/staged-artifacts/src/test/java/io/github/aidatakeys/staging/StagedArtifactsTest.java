package io.github.aidatakeys.staging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `deploy` staged is what a release uploads: it must satisfy Maven Central's requirements. */
class StagedArtifactsTest {
    static Path dir;
    static List<Path> files;

    @BeforeAll
    static void find() throws IOException {
        dir = Path.of(System.getProperty("staging.repo.dir"), "io/github/aidatakeys/encrypted-ai-data-key",
                System.getProperty("library.version"));
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
    }

    static Path only(String suffix) {
        var matches = files.stream().filter(f -> f.getFileName().toString().endsWith(suffix))
                .filter(f -> !f.getFileName().toString().endsWith("-sources.jar") || suffix.endsWith("-sources.jar"))
                .filter(f -> !f.getFileName().toString().endsWith("-javadoc.jar") || suffix.endsWith("-javadoc.jar"))
                .sorted().toList();
        assertFalse(matches.isEmpty(), "no *" + suffix + " in " + dir);
        return matches.get(matches.size() - 1);
    }

    @Test
    void jarSourcesJavadocAndPomAreStagedWithChecksums() {
        for (var suffix : List.of(".jar", "-sources.jar", "-javadoc.jar", ".pom")) {
            var file = only(suffix);
            assertTrue(Files.exists(Path.of(file + ".sha1")), file + ".sha1");
            assertTrue(Files.exists(Path.of(file + ".md5")), file + ".md5");
        }
    }

    @Test
    void sourcesAndJavadocHoldThePublicApi() throws IOException {
        try (var sources = new JarFile(only("-sources.jar").toFile());
             var javadoc = new JarFile(only("-javadoc.jar").toFile())) {
            assertTrue(sources.getEntry("io/github/aidatakeys/EncryptedAiDataKey.java") != null);
            assertTrue(javadoc.getEntry("io/github/aidatakeys/EncryptedAiDataKey.html") != null);
        }
    }

    @Test
    void pomStandsAloneWithCentralsMetadata() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(only(".pom").toFile());
        var project = pom.getDocumentElement();
        assertEquals(0, project.getElementsByTagName("parent").getLength(), "the published POM has no parent");
        for (var required : List.of("groupId", "artifactId", "version", "name", "description", "url")) {
            assertFalse(text(project, required).isBlank(), required);
        }
        assertEquals("Apache License, Version 2.0", text((Element) project.getElementsByTagName("license").item(0), "name"));
        assertFalse(text((Element) project.getElementsByTagName("developer").item(0), "name").isBlank());
        var scm = (Element) project.getElementsByTagName("scm").item(0);
        assertEquals("https://github.com/aidatakeys/encrypted-ai-data-key", text(scm, "url"));
        assertTrue(text(scm, "connection").startsWith("scm:git:"));
        var dependencies = project.getElementsByTagName("artifactId");
        var names = new java.util.ArrayList<String>();
        for (int i = 1; i < dependencies.getLength(); i++) {
            names.add(dependencies.item(i).getTextContent());
        }
        assertEquals(List.of("pulumi", "aws", "gson", "jsr305"), names, "the runtime dependencies of the library");
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
