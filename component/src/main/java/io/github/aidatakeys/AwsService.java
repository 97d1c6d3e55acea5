package io.github.aidatakeys;

/**
 * AWS services that commonly run AI workloads and may be trusted to assume the data role.
 * Each constant stands for the service principal that assumes the role the service runs your code or job with;
 * two constants may stand for the same principal ({@link #BATCH} and {@link #ECS_TASKS}).
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
    /**
     * EC2 instances, through an instance profile: {@code ec2.amazonaws.com}. EC2 sends no {@code aws:SourceAccount},
     * so its statement carries no condition; see
     * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html">
     * Using instance profiles</a>.
     */
    EC2("ec2.amazonaws.com"),
    /**
     * The execution role of Lambda functions: {@code lambda.amazonaws.com}; see
     * <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html">Lambda execution
     * role</a>.
     */
    LAMBDA("lambda.amazonaws.com"),
    /**
     * The task role of ECS tasks, on EC2 or Fargate: {@code ecs-tasks.amazonaws.com}; see
     * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html">Amazon ECS task IAM
     * role</a>.
     */
    ECS_TASKS("ecs-tasks.amazonaws.com"),
    /**
     * The execution role of SageMaker training, processing and inference: {@code sagemaker.amazonaws.com}; see
     * <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html">How to use SageMaker execution
     * roles</a>.
     */
    SAGEMAKER("sagemaker.amazonaws.com"),
    /**
     * The service role of Bedrock jobs such as model customisation and import: {@code bedrock.amazonaws.com}; see
     * <a href="https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-iam-role.html">Create a
     * service role for model customization</a>.
     */
    BEDROCK("bedrock.amazonaws.com"),
    /**
     * The service role of AWS Glue jobs and crawlers: {@code glue.amazonaws.com}; see
     * <a href="https://docs.aws.amazon.com/glue/latest/dg/set-up-iam.html">Setting up IAM permissions for AWS
     * Glue</a>.
     */
    GLUE("glue.amazonaws.com"),
    /**
     * The job role of AWS Batch jobs on ECS (EC2 or Fargate): {@code ecs-tasks.amazonaws.com}, the same principal as
     * {@link #ECS_TASKS}. A job's {@code jobRoleArn} is an ECS task role, assumed by ECS for the job's container (see
     * <a href="https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html">ContainerProperties
     * jobRoleArn</a>); {@code batch.amazonaws.com} is the principal of Batch's own service role, which never runs the
     * job's code. Batch jobs on EKS take their role through the pod's service account (web identity or EKS Pod
     * Identity) instead.
     */
    BATCH("ecs-tasks.amazonaws.com"),
    /**
     * EKS Pod Identity: {@code pods.eks.amazonaws.com}, which also needs {@code sts:TagSession}; see
     * <a href="https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html">Create IAM role with trust policy
     * required by EKS Pod Identity</a>.
     */
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
