package io.github.aidatakeys.examples.sagemaker;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAccess;
import io.github.aidatakeys.KeyAction;
import io.github.aidatakeys.ViaService;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * SageMaker training jobs (and Bedrock model customisation) reading and writing datasets in S3. One key and one
 * bucket per dataset: each role can only use its key through S3 or SageMaker, only for objects of its dataset's
 * bucket (S3 puts the bucket's ARN in the encryption context when S3 Bucket Keys are on), and only when assumed on
 * behalf of this account's training jobs. The same key encrypts the jobs' storage volumes: the role may let SageMaker
 * create the grant a volume needs ({@code kms:CreateGrant}, only for AWS resources), nothing more.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var datasets = Arrays.stream(ctx.config().get("datasets").orElse("customer-chats").split(","))
                .map(String::trim).filter(d -> !d.isEmpty()).toList();
        var bucketPrefix = ctx.config().get("bucketPrefix").orElse("ai-training-data");

        // Only this account's training jobs may make SageMaker assume the role (confused-deputy protection).
        var trainingJobs = Output.tuple(
                AwsFunctions.getPartition(GetPartitionArgs.builder().build()),
                AwsFunctions.getRegion(GetRegionArgs.builder().build()),
                AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build())
        ).applyValue(t -> List.of("arn:" + t.t1.partition() + ":sagemaker:" + t.t2.name() + ":"
                + t.t3.accountId() + ":training-job/*"));

        for (var dataset : datasets) {
            var key = new EncryptedAiDataKey("training-" + dataset, EncryptedAiDataKeyArgs.builder()
                    .aliasName("alias/training/" + dataset)
                    .description("Encrypts the " + dataset + " training dataset and the models trained on it")
                    .allowedServices(AwsService.SAGEMAKER)
                    .sourceArns(trainingJobs)
                    .viaServices(ViaService.S3, ViaService.SAGEMAKER)
                    // The training job's storage volumes (VolumeKmsKeyId) use this key too: SageMaker needs the
                    // execution role to allow kms:CreateGrant, rendered bound to kms:GrantIsForAWSResource.
                    .keyAccess(KeyAccess.ENCRYPT_DECRYPT, KeyAction.CREATE_GRANT)
                    // With S3 Bucket Keys, S3 sends the bucket's ARN as the encryption context.
                    .encryptionContext(Map.of("aws:s3:arn", "arn:aws:s3:::" + bucketPrefix + "-" + dataset))
                    .encryptionContextKeys("aws:s3:arn")
                    .tags(Map.of("Dataset", dataset))
                    .build(), null);
            ctx.export(dataset + "_key_arn", key.keyArn());
            ctx.export(dataset + "_role_arn", key.roleArn());
        }
    }
}
