package io.github.aidatakeys;

import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.internal.Doc;

import javax.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A principal besides the data role that may use the key: an IAM role, or a whole AWS account (whose own IAM
 * policies then decide which of its roles and users may). Rendered into the <em>key policy</em>, one statement per
 * user with a stable {@code Sid}, the explicit actions of its {@link KeyAccess} preset or its {@link KeyAction}s, and
 * its own conditions: encryption context, encryption-context keys and via-services, as for the data role.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/embeddings")
 *     .allowedServices(AwsService.SAGEMAKER)                   // the writer: the data role
 *     .keyUsers(
 *         KeyUser.builder("arn:aws:iam::123456789012:role/inference")
 *             .access(KeyAccess.DECRYPT_ONLY)
 *             .viaServices(ViaService.S3)
 *             .build(),
 *         KeyUser.builder("210987654321")                     // a partner account
 *             .access(KeyAccess.DECRYPT_ONLY)
 *             .encryptionContext(Map.of("dataset", "embeddings"))
 *             .build())
 *     .build();
 * }</pre>
 *
 * <p>A user in another account also needs an IAM policy in its own account that allows the same actions on the
 * key's ARN: the key policy says who <em>may</em> use the key, the other account's IAM says who <em>does</em>.
 * {@code sts:ExternalId} does not apply to key policies (no role is assumed); what protects the key instead is the
 * explicit principal ARN, the actions, and the encryption-context and via-service conditions.
 */
@Doc(description = "A principal besides the data role that may use the key: an IAM role ARN or an AWS account id. "
        + "Rendered into the key policy as one statement per user (stable `Sid`), with the explicit actions of its "
        + "`access` preset or its `actions`, and its own encryption-context and via-service conditions. A user in "
        + "another account also needs an IAM policy in its own account that allows the same actions on the key's ARN.")
public final class KeyUser {
    @Import(name = "principal", required = true)
    @Doc(description = "The IAM role ARN, such as `arn:aws:iam::123456789012:role/inference`, or the 12-digit "
            + "account id (rendered as the account's root, so that the account's own IAM policies decide).",
            range = "A role ARN or an account id of the stack's partition; no wildcards, no `*`; unique among "
                    + "`keyUsers` ignoring case")
    private String principal;

    @Import(name = "access")
    @Doc(description = "A preset of actions: `ENCRYPT_DECRYPT`, `DECRYPT_ONLY`, `ENCRYPT_ONLY` or "
            + "`ATTACHED_STORAGE`.",
            defaultValue = "none: give exactly one of `access` and `actions`")
    private @Nullable String access;

    @Import(name = "actions")
    @Doc(description = "The KMS actions, by IAM name, such as `kms:Decrypt`; `kms:CreateGrant` is always rendered "
            + "with `kms:GrantIsForAWSResource`.",
            defaultValue = "none: give exactly one of `access` and `actions`",
            range = "At least one; the actions of `keyActions`, or `kms:CreateGrant`; no key-management action")
    private @Nullable List<String> actions;

    @Import(name = "encryptionContext")
    @Doc(description = "Encryption-context pairs every cryptographic call of this user must carry, rendered as "
            + "`kms:EncryptionContext:<key>` conditions. Logged in plaintext in CloudTrail.",
            defaultValue = "none",
            range = "As `encryptionContext` of the component")
    private @Nullable Map<String, String> encryptionContext;

    @Import(name = "encryptionContextKeys")
    @Doc(description = "Pins the set of encryption-context keys this user's calls may use "
            + "(`ForAllValues:StringEquals` on `kms:EncryptionContextKeys`, with a `Null` check).",
            defaultValue = "none: any keys",
            range = "As `encryptionContextKeys` of the component")
    private @Nullable List<String> encryptionContextKeys;

    @Import(name = "viaServices")
    @Doc(description = "Limits this user's cryptographic use of the key to requests AWS services make on its behalf "
            + "(`kms:ViaService`), such as `s3`; adds `kms:CallerAccount` for the user's account.",
            defaultValue = "none: direct calls are allowed",
            range = "As `viaServices` of the component")
    private @Nullable List<String> viaServices;

    /** For the Pulumi runtime, which fills the fields by reflection. Use {@link #builder(String)}. */
    private KeyUser() {
    }

    /** A copy that shares only the unmodifiable collections the builder holds. */
    private KeyUser(KeyUser from) {
        principal = from.principal;
        access = from.access;
        actions = from.actions;
        encryptionContext = from.encryptionContext;
        encryptionContextKeys = from.encryptionContextKeys;
        viaServices = from.viaServices;
    }

    /**
     * Starts a key user.
     *
     * @param principal an IAM role ARN or a 12-digit account id
     * @return a builder
     */
    public static Builder builder(String principal) {
        return new Builder(principal);
    }

    /**
     * Returns the role ARN or account id.
     *
     * @return the role ARN or account id, as given
     */
    public String principal() {
        return principal;
    }

    /**
     * Returns the preset's name, if one was given.
     *
     * @return a {@link KeyAccess} name such as {@code DECRYPT_ONLY}, or {@code null}
     */
    public @Nullable String access() {
        return access;
    }

    /**
     * Returns the explicit actions, if given.
     *
     * @return IAM action names (unmodifiable), or {@code null}
     */
    public @Nullable List<String> actions() {
        return Values.readOnly(actions);
    }

    /**
     * Returns the encryption context this user's calls must carry.
     *
     * @return the pairs (unmodifiable), or {@code null}
     */
    public @Nullable Map<String, String> encryptionContext() {
        return Values.readOnly(encryptionContext);
    }

    /**
     * Returns the encryption-context keys this user's calls may use.
     *
     * @return the keys (unmodifiable), or {@code null}
     */
    public @Nullable List<String> encryptionContextKeys() {
        return Values.readOnly(encryptionContextKeys);
    }

    /**
     * Returns the services through which this user may use the key.
     *
     * @return service names (unmodifiable), or {@code null}
     */
    public @Nullable List<String> viaServices() {
        return Values.readOnly(viaServices);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyUser other && Objects.equals(principal, other.principal)
                && Objects.equals(access, other.access) && Objects.equals(actions, other.actions)
                && Objects.equals(encryptionContext, other.encryptionContext)
                && Objects.equals(encryptionContextKeys, other.encryptionContextKeys)
                && Objects.equals(viaServices, other.viaServices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, access, actions, encryptionContext, encryptionContextKeys, viaServices);
    }

    @Override
    public String toString() {
        return "KeyUser[principal=" + principal + ", access=" + access + ", actions=" + actions
                + ", encryptionContext=" + encryptionContext + ", encryptionContextKeys=" + encryptionContextKeys
                + ", viaServices=" + viaServices + "]";
    }

    /**
     * Builds a {@link KeyUser}; the component checks it with the other arguments. The builder keeps a copy of each
     * list, map and array it is given, and {@link #build()} returns a new value each time: using the builder again
     * does not change a value it built.
     */
    public static final class Builder {
        private final KeyUser user = new KeyUser();

        private Builder(String principal) {
            user.principal = principal;
        }

        /**
         * Sets a preset of actions. Give exactly one of {@code access} and {@code actions}.
         *
         * @param access the preset
         * @return this builder
         */
        public Builder access(@Nullable KeyAccess access) {
            user.access = access == null ? null : access.name();
            return this;
        }

        /**
         * Sets explicit actions. Give exactly one of {@code access} and {@code actions}.
         *
         * @param actions the actions
         * @return this builder
         */
        public Builder actions(KeyAction... actions) {
            user.actions = ArgumentForms.actionNames(actions);
            return this;
        }

        /**
         * Sets explicit actions by IAM name, such as {@code kms:Decrypt}.
         *
         * @param actions the action names
         * @return this builder
         */
        public Builder actions(@Nullable List<String> actions) {
            user.actions = Values.copy(actions);
            return this;
        }

        /**
         * Sets the encryption context every cryptographic call of this user must carry.
         *
         * @param context the pairs
         * @return this builder
         */
        public Builder encryptionContext(@Nullable Map<String, String> context) {
            user.encryptionContext = Values.copy(context);
            return this;
        }

        /**
         * Pins the encryption-context keys this user's calls may use.
         *
         * @param keys the keys
         * @return this builder
         */
        public Builder encryptionContextKeys(String... keys) {
            user.encryptionContextKeys = Values.copy(Arrays.asList(keys));
            return this;
        }

        /**
         * Limits this user's cryptographic use to requests these AWS services make on its behalf.
         *
         * @param services the services
         * @return this builder
         */
        public Builder viaServices(ViaService... services) {
            user.viaServices = ArgumentForms.serviceNames(services);
            return this;
        }

        /**
         * Limits this user's cryptographic use to requests these AWS services make on its behalf, by name such as
         * {@code s3} or {@code s3.us-east-1.amazonaws.com}.
         *
         * @param services the service names
         * @return this builder
         */
        public Builder viaServices(@Nullable List<String> services) {
            user.viaServices = Values.copy(services);
            return this;
        }

        /**
         * Returns the key user. Its values are checked by the component's arguments builder, with the other
         * arguments.
         *
         * @return the key user
         */
        public KeyUser build() {
            return new KeyUser(user);
        }
    }
}
