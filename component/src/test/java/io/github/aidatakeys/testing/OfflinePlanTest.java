package io.github.aidatakeys.testing;

import com.google.gson.JsonParser;
import com.pulumi.Context;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Fails the lint: rotation off is a warning, a trust policy over its size budget an error. */
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

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var code = OfflinePlan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
    void regionComesFromTheStackConfiguration() {
        var plan = OfflinePlan.of(OfflinePlan.preview("p", "dev", Map.of("aws:region", "eu-west-1"))
                .run(ctx -> new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder().aliasName("k")
                        .allowedServices(AwsService.SAGEMAKER).viaServices("s3").build(), null)), "p", "dev");
        assertThat(plan.text()).contains("s3.eu-west-1.amazonaws.com").doesNotContain("us-east-1");
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
        var run = cli("--program", OfflinePlanTest.class.getName(), "--project", "p", "--stack-config",
                settings.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("name: alias/from-file");
    }

    @Test
    void commandLineExitsOneOnALintError() {
        var run = cli("--program", OfflinePlanTest.class.getName() + "$Failing", "--format", "json");
        assertThat(run.code()).isEqualTo(1);
        assertThat(JsonParser.parseString(run.out()).getAsJsonObject().get("error").getAsString())
                .contains("AIK012");
    }

    @Test
    void commandLineExitsTwoOnBadArguments() {
        assertThat(cli("--format", "yaml").code()).isEqualTo(2);
        assertThat(cli("--project", "p").err()).contains("--program is required");
        assertThat(cli("--program", "no.such.App").code()).isEqualTo(2);
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
    void stackSettingsParserReadsPlainConfigEntries(@TempDir Path dir) throws IOException {
        var file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, "# comment\nconfig:\n  aws:region: eu-west-1\n  app:name: 'x y'\n"
                + "encryptionsalt: abc\n");
        assertThat(OfflinePlan.readStackConfig(file)).containsExactly(Map.entry("aws:region", "eu-west-1"),
                Map.entry("app:name", "x y"));
    }
}
