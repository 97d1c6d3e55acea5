package io.github.aidatakeys.provider;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAccess;
import io.github.aidatakeys.KeyAction;
import io.github.aidatakeys.LegacyResources;
import io.github.aidatakeys.internal.Doc;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every argument, output and argument type carries a {@link Doc}, and the package schema other languages get has a
 * description for each of them.
 */
class ArgumentDocsTest {

    @Test
    void everyInputOutputAndTypeFieldCarriesADescription() {
        var fields = new ArrayList<Field>();
        fields.addAll(SchemaDocs.inputs(EncryptedAiDataKey.class).values());
        fields.addAll(SchemaDocs.outputs(EncryptedAiDataKey.class).values());
        fields.addAll(SchemaDocs.properties(LegacyResources.class).values());
        fields.addAll(SchemaDocs.properties(io.github.aidatakeys.AdoptedResources.class).values());

        assertThat(fields).hasSizeGreaterThan(40).allSatisfy(field -> {
            Doc doc = field.getAnnotation(Doc.class);
            assertThat(doc).as("@Doc on %s.%s", field.getDeclaringClass().getSimpleName(), field.getName())
                    .isNotNull();
            assertThat(doc.description()).as("description of %s", field.getName()).isNotBlank().endsWith(".");
        });
        assertThat(EncryptedAiDataKey.class.getAnnotation(Doc.class)).isNotNull();
        assertThat(LegacyResources.class.getAnnotation(Doc.class)).isNotNull();
        assertThat(io.github.aidatakeys.AdoptedResources.class.getAnnotation(Doc.class)).isNotNull();
    }

    @Test
    void everyOptionalArgumentStatesItsDefaultAndNoRequiredOneDoes() {
        for (Map.Entry<String, Field> input : SchemaDocs.inputs(EncryptedAiDataKey.class).entrySet()) {
            Import imported = input.getValue().getAnnotation(Import.class);
            Doc doc = input.getValue().getAnnotation(Doc.class);
            assertThat(imported).as("@Import on %s", input.getKey()).isNotNull();
            if (imported.required()) {
                assertThat(doc.defaultValue()).as("default of the required %s", input.getKey()).isEmpty();
            } else {
                assertThat(doc.defaultValue()).as("default of %s", input.getKey()).isNotBlank();
            }
        }
    }

    @Test
    void outputsAndTypeFieldsStateNoDefaultAndReplaceNothing() {
        for (Field field : SchemaDocs.outputs(EncryptedAiDataKey.class).values()) {
            assertThat(field.getAnnotation(Export.class)).isNotNull();
            Doc doc = field.getAnnotation(Doc.class);
            assertThat(doc.defaultValue() + doc.range()).as("output %s", field.getName()).isEmpty();
            assertThat(doc.replacesKey()).as("output %s", field.getName()).isFalse();
        }
        for (Field field : SchemaDocs.properties(LegacyResources.class).values()) {
            assertThat(field.getAnnotation(Doc.class).replacesKey()).isFalse();
        }
        for (Field field : SchemaDocs.properties(io.github.aidatakeys.AdoptedResources.class).values()) {
            assertThat(field.getAnnotation(Doc.class).defaultValue()).as("type field %s", field.getName()).isEmpty();
            assertThat(field.getAnnotation(Doc.class).replacesKey()).isFalse();
        }
    }

    @Test
    void keyActionsDefaultListsExactlyTheDefaultPreset() {
        Doc doc = SchemaDocs.inputs(EncryptedAiDataKey.class).get("keyActions").getAnnotation(Doc.class);
        var listed = new ArrayList<String>();
        Matcher m = Pattern.compile("`(kms:[A-Za-z*]+)`").matcher(doc.defaultValue());
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                KeyAccess.ENCRYPT_DECRYPT.actions().stream().map(KeyAction::actionName).toList());
    }

    /**
     * The Javadoc of each getter of {@link EncryptedAiDataKeyArgs} (generated from the declaration) says "Changing
     * this replaces the key" exactly where the annotation says so.
     */
    @Test
    void replacesKeyAgreesWithTheJavadoc() throws IOException {
        Path source = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("target/generated-sources/arguments/io/github/aidatakeys/EncryptedAiDataKeyArgs.java");
        String text = Files.readString(source, StandardCharsets.UTF_8);
        List<String> saysSo = new ArrayList<>();
        Matcher getter = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public Optional<[^(]*> (\\w+)\\(\\)",
                Pattern.DOTALL).matcher(text);
        while (getter.find()) {
            if (getter.group(1).replaceAll("\\s*\\*\\s*", " ").contains("Changing this replaces the key")) {
                saysSo.add(getter.group(2));
            }
        }
        List<String> annotated = SchemaDocs.inputs(EncryptedAiDataKey.class).entrySet().stream()
                .filter(e -> e.getValue().getAnnotation(Doc.class).replacesKey())
                .map(Map.Entry::getKey)
                .toList();

        assertThat(annotated).isNotEmpty().containsExactlyInAnyOrderElementsOf(saysSo);
    }

    @Test
    void theServedSchemaDescribesEveryInputOutputAndType() {
        JsonObject schema = JsonParser.parseString(ProviderHost.schema()).getAsJsonObject();
        var missing = new ArrayList<String>();

        JsonObject resources = schema.getAsJsonObject("resources");
        for (String token : resources.keySet()) {
            JsonObject resource = resources.getAsJsonObject(token);
            requireDescription(resource, token, missing);
            for (String member : List.of("inputProperties", "properties")) {
                JsonObject properties = resource.getAsJsonObject(member);
                assertThat(properties.keySet()).as("%s of %s", member, token).isNotEmpty();
                properties.keySet().forEach(name -> requireDescription(properties.getAsJsonObject(name),
                        token + "." + member + "." + name, missing));
            }
        }
        JsonObject types = schema.getAsJsonObject("types");
        for (String token : types.keySet()) {
            JsonObject type = types.getAsJsonObject(token);
            requireDescription(type, token, missing);
            if (type.has("enum")) {
                type.getAsJsonArray("enum").forEach(value -> requireDescription(value.getAsJsonObject(),
                        token + ".enum." + value.getAsJsonObject().get("name").getAsString(), missing));
                continue;
            }
            JsonObject properties = type.getAsJsonObject("properties");
            properties.keySet().forEach(name -> requireDescription(properties.getAsJsonObject(name),
                    token + ".properties." + name, missing));
        }

        assertThat(missing).as("schema entries without a description (add a @Doc to the Java field)").isEmpty();
    }

    @Test
    void theSchemaDescriptionCarriesTheDefaultConstraintsAndReplacement() {
        JsonObject inputs = JsonParser.parseString(ProviderHost.schema()).getAsJsonObject()
                .getAsJsonObject("resources").getAsJsonObject(EncryptedAiDataKey.TYPE)
                .getAsJsonObject("inputProperties");

        assertThat(inputs.getAsJsonObject("rotationPeriodInDays").get("description").getAsString())
                .startsWith("Days between automatic rotations.")
                .endsWith("\n\nDefault: `365`. Constraints: 90 to 2560.");
        assertThat(inputs.getAsJsonObject("multiRegion").get("description").getAsString())
                .contains("Default: `false`.", "Changing this replaces the key");
        assertThat(inputs.getAsJsonObject("aliasName").get("description").getAsString())
                .doesNotContain("Default:", "Changing this replaces the key");
    }

    private static void requireDescription(JsonObject spec, String where, List<String> missing) {
        var description = spec.get("description");
        if (description == null || description.getAsString().isBlank()) {
            missing.add(where);
        }
    }
}
