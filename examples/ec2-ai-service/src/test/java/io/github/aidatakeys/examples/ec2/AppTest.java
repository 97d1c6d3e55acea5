package io.github.aidatakeys.examples.ec2;

import com.google.gson.JsonParser;
import io.github.aidatakeys.testing.OfflinePlan;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppTest {
    static OfflineResult deploy(Map<String, String> config) {
        return OfflineStack.builder().projectName("ec2-ai-service").config(config).build().run(App::stack);
    }

    @Test
    void deploysTheKeyAliasRoleInstanceProfileAndPolicy() {
        var result = deploy(Map.of());
        assertThat(result.succeeded()).isTrue();
        assertThat(result.resources()).extracting(r -> r.type())
                .contains("aws:kms/key:Key", "aws:kms/alias:Alias", "aws:iam/role:Role",
                        "aws:iam/rolePolicy:RolePolicy", "aws:iam/instanceProfile:InstanceProfile");
        assertThat(result.resource("aws:kms/key:Key", "ai-data-key").retainOnDelete()).isTrue();
    }

    @Test
    void exportsWhatTheOriginalProgramExported() {
        var outputs = deploy(Map.of()).outputs();
        assertThat(outputs.get("key_id")).asString().matches("[0-9a-f-]{36}");
        assertThat(outputs.get("key_alias")).isEqualTo("alias/aiDataKey");
        assertThat(outputs.get("role_arn")).asString().startsWith("arn:aws:iam::123456789012:role/ai-data-role-");
        assertThat(outputs.get("instance_profile_arn")).asString()
                .startsWith("arn:aws:iam::123456789012:instance-profile/");
    }

    @Test
    void rolePolicyNamesTheKeyArnWhereTheOriginalProgramNamedTheKeyId() {
        var outputs = deploy(Map.of()).outputs();
        var resource = JsonParser.parseString((String) outputs.get("role_policy")).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject().get("Resource").getAsString();
        assertThat(resource).isEqualTo(outputs.get("key_arn")).isNotEqualTo(outputs.get("key_id"));
    }

    @Test
    void aliasComesFromStackConfig() {
        assertThat(deploy(Map.of("aliasName", "alias/team-a")).outputs().get("key_alias")).isEqualTo("alias/team-a");
    }

    @Test
    void migrationKeepsTheOriginalProgramsResources() {
        var result = deploy(Map.of("migrateFromOriginalProgram", "true"));
        Map.of("aws:kms/key:Key::ai-data-key", "aiDataKmsKey",
                "aws:kms/alias:Alias::ai-data-alias", "aiDataKmsKeyAlias",
                "aws:iam/role:Role::ai-data-role", "aiServiceRole",
                "aws:iam/rolePolicy:RolePolicy::ai-data-policy", "aiServiceKmsPolicy").forEach((child, former) -> {
            var type = child.substring(0, child.indexOf("::"));
            var alias = (com.pulumi.core.Alias) OfflineStack.valueOf(result.resource(type,
                    child.substring(child.indexOf("::") + 2)).aliases().get(0));
            assertThat(alias.getUrn()).contains("urn:pulumi:dev::ec2-ai-service::" + type + "::" + former);
        });
    }

    @Test
    void withoutMigrationNothingIsAliased() {
        assertThat(deploy(Map.of()).resources()).allSatisfy(r -> assertThat(r.aliases()).isEmpty());
    }

    @Test
    void offlinePlanShowsUnknownsInsteadOfInventedArns() {
        var plan = OfflinePlan.of(OfflinePlan.preview("ec2-ai-service", "dev", Map.of()).run(App::stack),
                "ec2-ai-service", "dev");
        assertThat(plan.succeeded()).isTrue();
        assertThat(plan.text()).contains("retainOnDelete").contains(OfflineStack.UNKNOWN)
                .doesNotContain("arn:aws:kms:us-east-1:123456789012:key/");
        assertThat(plan.accessSummary()).anySatisfy(line -> assertThat(line)
                .startsWith("role ai-data-role may kms:Encrypt, kms:Decrypt"));
    }
}
