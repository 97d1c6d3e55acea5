package io.github.aidatakeys.provider;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.aidatakeys.EncryptedAiDataKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The package schema, inferred offline by the Pulumi Java SDK from the component's classes exactly as the plugin
 * serves it, against the checked-in {@code component/schema.json} (what {@code pulumi package add} generates the
 * TypeScript, Python, Go and C# SDKs from, and what YAML programs are checked against).
 *
 * <p>After changing {@code EncryptedAiDataKeyArgs}, the component's outputs, their {@code @Doc} descriptions or
 * the library's version (the schema carries it), regenerate the file with {@value #REGENERATE} and review the diff.
 */
class PackageSchemaTest {
    static final String UPDATE_PROPERTY = "aidatakeys.updateSchema";
    static final String REGENERATE =
            "./mvnw -B -q test -pl component -Dtest=PackageSchemaTest -D" + UPDATE_PROPERTY + "=true";
    private static final int MAX_DIFFERENCES_SHOWN = 25;

    @Test
    void checkedInSchemaIsTheOneThePluginServes() throws IOException {
        String generated = canonical(JsonParser.parseString(ProviderHost.schema()));
        Path file = schemaFile();

        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(generated)) {
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                System.err.println("PackageSchemaTest: rewrote " + file);
            }
            return;
        }

        if (!Files.exists(file)) {
            fail(file + " is missing. Generate it with:%n  %s%n(from the repository root) and commit it.", REGENERATE);
        }
        List<String> differences = differences("$",
                JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)),
                JsonParser.parseString(generated));
        if (!differences.isEmpty()) {
            var shown = differences.subList(0, Math.min(differences.size(), MAX_DIFFERENCES_SHOWN));
            fail("%s is out of date: the component's classes now give another schema (%d difference(s), checked-in "
                            + "-> generated):%n  %s%s%nRegenerate it with:%n  %s%n(from the repository root), review the "
                            + "diff and commit it.",
                    file, differences.size(), String.join(System.lineSeparator() + "  ", shown),
                    differences.size() > shown.size() ? System.lineSeparator() + "  ..." : "", REGENERATE);
        }
    }

    @Test
    void schemaHoldsExactlyTheOneComponentUnderItsTypeToken() {
        JsonObject schema = JsonParser.parseString(ProviderHost.schema()).getAsJsonObject();

        assertThat(EncryptedAiDataKey.TYPE).startsWith(ProviderHost.PACKAGE_NAME + ":index:");
        assertThat(schema.get("name").getAsString()).isEqualTo(ProviderHost.PACKAGE_NAME);
        // The host scans the Java package io.github.aidatakeys and its sub-packages: nothing else may be found there.
        assertThat(schema.getAsJsonObject("resources").keySet()).containsExactly(EncryptedAiDataKey.TYPE);

        JsonObject component = schema.getAsJsonObject("resources").getAsJsonObject(EncryptedAiDataKey.TYPE);
        assertThat(component.get("isComponent").getAsBoolean()).isTrue();
        assertThat(component.getAsJsonArray("requiredInputs")).contains(new JsonPrimitive("aliasName"));
        assertThat(component.getAsJsonObject("inputProperties").keySet())
                .contains("aliasName", "allowedServices", "rotationPeriodInDays", "retainOnDelete");
        assertThat(component.getAsJsonObject("properties").keySet())
                .contains("keyId", "keyArn", "aliasName", "aliasArn", "roleName", "roleArn", "rolePolicyName",
                        "keyPolicy", "trustPolicy", "rolePolicy");
    }

    /** {@code component/schema.json}: surefire runs in the module directory and names it in {@code basedir}. */
    static Path schemaFile() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("schema.json");
    }

    /** Object keys sorted at every level, two-space indentation, a final newline: a stable, reviewable file. */
    static String canonical(JsonElement json) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(sorted(json)) + "\n";
    }

    private static JsonElement sorted(JsonElement json) {
        if (json.isJsonObject()) {
            var out = new JsonObject();
            for (String key : new TreeSet<>(json.getAsJsonObject().keySet())) {
                out.add(key, sorted(json.getAsJsonObject().get(key)));
            }
            return out;
        }
        if (json.isJsonArray()) {
            var out = new JsonArray();
            json.getAsJsonArray().forEach(e -> out.add(sorted(e)));
            return out;
        }
        return json;
    }

    /** Where two schemas differ, as JSON paths, for a failure message that says what changed. */
    static List<String> differences(String path, JsonElement expected, JsonElement actual) {
        var out = new ArrayList<String>();
        if (expected.isJsonObject() && actual.isJsonObject()) {
            var keys = new TreeSet<>(expected.getAsJsonObject().keySet());
            keys.addAll(actual.getAsJsonObject().keySet());
            for (String key : keys) {
                JsonElement e = expected.getAsJsonObject().get(key);
                JsonElement a = actual.getAsJsonObject().get(key);
                String child = path + "." + key;
                if (e == null) {
                    out.add("added   " + child + ": " + a);
                } else if (a == null) {
                    out.add("removed " + child + ": " + e);
                } else {
                    out.addAll(differences(child, e, a));
                }
            }
        } else if (!expected.equals(actual)) {
            out.add("changed " + path + ": " + expected + " -> " + actual);
        }
        return out;
    }

    @Test
    void differencesNameWhatWasAddedRemovedAndChanged() {
        var before = JsonParser.parseString("{\"a\":{\"x\":1,\"y\":[1]},\"b\":true}");
        var after = JsonParser.parseString("{\"a\":{\"y\":[1,2],\"z\":\"s\"},\"b\":true}");

        assertThat(differences("$", before, after)).containsExactly(
                "removed $.a.x: 1",
                "changed $.a.y: [1] -> [1,2]",
                "added   $.a.z: \"s\"");
        assertThat(differences("$", before, before)).isEmpty();
        assertThat(canonical(JsonParser.parseString("{\"b\":1,\"a\":{\"d\":2,\"c\":3}}")))
                .isEqualTo("""
                        {
                          "a": {
                            "c": 3,
                            "d": 2
                          },
                          "b": 1
                        }
                        """);
    }
}
