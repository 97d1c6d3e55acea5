package io.github.aidatakeys.examples.crossaccount;

import com.google.gson.JsonParser;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppTest {
    static final Map<String, String> CONFIG = Map.of(
            "inferenceRoleArn", "arn:aws:iam::210987654321:role/inference-service",
            "externalId", "inference-7f3a9c2e");

    static OfflineResult deploy(Map<String, String> config) {
        return OfflineStack.builder().projectName("cross-account-inference").config(config).build().run(App::stack);
    }

    @Test
    void theOtherAccountsRoleMustPresentTheExternalId() {
        var trust = JsonParser.parseString((String) deploy(CONFIG).outputs().get("trust_policy"));
        assertThat(trust).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[{"Sid":"TrustedAwsPrincipalsAssumeRole","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::210987654321:role/inference-service"},"Action":"sts:AssumeRole",
                 "Condition":{"StringEquals":{"sts:ExternalId":"inference-7f3a9c2e"}}}]}"""));
    }

    @Test
    void theRoleMayOnlyDecryptInferenceData() {
        var policy = JsonParser.parseString(deploy(CONFIG)
                .resource("aws:iam/rolePolicy:RolePolicy", "inference-outputs-policy").input("policy"));
        var statements = policy.getAsJsonObject().getAsJsonArray("Statement");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).getAsJsonObject().get("Action").getAsString()).isEqualTo("kms:Decrypt");
        assertThat(statements.get(0).getAsJsonObject().getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("kms:EncryptionContext:purpose").getAsString()).isEqualTo("inference");
        assertThat(statements.get(1).getAsJsonObject().get("Action").getAsString()).isEqualTo("kms:DescribeKey");
    }

    @Test
    void withoutAnExternalIdNothingIsDeployed() {
        var config = new HashMap<>(CONFIG);
        config.remove("externalId");
        var result = deploy(config);
        assertThat(result.failure()).get().satisfies(e -> assertThat(e.getMessage())
                .startsWith("allowedRoleArns[0] is in account 210987654321, not the stack's account 123456789012"));
        assertThat(result.resources()).noneMatch(r -> r.type().startsWith("aws:"));
    }
}
