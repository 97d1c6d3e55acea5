package io.github.aidatakeys;

/**
 * AWS services through which the data role may use the key ({@code kms:ViaService}). Each renders as
 * {@code <service>.<region>.amazonaws.com} for the stack's region.
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
     * The {@code kms:ViaService} value in a region.
     *
     * @param region a region name such as {@code us-east-1}
     * @return for example {@code s3.us-east-1.amazonaws.com}
     */
    public String inRegion(String region) {
        return serviceName + "." + region + ".amazonaws.com";
    }
}
