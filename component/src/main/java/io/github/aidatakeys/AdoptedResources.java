package io.github.aidatakeys;

import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Doc;
import io.github.aidatakeys.internal.Rules;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Existing AWS resources that the component takes under management instead of creating new ones (Pulumi's
 * {@code import} resource option, one import id per child). A key made in the console, by CloudFormation or by
 * Terraform keeps its key material, and the data encrypted under it stays readable.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/chat-transcripts")
 *     .allowedServices(AwsService.SAGEMAKER)
 *     .adopt(AdoptedResources.builder()
 *         .keyId("1234abcd-12ab-34cd-56ef-1234567890ab")
 *         .aliasNames("alias/chat-transcripts")
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Pulumi reads each resource by its id and compares it with the inputs the component declares. Older Pulumi CLIs
 * refuse the import when they differ ("inputs to import do not match the existing resource"); newer ones import and
 * then update the resource to the declared inputs on the same {@code pulumi up}. Either way the first preview shows
 * every difference: for a key, that includes its key policy, which the component's replaces. A property that forces
 * a new resource (for a key: a multi-Region setting, key spec or usage other than the component's) would replace
 * what was adopted, which is why {@code keyId} is checked against {@code multiRegion} and the role's names against
 * {@code roleName}.
 */
@Doc(description = "Existing resources the component takes under management instead of creating them (Pulumi's "
        + "`import` resource option, one import id per child). Pulumi compares each with the inputs the component "
        + "declares: a difference fails the import on older Pulumi CLIs and becomes an update on newer ones, so "
        + "review the first preview. Import ids follow the AWS provider's formats.")
public final class AdoptedResources {
    // Import id formats of the AWS provider (the Terraform provider's docs, which pulumi-aws is built from):
    // aws_kms_key and aws_kms_replica_key by key id; aws_kms_alias by name (alias/...); aws_iam_role by name;
    // aws_iam_role_policy by role_name:role_policy_name; aws_iam_instance_profile by name.
    // https://github.com/hashicorp/terraform-provider-aws/blob/main/website/docs/r/kms_key.html.markdown#import
    // https://github.com/hashicorp/terraform-provider-aws/blob/main/website/docs/r/kms_replica_key.html.markdown#import
    // https://github.com/hashicorp/terraform-provider-aws/blob/main/website/docs/r/kms_alias.html.markdown#import
    // https://github.com/hashicorp/terraform-provider-aws/blob/main/website/docs/r/iam_role.html.markdown#import
    // https://github.com/hashicorp/terraform-provider-aws/blob/main/website/docs/r/iam_role_policy.html.markdown#import
    // https://github.com/hashicorp/terraform-provider-aws/blob/main/website/docs/r/iam_instance_profile.html.markdown#import
    @Import(name = "keyId")
    @Doc(description = "The id of the existing KMS key (`aws:kms/key:Key` import id), such as "
            + "`1234abcd-12ab-34cd-56ef-1234567890ab`, or `mrk-...` for a multi-Region key (then `multiRegion` "
            + "must be `true`). Only a symmetric `ENCRYPT_DECRYPT` key can be adopted.",
            range = "A UUID, or `mrk-` and 32 hexadecimal digits; not an ARN or alias")
    private @Nullable String keyId;
    @Import(name = "aliasNames")
    @Doc(description = "Existing aliases to adopt (`aws:kms/alias:Alias` import id: the alias name); each must be "
            + "`aliasName` or one of `additionalAliasNames`. An adopted alias is pointed at the component's key.",
            range = "Alias names, as for `aliasName`; no duplicates")
    private @Nullable List<String> aliasNames;
    @Import(name = "roleName")
    @Doc(description = "The name of an existing IAM role to adopt as the data role (`aws:iam/role:Role` import id). "
            + "The role keeps this name: `roleName`, when set, must be the same. Its trust policy, path and tags "
            + "become the component's.",
            range = "As for `roleName`")
    private @Nullable String roleName;
    @Import(name = "rolePolicyId")
    @Doc(description = "The existing inline policy of the data role to adopt (`aws:iam/rolePolicy:RolePolicy` "
            + "import id: `<role name>:<policy name>`). The role part must be the data role's name. Its document "
            + "becomes the component's.",
            range = "`<role name>:<policy name>`, the policy name 1 to 128 characters from `A-Z a-z 0-9 +=,.@_-`")
    private @Nullable String rolePolicyId;
    @Import(name = "instanceProfileName")
    @Doc(description = "The name of an existing instance profile to adopt (`aws:iam/instanceProfile:InstanceProfile` "
            + "import id), when the component creates one for EC2.",
            range = "1 to 128 characters from `A-Z a-z 0-9 +=,.@_-`")
    private @Nullable String instanceProfileName;
    @Import(name = "replicaRegions")
    @Doc(description = "Regions, among `replicaRegions`, where a replica of the adopted multi-Region key already "
            + "exists and is adopted (`aws:kms/replicaKey:ReplicaKey` import id: the shared `mrk-` key id). Requires "
            + "`keyId`.",
            range = "Region codes listed in `replicaRegions`")
    private @Nullable List<String> replicaRegions;

    /** For the Pulumi runtime, which fills the fields by reflection. Use {@link #builder()}. */
    private AdoptedResources() {
    }

    /** A copy that shares only the unmodifiable lists the builder holds. */
    private AdoptedResources(AdoptedResources from) {
        keyId = from.keyId;
        aliasNames = from.aliasNames;
        roleName = from.roleName;
        rolePolicyId = from.rolePolicyId;
        instanceProfileName = from.instanceProfileName;
        replicaRegions = from.replicaRegions;
    }

    /**
     * Starts a builder with nothing adopted.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the shape of every import id; values filled by the runtime bypass the builder, so the component calls
     * this too.
     *
     * @return this
     * @throws IllegalArgumentException if an id is malformed, naming the argument, the rule and the value
     * @throws IllegalStateException    if replicas are adopted without a multi-Region key id
     */
    public AdoptedResources check() {
        ifGiven("adopt.keyId", keyId, Lifecycle::keyId);
        if (aliasNames != null) {
            Rules.eachOf("adopt.aliasNames", aliasNames, (argument, value) -> {
                if (!value.startsWith(Rules.ALIAS_PREFIX)) {
                    throw Check.invalid(argument, "must be the alias's full name, starting with '"
                            + Rules.ALIAS_PREFIX + "' (its import id)", value);
                }
                return Rules.aliasName(argument, value);
            });
        }
        ifGiven("adopt.roleName", roleName, Rules::roleName);
        ifGiven("adopt.rolePolicyId", rolePolicyId, Lifecycle::rolePolicyId);
        ifGiven("adopt.instanceProfileName", instanceProfileName, Lifecycle::iamName);
        if (replicaRegions != null) {
            Rules.eachOf("adopt.replicaRegions", replicaRegions, Lifecycle::region);
            if (!replicaRegions.isEmpty() && (keyId == null || !keyId.startsWith("mrk-"))) {
                throw Check.conflict("adopt.replicaRegions is set without the multi-Region key id (mrk-...) in "
                        + "adopt.keyId; a replica shares its primary's key id",
                        "adopt.keyId=" + Check.show(keyId));
            }
        }
        return this;
    }

    /** Ids are optional: each is checked when given. */
    private static void ifGiven(String argument, @Nullable String value, Rules.Rule<String> rule) {
        if (value != null) {
            rule.check(argument, value);
        }
    }

    /**
     * Returns the id of the key to adopt, or {@code null}.
     *
     * @return the id of the key to adopt, or {@code null}
     */
    public @Nullable String keyId() {
        return keyId;
    }

    /**
     * Returns the names of the aliases to adopt; empty when none.
     *
     * @return the names of the aliases to adopt (unmodifiable); empty when none
     */
    public List<String> aliasNames() {
        return aliasNames == null ? List.of() : Collections.unmodifiableList(aliasNames);
    }

    /**
     * Returns the name of the role to adopt, or {@code null}.
     *
     * @return the name of the role to adopt, or {@code null}
     */
    public @Nullable String roleName() {
        return roleName;
    }

    /**
     * Returns the import id ({@code <role name>:<policy name>}) of the inline policy to adopt, or {@code null}.
     *
     * @return the import id ({@code <role name>:<policy name>}) of the inline policy to adopt, or {@code null}
     */
    public @Nullable String rolePolicyId() {
        return rolePolicyId;
    }

    /**
     * Returns the name of the instance profile to adopt, or {@code null}.
     *
     * @return the name of the instance profile to adopt, or {@code null}
     */
    public @Nullable String instanceProfileName() {
        return instanceProfileName;
    }

    /**
     * Returns the Regions whose existing replica is adopted; empty when none.
     *
     * @return the Regions whose existing replica is adopted (unmodifiable); empty when none
     */
    public List<String> replicaRegions() {
        return replicaRegions == null ? List.of() : Collections.unmodifiableList(replicaRegions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdoptedResources other && Objects.equals(keyId, other.keyId)
                && aliasNames().equals(other.aliasNames()) && Objects.equals(roleName, other.roleName)
                && Objects.equals(rolePolicyId, other.rolePolicyId)
                && Objects.equals(instanceProfileName, other.instanceProfileName)
                && replicaRegions().equals(other.replicaRegions());
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, aliasNames(), roleName, rolePolicyId, instanceProfileName, replicaRegions());
    }

    @Override
    public String toString() {
        return "AdoptedResources[keyId=" + keyId + ", aliasNames=" + aliasNames() + ", roleName=" + roleName
                + ", rolePolicyId=" + rolePolicyId + ", instanceProfileName=" + instanceProfileName
                + ", replicaRegions=" + replicaRegions() + "]";
    }

    /**
     * Builds {@link AdoptedResources}. Not thread-safe. The builder keeps a copy of each list and array it is given,
     * and {@link #build()} returns a new value each time: using the builder again does not change a value it built.
     */
    public static final class Builder {
        private final AdoptedResources $ = new AdoptedResources();

        private Builder() {
        }

        /**
         * The id of the existing key, such as {@code 1234abcd-12ab-34cd-56ef-1234567890ab} or
         * {@code mrk-1234abcd12ab34cd56ef1234567890ab}.
         *
         * @param keyId the key id (not its ARN or an alias)
         * @return this builder
         */
        public Builder keyId(@Nullable String keyId) {
            $.keyId = keyId;
            return this;
        }

        /**
         * Existing aliases to adopt, by full name ({@code alias/...}); each must be one of the component's aliases.
         *
         * @param aliasNames the alias names
         * @return this builder
         */
        public Builder aliasNames(@Nullable List<String> aliasNames) {
            $.aliasNames = Values.copy(aliasNames);
            return this;
        }

        /**
         * Existing aliases to adopt, by full name.
         *
         * @param aliasNames the alias names
         * @return this builder
         */
        public Builder aliasNames(String... aliasNames) {
            return aliasNames(Arrays.asList(aliasNames));
        }

        /**
         * The name of the existing role to adopt as the data role.
         *
         * @param roleName the role's name (not its ARN)
         * @return this builder
         */
        public Builder roleName(@Nullable String roleName) {
            $.roleName = roleName;
            return this;
        }

        /**
         * The existing inline policy of the data role to adopt, as {@code <role name>:<policy name>}.
         *
         * @param rolePolicyId the import id
         * @return this builder
         */
        public Builder rolePolicyId(@Nullable String rolePolicyId) {
            $.rolePolicyId = rolePolicyId;
            return this;
        }

        /**
         * The name of the existing instance profile to adopt.
         *
         * @param instanceProfileName the profile's name
         * @return this builder
         */
        public Builder instanceProfileName(@Nullable String instanceProfileName) {
            $.instanceProfileName = instanceProfileName;
            return this;
        }

        /**
         * Regions whose existing replica of the adopted multi-Region key is adopted.
         *
         * @param replicaRegions Region codes, each listed in the component's {@code replicaRegions}
         * @return this builder
         */
        public Builder replicaRegions(@Nullable List<String> replicaRegions) {
            $.replicaRegions = Values.copy(replicaRegions);
            return this;
        }

        /**
         * Regions whose existing replica of the adopted multi-Region key is adopted.
         *
         * @param replicaRegions Region codes
         * @return this builder
         */
        public Builder replicaRegions(String... replicaRegions) {
            return replicaRegions(Arrays.asList(replicaRegions));
        }

        /**
         * Checks every import id's shape and returns the adopted resources.
         *
         * @return the adopted resources
         * @throws IllegalArgumentException if an id is malformed
         * @throws IllegalStateException    if replicas are adopted without a multi-Region key id
         */
        public AdoptedResources build() {
            return new AdoptedResources($).check();
        }
    }
}
