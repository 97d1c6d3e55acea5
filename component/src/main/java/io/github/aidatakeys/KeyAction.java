package io.github.aidatakeys;

import io.github.aidatakeys.internal.KmsAction;

import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of KMS actions the data role may be granted on the key.
 *
 * <p>Only actions that are valid for a symmetric {@code ENCRYPT_DECRYPT} key and that use or describe the key
 * are here, and {@link #CREATE_GRANT}, which is only ever granted for AWS resources. Key-management actions
 * ({@code kms:PutKeyPolicy}, {@code kms:ScheduleKeyDeletion}, ...) and account-level actions are deliberately
 * absent: the principals that handle AI data never manage the key.
 * Wildcards such as {@code kms:GenerateDataKey*} are never rendered; each constant is one explicit action.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/chat-transcripts")
 *     .allowedServices(AwsService.LAMBDA)
 *     .keyActions(KeyAction.DECRYPT, KeyAction.DESCRIBE_KEY)
 *     .build();
 * }</pre>
 *
 * @see KeyAccess for the common presets
 */
public enum KeyAction {
    /** {@code kms:Encrypt}: encrypt up to 4 KiB of data directly under the key. */
    ENCRYPT(KmsAction.ENCRYPT),
    /** {@code kms:Decrypt}: decrypt ciphertext (or an encrypted data key) produced under the key. */
    DECRYPT(KmsAction.DECRYPT),
    /** {@code kms:ReEncryptFrom}: re-encrypt ciphertext whose source key is this key. */
    RE_ENCRYPT_FROM(KmsAction.RE_ENCRYPT_FROM),
    /** {@code kms:ReEncryptTo}: re-encrypt ciphertext so that this key becomes its destination key. */
    RE_ENCRYPT_TO(KmsAction.RE_ENCRYPT_TO),
    /** {@code kms:GenerateDataKey}: a data key returned in plaintext and encrypted (envelope encryption). */
    GENERATE_DATA_KEY(KmsAction.GENERATE_DATA_KEY),
    /** {@code kms:GenerateDataKeyWithoutPlaintext}: a data key returned only in encrypted form. */
    GENERATE_DATA_KEY_WITHOUT_PLAINTEXT(KmsAction.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT),
    /** {@code kms:GenerateDataKeyPair}: an asymmetric data key pair whose private key is encrypted under this key. */
    GENERATE_DATA_KEY_PAIR(KmsAction.GENERATE_DATA_KEY_PAIR),
    /** {@code kms:GenerateDataKeyPairWithoutPlaintext}: as {@link #GENERATE_DATA_KEY_PAIR}, private key encrypted only. */
    GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT(KmsAction.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT),
    /** {@code kms:DescribeKey}: read the key's metadata. Not cryptographic: never bound to an encryption context. */
    DESCRIBE_KEY(KmsAction.DESCRIBE_KEY),
    /**
     * {@code kms:CreateGrant}, only for AWS resources: always rendered with the condition
     * {@code "Bool": {"kms:GrantIsForAWSResource": "true"}}, so that the principal can let an integrated AWS service
     * (EBS, SageMaker training and endpoint volumes, Bedrock) create the grant it needs for a resource it encrypts,
     * and can never create a grant itself. In a statement of its own, without encryption-context conditions (a grant
     * request carries the context of its constraints, not the data's). Not part of {@link KeyAccess#ENCRYPT_DECRYPT}:
     * ask for it explicitly, or with {@link KeyAccess#ATTACHED_STORAGE}.
     */
    // https://docs.aws.amazon.com/kms/latest/developerguide/grant-authorization.html (kms:GrantIsForAWSResource);
    // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RecommendationJobInputConfig.html (the SageMaker
    // execution role needs kms:CreateGrant to encrypt storage volumes).
    CREATE_GRANT(KmsAction.CREATE_GRANT);

    /** The action's entry in the library's one table of KMS actions, which the policy lint reads too. */
    private final KmsAction action;

    KeyAction(KmsAction action) {
        this.action = action;
    }

    /**
     * The IAM action name, for example {@code kms:Decrypt}.
     *
     * @return the action name as it appears in an IAM policy
     */
    public String actionName() {
        return action.actionName();
    }

    /**
     * Whether the action uses key material. Encryption-context conditions apply to these only.
     *
     * @return {@code true} for every action but {@link #DESCRIBE_KEY} and {@link #CREATE_GRANT}
     */
    public boolean isCryptographic() {
        return action.isCryptographic();
    }

    /**
     * Looks an action up by its IAM name. IAM action names are case-insensitive, so {@code kms:decrypt}
     * finds {@link #DECRYPT}.
     *
     * @param actionName an IAM action name such as {@code kms:Decrypt}; may be {@code null}
     * @return the action, or empty when the name is not one of this set
     */
    public static Optional<KeyAction> fromActionName(String actionName) {
        if (actionName == null) {
            return Optional.empty();
        }
        var wanted = actionName.toLowerCase(Locale.ROOT);
        for (var keyAction : values()) {
            if (keyAction.actionName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(keyAction);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return action.actionName();
    }
}
