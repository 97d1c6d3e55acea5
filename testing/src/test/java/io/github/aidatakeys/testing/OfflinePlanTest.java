package io.github.aidatakeys.testing;

import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.core.Output;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflinePlanTest {
    /** A stack program for the command line: the plan finds it by class name. */
    public static void stack(Context ctx) {
        var key = new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder()
                .aliasName(ctx.config().get("aliasName").orElse("alias/ai-data"))
                .allowedServices(AwsService.SAGEMAKER)
                .encryptionContext(Map.of("dataset", "chats"))
                .enableKeyRotation(ctx.config().getBoolean("rotation").orElse(true))
                .build(), null);
        ctx.export("keyArn", key.keyArn());
    }

    /** Fails the lint: a trust policy over its size budget is an error (rotation stays on, the default). */
    public static void failingStack(Context ctx) {
        var roles = new java.util.ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            roles.add("arn:aws:iam::123456789012:role/inference-service-with-a-long-name-" + i);
        }
        new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                .allowedRoleArns(roles).build(), null);
    }

    static OfflinePlan plan(Map<String, String> config) {
        return OfflinePlan.of(OfflinePlan.preview("p", "dev", config).run(OfflinePlanTest::stack), "p", "dev");
    }

    @Test
    void textShowsEveryResourceWithOptionsAndUnknownsNeverInventedArns() {
        var text = plan(Map.of()).text();
        assertThat(text).contains("+ aws:kms/key:Key  ai-data-key  (parent: ai-data)  [retainOnDelete]")
                .contains("+ aws:kms/alias:Alias  ai-data-alias").contains("+ aws:iam/role:Role  ai-data-role")
                .contains("+ aws:iam/rolePolicy:RolePolicy  ai-data-policy")
                .contains("keyArn: " + OfflineStack.UNKNOWN)
                .doesNotContain("arn:aws:kms:us-east-1:123456789012:key/");
    }

    @Test
    void textHoldsTheThreePolicyDocuments() {
        var text = plan(Map.of()).text();
        assertThat(text).contains("key policy of ai-data-key:").contains("trust policy of ai-data-role:")
                .contains("inline policy ai-data-policy:").contains("\"Sid\": \"EnableIamPoliciesForAccount\"")
                .contains("\"aws:SourceAccount\": \"123456789012\"");
    }

    @Test
    void accessSummarySaysWhoMayDoWhatUnderWhichContext() {
        assertThat(plan(Map.of()).accessSummary()).containsExactly(
                "role ai-data-role may be assumed by Service sagemaker.amazonaws.com when aws:SourceAccount "
                        + "StringEquals 123456789012",
                "role ai-data-role may kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, "
                        + "kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext, kms:GenerateDataKeyPair, "
                        + "kms:GenerateDataKeyPairWithoutPlaintext on key ai-data-key (alias/ai-data) only with "
                        + "encryption context dataset=chats",
                "role ai-data-role may kms:DescribeKey on key ai-data-key (alias/ai-data)");
    }

    @Test
    void accessSummaryFollowsThePlanOrderNotTheRegistrationOrder() {
        // Two components registered in opposite orders: the plan lists both in dependency order (then by name), and
        // so must the Access section, or the same stack would print two different plans.
        var zetaFirst = twoComponents("zeta", "alpha");
        var alphaFirst = twoComponents("alpha", "zeta");
        assertThat(zetaFirst.accessSummary()).isEqualTo(alphaFirst.accessSummary());
        assertThat(section(zetaFirst.text(), "Access")).isEqualTo(section(alphaFirst.text(), "Access"));
        assertThat(zetaFirst.accessSummary()).filteredOn(line -> line.startsWith("role "))
                .extracting(line -> line.substring(0, line.indexOf('-')))
                .containsExactly("role alpha", "role alpha", "role zeta", "role zeta");
    }

    private static OfflinePlan twoComponents(String first, String second) {
        return OfflinePlan.of(OfflinePlan.preview("p", "dev", Map.of()).run(ctx -> {
            for (var name : List.of(first, second)) {
                new EncryptedAiDataKey(name, EncryptedAiDataKeyArgs.builder().aliasName(name)
                        .allowedServices(AwsService.SAGEMAKER).build(), null);
            }
        }), "p", "dev");
    }

    /** One titled section of the text plan, up to the next blank line. */
    private static String section(String text, String title) {
        var start = text.indexOf("\n" + title + "\n");
        assertThat(start).as(text).isNotNegative();
        var end = text.indexOf("\n\n", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    @Test
    void regionComesFromTheStackConfiguration() {
        var plan = OfflinePlan.of(OfflinePlan.preview("p", "dev", Map.of("aws:region", "eu-west-1"))
                .run(ctx -> new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                        .allowedServices(AwsService.SAGEMAKER).viaServices("s3").build(), null)), "p", "dev");
        assertThat(plan.text()).contains("s3.eu-west-1.amazonaws.com").doesNotContain("us-east-1");
    }

    @Test
    void secretArgumentsNeverAppearInThePlan() {
        // A secret ExternalId and a secret encryption-context value: every rendering of the plan (text, JSON,
        // Mermaid, access summary) shows what they flow into as [secret], never their value.
        var plan = OfflinePlan.of(OfflinePlan.preview("p", "dev", Map.of()).run(ctx -> {
            var key = new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                    .allowedRoleArns("arn:aws:iam::210987654321:role/partner-inference")
                    .externalId(Output.ofSecret("partner-external-id-7f3a"))
                    .encryptionContext(Output.ofSecret(Map.of("dataset", "secret-dataset-name")))
                    .build(), null);
            ctx.export("trustPolicy", key.trustPolicy());
        }), "p", "dev");
        assertThat(plan.succeeded()).as(plan.text()).isTrue();
        for (var shown : List.of(plan.text(), plan.json(), plan.mermaid(),
                String.join("\n", plan.accessSummary()))) {
            assertThat(shown).doesNotContain("partner-external-id-7f3a").doesNotContain("secret-dataset-name");
        }
        assertThat(plan.text()).contains("trust policy of ai-data-role:\n    [secret]")
                .contains("trustPolicy: [secret]");
        // the real values are still what the run registered: only what is shown hides them
        assertThat(plan.result().resource("aws:iam/role:Role", "ai-data-role").input("assumeRolePolicy"))
                .contains("partner-external-id-7f3a");
    }

    @Test
    void mermaidIsTheSameEveryRun() {
        assertThat(plan(Map.of()).mermaid()).isEqualTo(plan(Map.of()).mermaid());
    }

    @Test
    void lintWarningsAreListed() {
        assertThat(plan(Map.of("rotation", "false")).text()).contains("Policy lint\n  ").contains("AIK013");
        assertThat(plan(Map.of()).text()).contains("Policy lint\n  no findings");
    }

    @Test
    void jsonIsMachineReadable() {
        var json = JsonParser.parseString(plan(Map.of()).json()).getAsJsonObject();
        assertThat(json.get("succeeded").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonArray("resources")).hasSize(5);
        assertThat(json.getAsJsonObject("policies").keySet()).containsExactly("key policy of ai-data-key",
                "trust policy of ai-data-role", "inline policy ai-data-policy");
        assertThat(json.getAsJsonArray("access")).hasSize(3);
    }

    @Test
    void mermaidDrawsResourcesDependenciesAndAccess() {
        var mermaid = plan(Map.of()).mermaid();
        assertThat(mermaid).startsWith("flowchart LR\n").contains("subgraph").contains("ai-data-key")
                .contains("-. assumes .->").contains("== \"Encrypt, Decrypt");
    }

    @Test
    void commandLineReadsTheStackSettingsFile(@TempDir Path dir) throws IOException {
        var settings = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(settings, "config:\n  aws:region: us-east-1\n  p:aliasName: \"alias/from-file\"\n");
        var run = PlanCommand.run("--program", OfflinePlanTest.class.getName(), "--project", "p", "--stack-config",
                settings.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("name: alias/from-file");
    }

    @Test
    void aMissingStackSettingsFileIsAnErrorNamingIt(@TempDir Path dir) {
        var missing = dir.resolve("Pulumi.prod.yaml");
        var run = PlanCommand.run("--program", OfflinePlanTest.class.getName(), "--project", "p", "--stack-config",
                missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("offline plan: " + missing + " does not exist" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theProjectNameComesFromPulumiYamlBesideTheStackSettings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: from-project-file\nruntime: java\n");
        var settings = dir.resolve("Pulumi.dev.yaml");
        // Namespaced by the project in Pulumi.yaml: only read if that is the project the plan runs as.
        Files.writeString(settings, "config:\n  from-project-file:aliasName: alias/of-that-project\n");
        var run = PlanCommand.run("--program", OfflinePlanTest.class.getName(), "--stack-config", settings.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Offline plan of project from-project-file, stack dev")
                .contains("name: alias/of-that-project");
    }

    @Test
    void withoutProjectAndWithoutPulumiYamlTheErrorSaysWhatIsMissing(@TempDir Path dir) throws IOException {
        var settings = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(settings, "config: {}\n");
        var run = PlanCommand.run("--program", OfflinePlanTest.class.getName(), "--stack-config", settings.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("offline plan: " + dir.resolve("Pulumi.yaml").toAbsolutePath()
                + " does not exist (give the project name with --project)" + System.lineSeparator());
    }

    /** Exports what it reads, and whether the engine holds the key as secret. */
    public static final class Secrets {
        private Secrets() {
        }

        public static void stack(Context ctx) {
            new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("alias/ai-data")
                    .allowedServices(AwsService.SAGEMAKER)
                    // Not a tag: "[secret]", what a secure value reads as offline, is outside IAM's tag characters.
                    .description("Owned by " + ctx.config().require("owner")).build(), null);
            ctx.export("owner", ctx.config().requireSecret("owner"));
            ctx.export("ownerIsSecret", com.pulumi.core.Output.of(
                    com.pulumi.deployment.internal.DeploymentInternal.getInstance().isConfigSecret("p:owner")));
            ctx.export("team", ctx.config().requireObject("team", Map.class));
        }
    }

    @Test
    void secureValuesShowAsSecretAndAreSecretConfig(@TempDir Path dir) throws IOException {
        var settings = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(settings, """
                encryptionsalt: v1:abc
                config:
                  p:owner:
                    secure: v1:c2VjcmV0:bm90LWEtcmVhbC1jaXBoZXJ0ZXh0
                  p:team:
                    name: ml
                    size: 3
                    members: [ana, bo]
                """);
        var run = PlanCommand.run("--program", Secrets.class.getName(), "--project", "p", "--stack-config",
                settings.toString());
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("owner: [secret]\n").contains("ownerIsSecret: true\n")
                .contains("description: Owned by [secret]\n").doesNotContain("bm90LWEtcmVhbC1jaXBoZXJ0ZXh0")
                .contains("team: {name=ml, size=3.0, members=[ana, bo]}");
    }

    @Test
    void commandLineExitsOneOnALintError() {
        var run = PlanCommand.run("--program", OfflinePlanTest.class.getName() + "$Failing", "--project", "p",
                "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(JsonParser.parseString(run.out()).getAsJsonObject().get("error").getAsString())
                .contains("AIK012");
    }

    @Test
    void commandLineExitsTwoOnBadArguments() {
        assertThat(PlanCommand.run("--format", "yaml").exitCode()).isEqualTo(2);
        assertThat(PlanCommand.run("--project", "p").err()).contains("--program is required");
        assertThat(PlanCommand.run("--program", "no.such.App").exitCode()).isEqualTo(2);
    }

    @Test
    void aFlagWithoutItsValueIsAUsageErrorNamingTheFlag() {
        for (var flag : List.of("--program", "--project", "--stack", "--stack-config", "--config", "--format",
                "--state", "--account", "--region", "--partition")) {
            var run = PlanCommand.run("--program", OfflinePlanTest.class.getName(), "--project", "p", flag);
            assertThat(run.exitCode()).as(flag).isEqualTo(2);
            assertThat(run.err().lines().findFirst()).as(flag).hasValue("offline plan: " + flag + " needs a value");
            assertThat(run.out()).as(flag).isEmpty();
        }
    }

    /** The program class the command line runs for the lint-error case. */
    public static final class Failing {
        private Failing() {
        }

        public static void stack(Context ctx) {
            failingStack(ctx);
        }
    }

    @Test
    void stackSettingsGiveTextAsItIsScalarsAsTextAndNestedValuesAsJson(@TempDir Path dir) throws IOException {
        var file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, """
                # comment
                config:
                  aws:region: eu-west-1
                  app:name: 'x y'
                  app:count: 3
                  app:enabled: true
                  app:quoted: "false"
                  app:limits:
                    daily: 10
                    models: [a, "b"]
                    nested: {deep: {er: x}}
                encryptionsalt: abc
                """);
        var settings = StackSettings.read(file);
        assertThat(settings.config()).containsExactly(Map.entry("aws:region", "eu-west-1"),
                Map.entry("app:name", "x y"), Map.entry("app:count", "3"), Map.entry("app:enabled", "true"),
                Map.entry("app:quoted", "false"),
                Map.entry("app:limits", "{\"daily\":10,\"models\":[\"a\",\"b\"],\"nested\":{\"deep\":{\"er\":\"x\"}}}"));
        assertThat(settings.secretKeys()).isEmpty();
    }

    @Test
    void stackSettingsMarkEveryKeyHoldingASecureValueSecret(@TempDir Path dir) throws IOException {
        var file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, """
                config:
                  app:token:
                    secure: v1:AAAA
                  app:db:
                    user: admin
                    password:
                      secure: v1:BBBB
                  app:plain: x
                """);
        var settings = StackSettings.read(file);
        assertThat(settings.secretConfig()).containsExactly(Map.entry("app:token", "[secret]"),
                Map.entry("app:db", "{\"user\":\"admin\",\"password\":\"[secret]\"}"));
        assertThat(settings.plainConfig()).containsExactly(Map.entry("app:plain", "x"));
        assertThat(settings.config().values()).noneMatch(v -> v.contains("v1:"));
    }

    @Test
    void stackSettingsThatAreNotYamlOrNotAMapAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        var broken = dir.resolve("Pulumi.broken.yaml");
        Files.writeString(broken, "config:\n  a: [unclosed\n");
        assertThatThrownBy(() -> StackSettings.read(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(broken + " is not valid YAML: ");
        var list = dir.resolve("Pulumi.list.yaml");
        Files.writeString(list, "config:\n  - a\n");
        assertThatThrownBy(() -> StackSettings.read(list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stack settings " + list + ": config must be a map of key: value, got [a]");
        assertThatThrownBy(() -> StackSettings.read(dir.resolve("Pulumi.none.yaml")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining(dir.resolve("Pulumi.none.yaml").toString());
    }
}
