package io.github.aidatakeys;

/**
 * AWS services that commonly run AI workloads and may be trusted to assume the data role.
 * Any other service principal can be given as a string through
 * {@link EncryptedAiDataKeyArgs.Builder#allowedServices(java.util.List)}.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/model-outputs")
 *     .allowedServices(AwsService.SAGEMAKER, AwsService.BEDROCK)
 *     .build();
 * }</pre>
 */
public enum AwsService {
    /** EC2 instances, through an instance profile: {@code ec2.amazonaws.com}. */
    EC2("ec2.amazonaws.com"),
    /** Lambda functions: {@code lambda.amazonaws.com}. */
    LAMBDA("lambda.amazonaws.com"),
    /** ECS tasks: {@code ecs-tasks.amazonaws.com}. */
    ECS_TASKS("ecs-tasks.amazonaws.com"),
    /** SageMaker training, processing and inference: {@code sagemaker.amazonaws.com}. */
    SAGEMAKER("sagemaker.amazonaws.com"),
    /** Bedrock model customisation and agents: {@code bedrock.amazonaws.com}. */
    BEDROCK("bedrock.amazonaws.com"),
    /** AWS Glue jobs: {@code glue.amazonaws.com}. */
    GLUE("glue.amazonaws.com"),
    /** AWS Batch jobs running on EC2 or Fargate: {@code batch.amazonaws.com}. */
    BATCH("batch.amazonaws.com"),
    /** EKS Pod Identity: {@code pods.eks.amazonaws.com}, which also needs {@code sts:TagSession}. */
    EKS_POD_IDENTITY("pods.eks.amazonaws.com");

    private final String principal;

    AwsService(String principal) {
        this.principal = principal;
    }

    /**
     * The service principal as it appears in a trust policy.
     *
     * @return for example {@code sagemaker.amazonaws.com}
     */
    public String principal() {
        return principal;
    }

    @Override
    public String toString() {
        return principal;
    }
}
