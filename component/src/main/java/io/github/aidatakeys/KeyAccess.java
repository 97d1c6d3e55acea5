package io.github.aidatakeys;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Presets for the access a data role usually needs. Each expands to explicit {@link KeyAction}s.
 *
 * <pre>{@code
 * // an inference service that only reads what a training pipeline wrote
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/embeddings")
 *     .allowedServices(AwsService.SAGEMAKER)
 *     .keyAccess(KeyAccess.DECRYPT_ONLY)
 *     .build();
 * }</pre>
 */
public enum KeyAccess {
    /**
     * Everything the replaced hand-written program granted ({@code kms:Encrypt}, {@code kms:Decrypt},
     * {@code kms:ReEncrypt*}, {@code kms:GenerateDataKey*}, {@code kms:DescribeKey}) expanded to explicit actions.
     * The default. Never {@link KeyAction#CREATE_GRANT}.
     */
    ENCRYPT_DECRYPT(EnumSet.range(KeyAction.ENCRYPT, KeyAction.DESCRIBE_KEY)),
    /** Readers and inference services: {@code kms:Decrypt} and {@code kms:DescribeKey}. */
    DECRYPT_ONLY(EnumSet.of(KeyAction.DECRYPT, KeyAction.DESCRIBE_KEY)),
    /**
     * Producers that must not read back what they wrote: {@code kms:Encrypt}, {@code kms:GenerateDataKey},
     * {@code kms:GenerateDataKeyWithoutPlaintext} and {@code kms:DescribeKey}. A producer using envelope
     * encryption gets a fresh data key from {@code GenerateDataKey}; it cannot decrypt an existing one.
     */
    ENCRYPT_ONLY(EnumSet.of(KeyAction.ENCRYPT, KeyAction.GENERATE_DATA_KEY,
            KeyAction.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, KeyAction.DESCRIBE_KEY)),
    /**
     * Workloads that attach encrypted storage (EBS volumes, SageMaker training and endpoint volumes, Bedrock
     * resources that AWS encrypts through a grant): the actions Amazon EBS requires of its users,
     * {@code kms:CreateGrant} (bound to {@code kms:GrantIsForAWSResource}), {@code kms:Decrypt},
     * {@code kms:DescribeKey}, {@code kms:GenerateDataKeyWithoutPlaintext}, {@code kms:ReEncryptFrom} and
     * {@code kms:ReEncryptTo}. See
     * <a href="https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html">Requirements for
     * Amazon EBS encryption</a>. Combine with {@link KeyAction}s for more, such as {@code kms:GenerateDataKey} for
     * S3 output.
     */
    // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html ("Permissions for users":
    // CreateGrant, Decrypt, DescribeKey, GenerateDataKeyWithoutPlainText, ReEncrypt; CreateGrant bound with
    // kms:GrantIsForAWSResource). ListGrants and RevokeGrant are not among them: AWS does not need them here.
    ATTACHED_STORAGE(EnumSet.of(KeyAction.DECRYPT, KeyAction.RE_ENCRYPT_FROM, KeyAction.RE_ENCRYPT_TO,
            KeyAction.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, KeyAction.DESCRIBE_KEY, KeyAction.CREATE_GRANT));

    // An unmodifiable view of an EnumSet no one else holds: immutable, though its declared type cannot say so.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<KeyAction> actions;

    KeyAccess(EnumSet<KeyAction> actions) {
        this.actions = Collections.unmodifiableSet(actions);
    }

    /**
     * The actions this preset grants, in declaration order of {@link KeyAction}.
     *
     * @return an unmodifiable set
     */
    public Set<KeyAction> actions() {
        return actions;
    }
}
