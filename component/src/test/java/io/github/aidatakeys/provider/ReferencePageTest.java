package io.github.aidatakeys.provider;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code docs/reference.md} is exactly what {@link ReferencePage} renders from the component's classes: adding,
 * renaming or re-documenting an argument or output without regenerating the page fails here.
 *
 * <p>Regenerate it with {@value #REGENERATE} and review the diff.
 */
class ReferencePageTest {
    static final String UPDATE_PROPERTY = "aidatakeys.updateReference";
    static final String REGENERATE =
            "./mvnw -B -q test -pl component -Dtest=ReferencePageTest -D" + UPDATE_PROPERTY + "=true";
    private static final int MAX_DIFFERENCES_SHOWN = 25;

    @Test
    void checkedInReferenceIsTheGeneratedOne() throws IOException {
        String generated = ReferencePage.render();
        Path file = referenceFile();

        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(generated)) {
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                System.err.println("ReferencePageTest: rewrote " + file);
            }
            return;
        }

        if (!Files.exists(file)) {
            fail(file + " is missing. Generate it with:%n  %s%n(from the repository root) and commit it.", REGENERATE);
        }
        String checkedIn = Files.readString(file, StandardCharsets.UTF_8);
        if (!checkedIn.equals(generated)) {
            List<String> differences = differences(checkedIn, generated);
            var shown = differences.subList(0, Math.min(differences.size(), MAX_DIFFERENCES_SHOWN));
            fail("%s is out of date: the component's classes now give another page (checked-in -> generated):%n"
                            + "  %s%s%nRegenerate it with:%n  %s%n(from the repository root), review the diff and "
                            + "commit it.",
                    file, String.join(System.lineSeparator() + "  ", shown),
                    differences.size() > shown.size() ? System.lineSeparator() + "  ..." : "", REGENERATE);
        }
    }

    @Test
    void thePageHasARowForEveryArgumentAndOutputAndLegacyField() {
        String page = ReferencePage.render();
        var component = io.github.aidatakeys.EncryptedAiDataKey.class;

        SchemaDocs.inputs(component).keySet().forEach(name -> assertThat(page).contains("\n| `" + name + "` | "));
        SchemaDocs.outputs(component).keySet().forEach(name -> assertThat(page).contains("\n| `" + name + "` | "));
        SchemaDocs.properties(io.github.aidatakeys.LegacyResources.class).keySet()
                .forEach(name -> assertThat(page).contains("\n| `" + name + "` | "));
        assertThat(page).contains("| `multiRegion` | `Boolean` | `boolean` | No | `false` |  | **Yes** |");
        assertThat(page).contains("| `migrateFrom` | `LegacyResources` | [`LegacyResources`](#legacyresources) (plain) |");
        assertThat(page).contains("\n## LegacyResources\n");
    }

    /** {@code docs/reference.md}: surefire runs in the module directory and names it in {@code basedir}. */
    static Path referenceFile() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent()
                .resolve("docs").resolve("reference.md");
    }

    /** The lines only one of the two texts has, each once, in order: enough to see what changed in a table. */
    static List<String> differences(String checkedIn, String generated) {
        var before = new ArrayList<>(checkedIn.lines().toList());
        var after = new ArrayList<>(generated.lines().toList());
        var out = new ArrayList<String>();
        for (String line : checkedIn.lines().toList()) {
            if (after.remove(line)) {
                before.remove(line);
            }
        }
        before.forEach(line -> out.add("- " + line));
        after.forEach(line -> out.add("+ " + line));
        if (out.isEmpty()) {
            out.add("the same lines in another order (or other line endings)");
        }
        return out;
    }

    @Test
    void differencesNameRemovedAndAddedLines() {
        assertThat(differences("a\nb\nc\n", "a\nc\nd\n")).containsExactly("- b", "+ d");
        assertThat(differences("a\nb\n", "b\na\n")).containsExactly("the same lines in another order (or other "
                + "line endings)");
    }
}
