package io.github.aidatakeys.examples.shared;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.aidatakeys.testing.OfflinePlan;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppTest {
    static final Map<String, String> CONFIG = Map.of(
            "dataset", "product-reviews",
            "bucketPrefix", "ai-datasets",
            "evaluationRoleArn", "arn:aws:iam::123456789012:role/evaluation",
            "partnerAccountId", "210987654321",
            "logGroupName", "/ml/product-reviews/pipeline");

    static OfflineResult deploy(Map<String, String> config) {
        return OfflineStack.builder().projectName("shared-dataset-key").config(config).build().run(App::stack);
    }

    static JsonElement json(Object text) {
        return JsonParser.parseString(String.valueOf(text));
    }

    @Test
    void theKeyPolicyNamesEachReaderAndTheLogGroupWithItsConditions() {
        var result = deploy(CONFIG);
        assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
        var policy = json(result.resource("aws:kms/key:Key", "dataset-product-reviews-key").input("policy"));
        assertThat(policy).isEqualTo(json("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"EnableIamPoliciesForAccount","Effect":"Allow",
                  "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"},
                 {"Sid":"KeyUser123456789012Evaluation","Effect":"Allow",
                  "Principal":{"AWS":"arn:aws:iam::123456789012:role/evaluation"},
                  "Action":"kms:Decrypt","Resource":"*",
                  "Condition":{"StringEquals":{"kms:EncryptionContext:aws:s3:arn":"arn:aws:s3:::ai-datasets-product-reviews",
                                               "kms:ViaService":"s3.us-east-1.amazonaws.com",
                                               "kms:CallerAccount":"123456789012"}}},
                 {"Sid":"KeyUser123456789012EvaluationDescribeKey","Effect":"Allow",
                  "Principal":{"AWS":"arn:aws:iam::123456789012:role/evaluation"},
                  "Action":"kms:DescribeKey","Resource":"*"},
                 {"Sid":"KeyUserAccount210987654321","Effect":"Allow",
                  "Principal":{"AWS":"arn:aws:iam::210987654321:root"},
                  "Action":"kms:Decrypt","Resource":"*",
                  "Condition":{"StringEquals":{"kms:EncryptionContext:aws:s3:arn":"arn:aws:s3:::ai-datasets-product-reviews",
                                               "kms:ViaService":"s3.us-east-1.amazonaws.com",
                                               "kms:CallerAccount":"210987654321"}}},
                 {"Sid":"KeyUserAccount210987654321DescribeKey","Effect":"Allow",
                  "Principal":{"AWS":"arn:aws:iam::210987654321:root"},
                  "Action":"kms:DescribeKey","Resource":"*"},
                 {"Sid":"KeyServiceCloudWatchLogs","Effect":"Allow",
                  "Principal":{"Service":"logs.us-east-1.amazonaws.com"},
                  "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                            "kms:GenerateDataKeyWithoutPlaintext","kms:DescribeKey"],
                  "Resource":"*",
                  "Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":
                      "arn:aws:logs:us-east-1:123456789012:log-group:/ml/product-reviews/pipeline"}}}]}"""));
    }

    @Test
    void theWriterIsTheDataRoleBoundToTheBucketAndThisAccountsProcessingJobs() {
        var result = deploy(CONFIG);
        var trust = json(result.resource("aws:iam/role:Role", "dataset-product-reviews-role").input("assumeRolePolicy"));
        assertThat(trust.getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject().get("Condition"))
                .isEqualTo(json("""
                        {"StringEquals":{"aws:SourceAccount":"123456789012"},
                         "ArnLike":{"aws:SourceArn":"arn:aws:sagemaker:us-east-1:123456789012:processing-job/*"}}"""));
        var policy = json(result.resource("aws:iam/rolePolicy:RolePolicy", "dataset-product-reviews-policy")
                .input("policy"));
        assertThat(policy.getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject()
                .getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("kms:EncryptionContext:aws:s3:arn")
                .getAsString()).isEqualTo("arn:aws:s3:::ai-datasets-product-reviews");
    }

    @Test
    void theLogGroupIsEncryptedWithTheKey() {
        var result = deploy(CONFIG);
        var logGroup = result.resource("aws:cloudwatch/logGroup:LogGroup", "pipeline-logs");
        assertThat(logGroup.input("name")).isEqualTo("/ml/product-reviews/pipeline");
        assertThat(logGroup.input("kmsKeyId")).isEqualTo(
                result.resource("aws:kms/key:Key", "dataset-product-reviews-key").state().get("arn"));
    }

    @Test
    void thePlanShowsEveryPrincipalAndServiceOnTheKey() {
        var plan = OfflinePlan.of(deploy(CONFIG), "shared-dataset-key", "dev");
        assertThat(plan.accessSummary()).filteredOn(l -> l.startsWith("key policy")).hasSize(5)
                .anySatisfy(l -> assertThat(l).startsWith("key policy of dataset-product-reviews-key "
                        + "(alias/datasets/product-reviews) lets AWS arn:aws:iam::210987654321:root kms:Decrypt only"))
                .anySatisfy(l -> assertThat(l).contains("lets Service logs.us-east-1.amazonaws.com"));
        assertThat(plan.mermaid()).contains("Service logs.us-east-1.amazonaws.com");
    }

    @Test
    void aWildcardPartnerIsRefusedAndNothingIsCreated() {
        var config = new HashMap<>(CONFIG);
        config.put("partnerAccountId", "*");
        var result = deploy(config);
        assertThat(result.failure()).get().satisfies(e -> assertThat(e.getMessage()).isEqualTo(
                "keyUsers[1].principal must not be '*' (any AWS principal could use the key); received: \"*\""));
        assertThat(result.resources()).noneMatch(r -> r.type().startsWith("aws:"));
    }
}
