package io.github.aidatakeys.examples.shared;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAccess;
import io.github.aidatakeys.KeyService;
import io.github.aidatakeys.KeyServiceUser;
import io.github.aidatakeys.KeyUser;
import io.github.aidatakeys.ViaService;

import java.util.List;
import java.util.Map;

/**
 * One key for a whole dataset: a SageMaker pipeline writes it (the data role), an evaluation role in this account
 * and a partner account read it, and the pipeline's CloudWatch log group is encrypted with it. Every reader may only
 * decrypt, only through S3 and only objects of the dataset's bucket; CloudWatch Logs may use the key only for the
 * pipeline's log group.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        var config = ctx.config();
        var dataset = config.get("dataset").orElse("product-reviews");
        var bucketArn = "arn:aws:s3:::" + config.get("bucketPrefix").orElse("ai-datasets") + "-" + dataset;
        var evaluationRoleArn = config.require("evaluationRoleArn");
        var partnerAccountId = config.require("partnerAccountId");
        var logGroupName = config.get("logGroupName").orElse("/ml/" + dataset + "/pipeline");

        // With S3 Bucket Keys, S3 sends the bucket's ARN as the encryption context: every principal is bound to it.
        var inTheBucket = Map.of("aws:s3:arn", bucketArn);

        var environment = Output.tuple(
                AwsFunctions.getPartition(GetPartitionArgs.builder().build()),
                AwsFunctions.getRegion(GetRegionArgs.builder().build()),
                AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build()));
        var logGroupArn = environment.applyValue(t -> "arn:" + t.t1.partition() + ":logs:" + t.t2.name() + ":"
                + t.t3.accountId() + ":log-group:" + logGroupName);
        var processingJobs = environment.applyValue(t -> List.of("arn:" + t.t1.partition() + ":sagemaker:"
                + t.t2.name() + ":" + t.t3.accountId() + ":processing-job/*"));

        var key = new EncryptedAiDataKey("dataset-" + dataset, EncryptedAiDataKeyArgs.builder()
                .aliasName("alias/datasets/" + dataset)
                .description("Encrypts the " + dataset + " dataset, its readers' copies and its pipeline's logs")
                // The writer: the data role, assumed by this account's SageMaker processing jobs.
                .allowedServices(AwsService.SAGEMAKER)
                .sourceArns(processingJobs)
                .viaServices(ViaService.S3, ViaService.SAGEMAKER)
                .encryptionContext(inTheBucket)
                // The readers: decrypt only, through S3 only, the dataset's bucket only.
                .keyUsers(
                        KeyUser.builder(evaluationRoleArn).access(KeyAccess.DECRYPT_ONLY)
                                .viaServices(ViaService.S3).encryptionContext(inTheBucket).build(),
                        // Another account: its own IAM must also allow kms:Decrypt on this key's ARN.
                        KeyUser.builder(partnerAccountId).access(KeyAccess.DECRYPT_ONLY)
                                .viaServices(ViaService.S3).encryptionContext(inTheBucket).build())
                // The pipeline's log group, and nothing else, may be encrypted by CloudWatch Logs with the key.
                .keyServiceUsers(logGroupArn.applyValue(arn -> List.of(
                        KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS, arn))))
                .tags(Map.of("Dataset", dataset))
                .build(), null);

        var logGroup = new LogGroup("pipeline-logs", LogGroupArgs.builder()
                .name(logGroupName)
                .kmsKeyId(key.keyArn())
                .retentionInDays(90)
                .tags(Map.of("Dataset", dataset))
                .build());

        ctx.export("key_arn", key.keyArn());
        ctx.export("alias_name", key.aliasName());
        ctx.export("writer_role_arn", key.roleArn());
        ctx.export("log_group_name", logGroup.name());
        ctx.export("key_policy", key.keyPolicy());
    }
}
