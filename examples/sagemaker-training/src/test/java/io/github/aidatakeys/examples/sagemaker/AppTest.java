package io.github.aidatakeys.examples.sagemaker;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppTest {
    static OfflineResult deploy() {
        return OfflineStack.builder().projectName("sagemaker-training")
                .config(Map.of("datasets", "customer-chats, product-reviews")).build().run(App::stack);
    }

    static JsonElement json(Object text) {
        return JsonParser.parseString(String.valueOf(text));
    }

    @Test
    void oneKeyAndRolePerDataset() {
        var result = deploy();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.resourcesOfType("aws:kms/key:Key")).extracting(r -> r.name())
                .containsExactlyInAnyOrder("training-customer-chats-key", "training-product-reviews-key");
        assertThat(result.resource("aws:kms/alias:Alias", "training-product-reviews-alias").input("name"))
                .isEqualTo("alias/training/product-reviews");
    }

    @Test
    void eachRoleMayOnlyUseItsKeyForItsDatasetsBucketThroughS3OrSageMaker() {
        var policy = json(deploy().resource("aws:iam/rolePolicy:RolePolicy", "training-customer-chats-policy")
                .input("policy"));
        var condition = policy.getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject()
                .getAsJsonObject("Condition");
        assertThat(condition.getAsJsonObject("StringEquals").get("kms:EncryptionContext:aws:s3:arn").getAsString())
                .isEqualTo("arn:aws:s3:::ai-training-data-customer-chats");
        assertThat(condition.getAsJsonObject("StringEquals").get("kms:ViaService")).isEqualTo(
                json("[\"s3.us-east-1.amazonaws.com\",\"sagemaker.us-east-1.amazonaws.com\"]"));
        assertThat(condition.getAsJsonObject("ForAllValues:StringEquals").get("kms:EncryptionContextKeys"))
                .isEqualTo(json("\"aws:s3:arn\""));
    }

    @Test
    void onlyThisAccountsTrainingJobsMayMakeSageMakerAssumeTheRole() {
        var trust = json(deploy().resource("aws:iam/role:Role", "training-customer-chats-role").input("assumeRolePolicy"));
        assertThat(trust.getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject().get("Condition"))
                .isEqualTo(json("""
                        {"StringEquals":{"aws:SourceAccount":"123456789012"},
                         "ArnLike":{"aws:SourceArn":"arn:aws:sagemaker:us-east-1:123456789012:training-job/*"}}"""));
    }

    @Test
    void eachRoleMayLetSageMakerCreateTheGrantItsJobsVolumesNeedAndNothingMore() {
        var result = deploy();
        for (var dataset : List.of("customer-chats", "product-reviews")) {
            var keyArn = result.resource("aws:kms/key:Key", "training-" + dataset + "-key").state().get("arn");
            var policy = json(result.resource("aws:iam/rolePolicy:RolePolicy", "training-" + dataset + "-policy")
                    .input("policy"));
            var statements = policy.getAsJsonObject().getAsJsonArray("Statement");
            assertThat(statements).as(dataset).hasSize(3);
            // The grant is on this dataset's key only, not on the other dataset's key.
            assertThat(statements.get(2)).as(dataset).isEqualTo(json("""
                    {"Sid":"CreateGrantsForAwsResources","Effect":"Allow","Action":"kms:CreateGrant",
                     "Resource":"%s",
                     "Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}}""".formatted(keyArn)));
            // The data itself stays bound to the dataset's bucket: the grant statement is the only unbound one.
            assertThat(statements.get(0).getAsJsonObject().get("Action").toString()).as(dataset)
                    .doesNotContain("CreateGrant");
        }
        assertThat(result.resource("aws:kms/key:Key", "training-customer-chats-key").state().get("arn"))
                .isNotEqualTo(result.resource("aws:kms/key:Key", "training-product-reviews-key").state().get("arn"));
    }

    @Test
    void noInstanceProfileForSageMaker() {
        assertThat(deploy().resourcesOfType("aws:iam/instanceProfile:InstanceProfile")).isEmpty();
    }
}
