package io.github.aidatakeys.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Every KMS action the library names, once, with what it does to a symmetric encryption key and who may get it.
 * The API's {@code KeyAction}, the argument checks, the rendered key policy and the lint all read this table.
 */
/*
 * Action names and what each operation does: https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html
 * (and https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html). Which
 * operations are valid for symmetric encryption keys, HMAC keys and asymmetric keys (Sign, Verify, GenerateMac,
 * VerifyMac, GetPublicKey and DeriveSharedSecret are not valid for a symmetric encryption key):
 * https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-compare.html
 */
public enum KmsAction {
    // What principals that use the key may get, in the order of the API's KeyAction.
    ENCRYPT("kms:Encrypt", Kind.CRYPTOGRAPHIC, Grantee.KEY_USERS),
    DECRYPT("kms:Decrypt", Kind.CRYPTOGRAPHIC, Grantee.KEY_USERS),
    RE_ENCRYPT_FROM("kms:ReEncryptFrom", Kind.CRYPTOGRAPHIC, Grantee.KEY_USERS),
    RE_ENCRYPT_TO("kms:ReEncryptTo", Kind.CRYPTOGRAPHIC, Grantee.KEY_USERS),
    GENERATE_DATA_KEY("kms:GenerateDataKey", Kind.CRYPTOGRAPHIC, Grantee.KEY_USERS),
    GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("kms:GenerateDataKeyWithoutPlaintext", Kind.CRYPTOGRAPHIC, Grantee.KEY_USERS),
    GENERATE_DATA_KEY_PAIR("kms:GenerateDataKeyPair", Kind.CRYPTOGRAPHIC, Grantee.KEY_USERS),
    GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT("kms:GenerateDataKeyPairWithoutPlaintext", Kind.CRYPTOGRAPHIC,
            Grantee.KEY_USERS),
    DESCRIBE_KEY("kms:DescribeKey", Kind.DESCRIBE, Grantee.KEY_USERS, Grantee.KEY_ADMINISTRATORS),
    /** A management action that key users get only with {@code kms:GrantIsForAWSResource}. */
    CREATE_GRANT("kms:CreateGrant", Kind.MANAGEMENT, Grantee.KEY_USERS),

    // Key-management and account-level actions, alphabetically.
    CANCEL_KEY_DELETION("kms:CancelKeyDeletion", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    CONNECT_CUSTOM_KEY_STORE("kms:ConnectCustomKeyStore", Kind.MANAGEMENT),
    CREATE_ALIAS("kms:CreateAlias", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    CREATE_CUSTOM_KEY_STORE("kms:CreateCustomKeyStore", Kind.MANAGEMENT),
    CREATE_KEY("kms:CreateKey", Kind.MANAGEMENT),
    DELETE_ALIAS("kms:DeleteAlias", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    DELETE_CUSTOM_KEY_STORE("kms:DeleteCustomKeyStore", Kind.MANAGEMENT),
    DELETE_IMPORTED_KEY_MATERIAL("kms:DeleteImportedKeyMaterial", Kind.MANAGEMENT),
    DESCRIBE_CUSTOM_KEY_STORES("kms:DescribeCustomKeyStores", Kind.MANAGEMENT),
    DISABLE_KEY("kms:DisableKey", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    DISABLE_KEY_ROTATION("kms:DisableKeyRotation", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    DISCONNECT_CUSTOM_KEY_STORE("kms:DisconnectCustomKeyStore", Kind.MANAGEMENT),
    ENABLE_KEY("kms:EnableKey", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    ENABLE_KEY_ROTATION("kms:EnableKeyRotation", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    GENERATE_RANDOM("kms:GenerateRandom", Kind.MANAGEMENT),
    GET_KEY_POLICY("kms:GetKeyPolicy", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    GET_KEY_ROTATION_STATUS("kms:GetKeyRotationStatus", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    GET_PARAMETERS_FOR_IMPORT("kms:GetParametersForImport", Kind.MANAGEMENT),
    IMPORT_KEY_MATERIAL("kms:ImportKeyMaterial", Kind.MANAGEMENT),
    LIST_ALIASES("kms:ListAliases", Kind.MANAGEMENT),
    LIST_GRANTS("kms:ListGrants", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    LIST_KEY_POLICIES("kms:ListKeyPolicies", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    LIST_KEY_ROTATIONS("kms:ListKeyRotations", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    LIST_KEYS("kms:ListKeys", Kind.MANAGEMENT),
    LIST_RESOURCE_TAGS("kms:ListResourceTags", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    LIST_RETIRABLE_GRANTS("kms:ListRetirableGrants", Kind.MANAGEMENT),
    /** Lets an administrator rewrite the policy, including to use the key: administrators are trusted with the data. */
    PUT_KEY_POLICY("kms:PutKeyPolicy", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    /** Administrators of a multi-Region key only (see {@code Policies.keyPolicy} for the AWS page). */
    REPLICATE_KEY("kms:ReplicateKey", Kind.MANAGEMENT),
    RETIRE_GRANT("kms:RetireGrant", Kind.MANAGEMENT),
    REVOKE_GRANT("kms:RevokeGrant", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    ROTATE_KEY_ON_DEMAND("kms:RotateKeyOnDemand", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    SCHEDULE_KEY_DELETION("kms:ScheduleKeyDeletion", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    SYNCHRONIZE_MULTI_REGION_KEY("kms:SynchronizeMultiRegionKey", Kind.MANAGEMENT),
    TAG_RESOURCE("kms:TagResource", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    UNTAG_RESOURCE("kms:UntagResource", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    UPDATE_ALIAS("kms:UpdateAlias", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    UPDATE_CUSTOM_KEY_STORE("kms:UpdateCustomKeyStore", Kind.MANAGEMENT),
    UPDATE_KEY_DESCRIPTION("kms:UpdateKeyDescription", Kind.MANAGEMENT, Grantee.KEY_ADMINISTRATORS),
    /** Administrators of a multi-Region key only (see {@code Policies.keyPolicy} for the AWS page). */
    UPDATE_PRIMARY_REGION("kms:UpdatePrimaryRegion", Kind.MANAGEMENT),

    // Valid only for asymmetric or HMAC keys.
    DERIVE_SHARED_SECRET("kms:DeriveSharedSecret", Kind.NON_SYMMETRIC),
    GENERATE_MAC("kms:GenerateMac", Kind.NON_SYMMETRIC),
    GET_PUBLIC_KEY("kms:GetPublicKey", Kind.NON_SYMMETRIC),
    SIGN("kms:Sign", Kind.NON_SYMMETRIC),
    VERIFY("kms:Verify", Kind.NON_SYMMETRIC),
    VERIFY_MAC("kms:VerifyMac", Kind.NON_SYMMETRIC);

    /** What an action does to a symmetric encryption key. */
    public enum Kind {
        /** Uses the key material: encryption-context conditions apply to these. */
        CRYPTOGRAPHIC,
        /** Reads the key's metadata. */
        DESCRIBE,
        /** Manages the key, its grants, aliases, tags and policy, or the account's keys and key stores. */
        MANAGEMENT,
        /** Exists only for asymmetric or HMAC keys. */
        NON_SYMMETRIC
    }

    /** Who the component grants an action to. */
    public enum Grantee {
        /** Principals that use the key for data (the API's {@code KeyAction}). */
        KEY_USERS,
        /**
         * The key administrators' statement of the key policy: they administer the key, with no cryptographic
         * action and no CreateGrant. Explicit names, no wildcards.
         */
        KEY_ADMINISTRATORS
    }

    private static final Map<String, KmsAction> BY_LOWER_CASE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(a -> lower(a.actionName), Function.identity()));

    private final String actionName;
    private final Kind kind;
    private final boolean forKeyUsers;
    private final boolean forKeyAdministrators;

    KmsAction(String actionName, Kind kind, Grantee... grantees) {
        this.actionName = actionName;
        this.kind = kind;
        this.forKeyUsers = Arrays.asList(grantees).contains(Grantee.KEY_USERS);
        this.forKeyAdministrators = Arrays.asList(grantees).contains(Grantee.KEY_ADMINISTRATORS);
    }

    /** The IAM action name, such as {@code kms:Decrypt}. */
    public String actionName() {
        return actionName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isCryptographic() {
        return kind == Kind.CRYPTOGRAPHIC;
    }

    public boolean isGrantedTo(Grantee grantee) {
        return switch (grantee) {
            case KEY_USERS -> forKeyUsers;
            case KEY_ADMINISTRATORS -> forKeyAdministrators;
        };
    }

    /** The action with this IAM name; IAM action names are case-insensitive. */
    public static Optional<KmsAction> fromActionName(@Nullable String actionName) {
        return actionName == null ? Optional.empty() : Optional.ofNullable(BY_LOWER_CASE_NAME.get(lower(actionName)));
    }

    /** The names of every action of a kind, in lower case (IAM compares action names ignoring case). */
    public static Set<String> lowerCaseNames(Kind kind) {
        return Arrays.stream(values()).filter(a -> a.kind == kind).map(a -> lower(a.actionName))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The actions granted to a grantee, in the table's order. */
    public static List<KmsAction> grantedTo(Grantee grantee) {
        return Arrays.stream(values()).filter(a -> a.isGrantedTo(grantee)).toList();
    }

    /** The names of the key administrators' actions in the order they are rendered: alphabetical. */
    public static List<String> keyAdministratorActionNames() {
        return grantedTo(Grantee.KEY_ADMINISTRATORS).stream().map(KmsAction::actionName)
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
