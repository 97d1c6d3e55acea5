package io.github.aidatakeys.provider;

import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.provider.internal.properties.PropertyValueSerializer;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.aidatakeys.provider.ConstructTest.strings;
import static io.github.aidatakeys.support.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keyUsers} and {@code keyServiceUsers} as a TypeScript, Python or YAML program sends them: objects of strings,
 * the enums as their values ({@code "DECRYPT_ONLY"}, {@code "kms:CreateGrant"}, {@code "CLOUDWATCH_LOGS"}), through
 * the provider the plugin serves. (A map such as {@code encryptionContext} is left out: the SDK's deserializer, 1.36.1,
 * refuses every map argument sent by another language, the component's {@code tags} included.)
 */
class KeyUsersConstructTest {
    static PropertyValue string(String value) {
        return PropertyValue.of(value);
    }

    static Map<String, PropertyValue> inputs() {
        var inputs = new HashMap<>(ConstructTest.inputs());
        inputs.put("keyUsers", PropertyValue.of(List.of(
                PropertyValue.of(Map.of(
                        "principal", string("arn:aws:iam::123456789012:role/evaluation"),
                        "access", string("DECRYPT_ONLY"))),
                PropertyValue.of(Map.of(
                        "principal", string("210987654321"),
                        "actions", strings("kms:Decrypt", "kms:CreateGrant"),
                        "viaServices", strings("s3"),
                        "encryptionContextKeys", strings("aws:s3:arn"))))));
        inputs.put("keyServiceUsers", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                "service", string("CLOUDWATCH_LOGS"),
                "resourceArns", strings("arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline"))))));
        return inputs;
    }

    @Test
    void keyUsersAndServicesFromAnotherLanguageReachTheKeyPolicy() throws Exception {
        var constructed = ConstructTest.construct(inputs());
        var result = constructed.result();
        assertThat(result.succeeded()).as("%s %s", result.errors(), result.exceptions()).isTrue();
        assertThat(constructed.state()).containsKey("keyPolicy");

        var keyPolicy = parse(result.resource("aws:kms/key:Key", "ai-data-key").input("policy"));
        var sids = new ArrayList<String>();
        keyPolicy.getAsJsonObject().getAsJsonArray("Statement")
                .forEach(s -> sids.add(s.getAsJsonObject().get("Sid").getAsString()));
        assertThat(sids).containsExactly("EnableIamPoliciesForAccount", "KeyUser123456789012Evaluation",
                "KeyUserAccount210987654321", "KeyUserAccount210987654321AwsResourceGrants",
                "KeyServiceCloudWatchLogs");
        assertThat(keyPolicy.getAsJsonObject().getAsJsonArray("Statement").get(2)).isEqualTo(parse("""
                {"Sid":"KeyUserAccount210987654321","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"kms:Decrypt","Resource":"*",
                 "Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com",
                                              "kms:CallerAccount":"210987654321"},
                              "ForAllValues:StringEquals":{"kms:EncryptionContextKeys":"aws:s3:arn"},
                              "Null":{"kms:EncryptionContextKeys":"false"}}}"""));
    }

    @Test
    void aBadEnumValueFromAnotherLanguageFailsWithTheMessageJavaUsersGet() {
        var inputs = inputs();
        inputs.put("keyUsers", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                "principal", string("arn:aws:iam::123456789012:role/evaluation"),
                "actions", strings("kms:ScheduleKeyDeletion"))))));
        OfflineResult result = OfflineStack.builder().mocks(new AwsMocks()).build().run(ctx -> new EncryptedAiDataKey(
                "ai-data", PropertyValueSerializer.deserialize(PropertyValue.of(inputs), EncryptedAiDataKeyArgs.class),
                ComponentResourceOptions.builder().build()));
        assertThat(result.failure()).get().satisfies(e -> assertThat(e).hasMessage(
                "keyUsers[0].actions[0] must not be a key-management or account-level action; a key user may only use "
                        + "the key (name administrators in keyAdministratorArns); received: \"kms:ScheduleKeyDeletion\""));
        assertThat(result.resources()).filteredOn(r -> r.custom()).isEmpty();
    }
}
