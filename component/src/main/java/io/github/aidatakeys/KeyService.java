package io.github.aidatakeys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AWS services that use the key <em>as themselves</em> (a service principal in the key policy, not a role of
 * yours), each with the actions and the conditions AWS documents for it. Given through
 * {@link EncryptedAiDataKeyArgs.Builder#keyServiceUsers(KeyServiceUser...)} together with the resources the service
 * may use the key for; the statement always pins the service to this account and to those resources.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/training-pipeline")
 *     .allowedServices(AwsService.SAGEMAKER)
 *     .keyServiceUsers(KeyServiceUser.of(KeyService.CLOUDWATCH_LOGS,
 *             "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs"))
 *     .build();
 * }</pre>
 *
 * <p>SageMaker jobs and endpoints use the key through their execution role (the data role or a key user with
 * {@link KeyAccess#ATTACHED_STORAGE}), not as a service principal, so SageMaker is not here.
 */
public enum KeyService {
    /**
     * CloudWatch Logs encrypting log groups: {@code logs.<region>.amazonaws.com} (the regional principal), with
     * {@code kms:Encrypt}, {@code kms:Decrypt}, {@code kms:ReEncryptFrom}, {@code kms:ReEncryptTo},
     * {@code kms:GenerateDataKey}, {@code kms:GenerateDataKeyWithoutPlaintext} and {@code kms:DescribeKey} (the
     * documented {@code Encrypt*}, {@code Decrypt*}, {@code ReEncrypt*}, {@code GenerateDataKey*},
     * {@code Describe*} expanded), bound with {@code ArnLike} on {@code kms:EncryptionContext:aws:logs:arn} to the
     * log group ARNs (or patterns) given, all in this account and region.
     */
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html (Step 2: the key policy
    // names logs.<region>.amazonaws.com and binds kms:EncryptionContext:aws:logs:arn to the log group ARN).
    CLOUDWATCH_LOGS("logs", "log-group", List.of(KeyAction.ENCRYPT, KeyAction.DECRYPT, KeyAction.RE_ENCRYPT_FROM,
            KeyAction.RE_ENCRYPT_TO, KeyAction.GENERATE_DATA_KEY, KeyAction.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT,
            KeyAction.DESCRIBE_KEY)),
    /**
     * Amazon Bedrock jobs that store data with the key as the service ({@code bedrock.amazonaws.com}), such as
     * model evaluation jobs: {@code kms:Decrypt}, {@code kms:GenerateDataKey} and {@code kms:DescribeKey}, bound
     * with {@code StringEquals} on {@code aws:SourceAccount} to this account and {@code ArnLike} on
     * {@code aws:SourceArn} to the Bedrock resource ARNs (or patterns) given, all in this account and region.
     */
    // https://docs.aws.amazon.com/bedrock/latest/userguide/model-evaluation-security-kms.html (bedrock.amazonaws.com
    // with kms:GenerateDataKey, kms:Decrypt, kms:DescribeKey, bound to aws:SourceArn of the account's jobs).
    BEDROCK("bedrock", null, List.of(KeyAction.DECRYPT, KeyAction.GENERATE_DATA_KEY, KeyAction.DESCRIBE_KEY));

    private final String serviceName;
    private final String resourceType;
    // Copied with List.copyOf: immutable, though its declared type cannot say so.
    @SuppressWarnings("ImmutableEnumChecker")
    private final List<KeyAction> actions;

    KeyService(String serviceName, String resourceType, List<KeyAction> actions) {
        this.serviceName = serviceName;
        this.resourceType = resourceType;
        this.actions = List.copyOf(actions);
    }

    /**
     * The service's name in principals and ARNs.
     *
     * @return for example {@code logs}
     */
    public String serviceName() {
        return serviceName;
    }

    /**
     * The resource type the resource ARNs must name, if the service has one fixed type.
     *
     * @return for example {@code log-group}; empty for Bedrock, whose jobs and resources have several types
     */
    public Optional<String> resourceType() {
        return Optional.ofNullable(resourceType);
    }

    /**
     * The actions the service gets on the key, as AWS documents them (wildcards expanded).
     *
     * @return an unmodifiable list
     */
    public List<KeyAction> actions() {
        return actions;
    }

    /**
     * Whether AWS names the service by a regional principal ({@code logs.<region>.amazonaws.com}).
     *
     * @return {@code true} for CloudWatch Logs
     */
    public boolean regionalPrincipal() {
        return this == CLOUDWATCH_LOGS;
    }

    /**
     * Looks a service up by its constant name, as other languages send it.
     *
     * @param name a name such as {@code CLOUDWATCH_LOGS}; may be {@code null}
     * @return the service, or empty when the name is not one of this set
     */
    public static Optional<KeyService> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (var service : values()) {
            if (service.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
