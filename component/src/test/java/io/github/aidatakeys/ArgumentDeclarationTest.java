package io.github.aidatakeys;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.internal.Doc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The arguments are declared once ({@code src/main/arguments/EncryptedAiDataKeyArgs.json}); what users read about an
 * argument (its range and default, in the Javadoc, the schema and the reference page) is what the component does.
 */
class ArgumentDeclarationTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path DECLARATION = BASEDIR.resolve("src/main/arguments/EncryptedAiDataKeyArgs.json");
    private static final Path GENERATOR = BASEDIR.resolve("src/build/ArgumentsGenerator.java");
    private static final Pattern NUMERIC_RANGE = Pattern.compile("(\\d+) to (\\d+)");

    static Stream<Field> numericArguments() {
        return Arrays.stream(EncryptedAiDataKeyArgs.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Import.class) && f.getGenericType().getTypeName()
                        .equals("com.pulumi.core.Output<java.lang.Integer>"));
    }

    /** The documented range of each number argument is exactly what {@code build()} accepts. */
    @ParameterizedTest
    @MethodSource("numericArguments")
    void everyDocumentedNumericRangeIsWhatBuildAccepts(Field field) throws ReflectiveOperationException {
        var range = NUMERIC_RANGE.matcher(field.getAnnotation(Doc.class).range());
        assertThat(range.matches()).as("range of %s", field.getName()).isTrue();
        int min = Integer.parseInt(range.group(1));
        int max = Integer.parseInt(range.group(2));
        var setter = EncryptedAiDataKeyArgs.Builder.class.getMethod(field.getName(), Integer.class);

        for (int accepted : new int[] {min, max}) {
            var builder = EncryptedAiDataKeyArgsTest.valid();
            setter.invoke(builder, accepted);
            assertThatCode(builder::build).as("%s = %d", field.getName(), accepted).doesNotThrowAnyException();
        }
        for (int refused : new int[] {min - 1, max + 1}) {
            var builder = EncryptedAiDataKeyArgsTest.valid();
            setter.invoke(builder, refused);
            assertThatThrownBy(builder::build).as("%s = %d", field.getName(), refused)
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(field.getName() + " must be between " + min + " and " + max + " ")
                    .hasMessageEndingWith("; received: " + refused);
        }
    }

    /**
     * Where an argument documents a literal default ({@code `30`}), the settings the component renders from hold
     * that value when the argument is not given.
     */
    @Test
    void everyDocumentedLiteralDefaultIsTheValueApplied() throws ReflectiveOperationException {
        var settings = KeySettings.checkKnown("key", EncryptedAiDataKeyArgsTest.valid().build()).orElseThrow();
        var checked = new ArrayList<String>();
        for (var field : EncryptedAiDataKeyArgs.class.getDeclaredFields()) {
            var doc = field.getAnnotation(Doc.class);
            var literal = Pattern.compile("^`([^`]*)`").matcher(doc == null ? "" : doc.defaultValue());
            Field setting;
            try {
                setting = KeySettings.class.getField(field.getName());
            } catch (NoSuchFieldException e) {
                continue;
            }
            var scalar = !List.class.isAssignableFrom(setting.getType()) && !Map.class.isAssignableFrom(setting.getType());
            if (!scalar || !literal.find() || literal.group(1).contains("<")) {
                continue;
            }
            assertThat(String.valueOf(setting.get(settings))).as("default of %s", field.getName())
                    .isEqualTo(literal.group(1));
            checked.add(field.getName());
        }
        assertThat(checked).contains("enableKeyRotation", "rotationPeriodInDays", "deletionWindowInDays",
                "rolePath", "roleMaxSessionDuration", "webIdentityAudience", "multiRegion",
                "crossAccountWithoutExternalId");
    }

    /** What must be given is a plain value; everything else is {@code Optional}, empty when the default applies. */
    @Test
    void requiredArgumentsAreNotOptionalAndTheOthersAre() throws NoSuchMethodException {
        var required = new ArrayList<String>();
        for (var field : EncryptedAiDataKeyArgs.class.getDeclaredFields()) {
            var imported = field.getAnnotation(Import.class);
            if (imported == null) {
                continue;
            }
            var getter = EncryptedAiDataKeyArgs.class.getMethod(field.getName());
            if (imported.required()) {
                required.add(field.getName());
                assertThat(getter.getGenericReturnType()).as(field.getName()).isEqualTo(field.getGenericType());
            } else {
                assertThat(getter.getReturnType()).as(field.getName()).isEqualTo(Optional.class);
                assertThat(((ParameterizedType) getter.getGenericReturnType()).getActualTypeArguments()[0])
                        .as(field.getName()).isEqualTo(field.getGenericType());
            }
        }
        assertThat(required).containsExactly("aliasName");
        assertThat(EncryptedAiDataKeyArgs.builder().aliasName("alias/a").allowedServices(AwsService.EC2).build()
                .aliasName()).isInstanceOf(Output.class);
    }

    /** Users build arguments with the builder; only the Pulumi runtime creates them empty, by reflection. */
    @Test
    void argumentsHaveNoPublicConstructor() {
        assertThat(EncryptedAiDataKeyArgs.class.getConstructors()).isEmpty();
        assertThat(Arrays.stream(EncryptedAiDataKeyArgs.class.getDeclaredConstructors())
                .map(c -> Modifier.isPrivate(c.getModifiers()))).containsExactly(true);
    }

    /** Every argument given as an {@code Output} has its own rule and says which derived values it flows into. */
    @Test
    void everyOutputArgumentIsInTheArgumentTable() {
        var outputs = Arrays.stream(EncryptedAiDataKeyArgs.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Import.class) && f.getType() == Output.class)
                .map(Field::getName).toList();
        assertThat(Arrays.stream(Argument.values()).map(a -> a.argument)).containsExactlyElementsOf(outputs);
        assertThat(Argument.values()).allSatisfy(a -> assertThat(a.flowsInto).as(a.argument).isNotEmpty());
    }

    /**
     * Generating twice gives the same files, byte for byte: a build from an unchanged declaration recompiles nothing
     * and two builds of one commit publish the same sources.
     */
    @Test
    void theGeneratorIsDeterministic(@TempDir Path dir) throws Exception {
        var first = generate(DECLARATION, dir.resolve("first"));
        var second = generate(DECLARATION, dir.resolve("second"));
        assertThat(first.exitCode).as(first.output).isZero();
        assertThat(second.exitCode).as(second.output).isZero();
        try (var files = Files.walk(dir.resolve("first"))) {
            var generated = files.filter(Files::isRegularFile).toList();
            assertThat(generated).hasSize(5);
            for (var file : generated) {
                var other = dir.resolve("second").resolve(dir.resolve("first").relativize(file));
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s", file.getFileName())
                        .isEqualTo(Files.readString(other, StandardCharsets.UTF_8));
            }
        }
    }

    /** The example of docs/contributing.md, added to the real declaration, generates what the page says. */
    @Test
    void theContributingPageExampleGeneratesTheArgument(@TempDir Path dir) throws Exception {
        var page = Files.readString(BASEDIR.resolve("../docs/contributing.md"), StandardCharsets.UTF_8);
        var block = page.substring(page.indexOf("```json\n") + 8, page.indexOf("```", page.indexOf("```json\n") + 8));
        var example = JsonParser.parseString(block).getAsJsonObject();
        var declaration = JsonParser.parseString(Files.readString(DECLARATION, StandardCharsets.UTF_8))
                .getAsJsonObject();
        example.getAsJsonObject("limits").entrySet()
                .forEach(e -> declaration.getAsJsonObject("limits").add(e.getKey(), e.getValue()));
        declaration.getAsJsonArray("arguments").addAll(example.getAsJsonArray("arguments"));
        var file = dir.resolve("EncryptedAiDataKeyArgs.json");
        Files.writeString(file, declaration.toString(), StandardCharsets.UTF_8);

        var result = generate(file, dir.resolve("out"));

        assertThat(result.exitCode).as(result.output).isZero();
        var generated = dir.resolve("out/io/github/aidatakeys");
        assertThat(Files.readString(generated.resolve("EncryptedAiDataKeyArgs.java"), StandardCharsets.UTF_8))
                .contains("@Import(name = \"roleDescription\")")
                .contains("range = \"At most 1000 characters\"")
                .contains("public Optional<Output<String>> roleDescription() {")
                .contains("public Builder roleDescription(@Nullable Output<String> value) {")
                .contains("public Builder roleDescription(@Nullable String value) {")
                .contains("The data role's description, shown in the IAM console. At most 1000 characters. Defaults "
                        + "to none.");
        assertThat(Files.readString(generated.resolve("Argument.java"), StandardCharsets.UTF_8))
                .contains("ROLE_DESCRIPTION(\"roleDescription\", EncryptedAiDataKeyArgs::roleDescription,\n"
                        + "        ArgumentRules.string(Rules::roleDescription), Derived.ROLE_DESCRIPTION)");
        assertThat(Files.readString(generated.resolve("internal/Limits.java"), StandardCharsets.UTF_8))
                .contains("public static final int ROLE_DESCRIPTION_MAX_LENGTH = 1000;");
    }

    @Test
    void aDocumentedDefaultThatDisagreesWithTheDeclaredDefaultFailsTheBuild(@TempDir Path dir) throws Exception {
        refused(dir, a -> a.get("name").getAsString().equals("deletionWindowInDays"),
                a -> a.addProperty("defaultDoc", "`14`, the longest window"),
                "argument declaration deletionWindowInDays: documents its default as \"`14`, the longest window\", "
                        + "which does not show the declared default `30`");
    }

    @Test
    void aRangeNamingAnUndeclaredLimitFailsTheBuild(@TempDir Path dir) throws Exception {
        refused(dir, a -> a.get("name").getAsString().equals("roleName"),
                a -> a.addProperty("range", "1 to {ROLE_NAME_MAXIMUM} characters"),
                "argument declaration roleName: names the limit ROLE_NAME_MAXIMUM, which \"limits\" does not declare");
    }

    @Test
    void anOutputArgumentThatFlowsIntoNothingFailsTheBuild(@TempDir Path dir) throws Exception {
        refused(dir, a -> a.get("name").getAsString().equals("externalId"), a -> a.remove("flowsInto"),
                "argument declaration externalId: must say which derived values it flows into (\"flowsInto\"): "
                        + "secrecy follows them");
    }

    @Test
    void anOptionalArgumentWithoutADefaultFailsTheBuild(@TempDir Path dir) throws Exception {
        refused(dir, a -> a.get("name").getAsString().equals("rolePermissionsBoundary"), a -> a.remove("defaultDoc"),
                "argument declaration rolePermissionsBoundary: needs a default (\"default\": a value, or "
                        + "\"defaultDoc\": what applies when it is not given)");
    }

    @Test
    void aMisspelledInputKindFailsTheBuild(@TempDir Path dir) throws Exception {
        refused(dir, a -> a.get("name").getAsString().equals("replicaRegions"), a -> a.addProperty("input", "plian"),
                "argument declaration replicaRegions: has \"input\": \"plian\"; it is \"output\" (the default) or "
                        + "\"plain\"");
    }

    private static void refused(Path dir, Predicate<JsonObject> which, Consumer<JsonObject> edit,
                                String message) throws Exception {
        var declaration = JsonParser.parseString(Files.readString(DECLARATION, StandardCharsets.UTF_8))
                .getAsJsonObject();
        var edited = 0;
        for (var argument : declaration.getAsJsonArray("arguments")) {
            if (which.test(argument.getAsJsonObject())) {
                edit.accept(argument.getAsJsonObject());
                edited++;
            }
        }
        assertThat(edited).isOne();
        var file = dir.resolve("EncryptedAiDataKeyArgs.json");
        Files.writeString(file, declaration.toString(), StandardCharsets.UTF_8);
        var result = generate(file, dir.resolve("out"));
        assertThat(result.exitCode).as(result.output).isNotZero();
        assertThat(result.output).contains("IllegalArgumentException: " + message);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private record Generated(int exitCode, String output) {
    }

    /** Runs the generator as the build does: the JDK's source launcher, with Gson on the class path. */
    private static Generated generate(Path declaration, Path out)
            throws IOException, InterruptedException, URISyntaxException {
        var gson = Path.of(JsonParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var java = Path.of(System.getProperty("java.home"), "bin", "java");
        var log = Files.createTempFile("generator", ".log");
        try {
            var process = new ProcessBuilder(List.of(java.toString(), "-cp", gson.toString(), GENERATOR.toString(),
                    declaration.toString(), out.toString())).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the generator did not finish within 120 s");
            }
            return new Generated(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
