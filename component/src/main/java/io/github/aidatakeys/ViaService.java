package io.github.aidatakeys;

/**
 * AWS services through which the data role may use the key ({@code kms:ViaService}). Each renders as
 * {@code <service>.<region>.<dnsSuffix>} for the stack's region and partition: {@code amazonaws.com}, or
 * {@code amazonaws.com.cn} in China, as the provider's {@code getPartition} look-up reports.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/training-data")
 *     .allowedServices(AwsService.SAGEMAKER)
 *     .viaServices(ViaService.S3)   // only through S3 server-side encryption
 *     .build();
 * }</pre>
 */
public enum ViaService {
    /** Amazon S3 (SSE-KMS). */
    S3("s3"),
    /** Amazon SageMaker. */
    SAGEMAKER("sagemaker"),
    /** Amazon Bedrock. */
    BEDROCK("bedrock"),
    /** Amazon DynamoDB. */
    DYNAMODB("dynamodb"),
    /** AWS Secrets Manager. */
    SECRETS_MANAGER("secretsmanager"),
    /** Amazon EBS volumes and snapshots (the EC2 endpoint). */
    EC2("ec2"),
    /** Amazon RDS. */
    RDS("rds"),
    /** Amazon Kinesis Data Streams. */
    KINESIS("kinesis"),
    /** Amazon SQS. */
    SQS("sqs"),
    /** Amazon Elastic File System. */
    ELASTIC_FILE_SYSTEM("elasticfilesystem");

    private final String serviceName;

    ViaService(String serviceName) {
        this.serviceName = serviceName;
    }

    /**
     * The service's endpoint prefix.
     *
     * @return for example {@code s3}
     */
    public String serviceName() {
        return serviceName;
    }

    /**
     * The {@code kms:ViaService} value in a region of the {@code aws} or {@code aws-us-gov} partition.
     *
     * @param region a region name such as {@code us-east-1}
     * @return for example {@code s3.us-east-1.amazonaws.com}
     * @see #inRegion(String, String)
     */
    public String inRegion(String region) {
        return inRegion(region, "amazonaws.com");
    }

    /**
     * The {@code kms:ViaService} value in a region of any partition.
     *
     * @param region    a region name such as {@code cn-north-1}
     * @param dnsSuffix the partition's DNS suffix, as {@code getPartition} reports it, such as
     *                  {@code amazonaws.com.cn}
     * @return for example {@code s3.cn-north-1.amazonaws.com.cn}
     */
    public String inRegion(String region, String dnsSuffix) {
        return serviceName + "." + region + "." + dnsSuffix;
    }
}
