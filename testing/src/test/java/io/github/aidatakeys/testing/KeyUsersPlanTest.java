package io.github.aidatakeys.testing;

import com.pulumi.Context;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAccess;
import io.github.aidatakeys.KeyService;
import io.github.aidatakeys.KeyServiceUser;
import io.github.aidatakeys.KeyUser;
import io.github.aidatakeys.ViaService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan shows every principal and service the key policy lets use the key, with its actions and conditions. */
class KeyUsersPlanTest {
    public static void stack(Context ctx) {
        new EncryptedAiDataKey("shared", EncryptedAiDataKeyArgs.builder()
                .aliasName("alias/shared")
                .allowedServices(AwsService.SAGEMAKER)
                .keyUsers(KeyUser.builder("arn:aws:iam::123456789012:role/reader").access(KeyAccess.DECRYPT_ONLY)
                                .viaServices(ViaService.S3).build(),
                        KeyUser.builder("210987654321").access(KeyAccess.ATTACHED_STORAGE).build())
                .keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
                        "arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline"))
                .build(), null);
    }

    static OfflinePlan plan() {
        return OfflinePlan.of(OfflinePlan.preview("p", "dev", Map.of()).run(KeyUsersPlanTest::stack), "p", "dev");
    }

    @Test
    void theAccessSummaryListsEveryKeyUserAndServiceWithActionsAndConditions() {
        assertThat(plan().accessSummary()).filteredOn(line -> line.startsWith("key policy")).containsExactly(
                "key policy of shared-key (alias/shared) lets AWS arn:aws:iam::123456789012:role/reader kms:Decrypt "
                        + "only via s3.us-east-1.amazonaws.com, when kms:CallerAccount StringEquals 123456789012",
                "key policy of shared-key (alias/shared) lets AWS arn:aws:iam::123456789012:role/reader "
                        + "kms:DescribeKey",
                "key policy of shared-key (alias/shared) lets AWS arn:aws:iam::210987654321:root kms:Decrypt, "
                        + "kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKeyWithoutPlaintext, kms:DescribeKey",
                "key policy of shared-key (alias/shared) lets AWS arn:aws:iam::210987654321:root kms:CreateGrant only "
                        + "for grants AWS services create for AWS resources",
                "key policy of shared-key (alias/shared) lets Service logs.us-east-1.amazonaws.com kms:Encrypt, "
                        + "kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, "
                        + "kms:GenerateDataKeyWithoutPlaintext, kms:DescribeKey only with encryption context "
                        + "aws:logs:arn=arn:aws:logs:us-east-1:123456789012:log-group:/ml/pipeline");
    }

    @Test
    void theDiagramDrawsAnEdgeFromEachKeyUserAndServiceToTheKey() {
        var mermaid = plan().mermaid();
        assertThat(mermaid)
                .contains("u0([\"AWS arn:aws:iam::123456789012:role/reader\"]) == \"Decrypt only via "
                        + "s3.us-east-1.amazonaws.com, when kms:CallerAccount StringEquals 123456789012\" ==> ")
                .contains("u3([\"AWS arn:aws:iam::210987654321:root\"]) == \"CreateGrant only for grants AWS services "
                        + "create for AWS resources\" ==> ")
                .contains("u4([\"Service logs.us-east-1.amazonaws.com\"]) == \"Encrypt, Decrypt");
        assertThat(mermaid).doesNotContain("kms:*");
    }
}
