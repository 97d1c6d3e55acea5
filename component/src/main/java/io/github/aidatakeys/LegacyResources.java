package io.github.aidatakeys;

import com.pulumi.core.annotations.Import;
import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Doc;

import java.util.Objects;

/**
 * The logical names that the four resources had in a hand-written program, at the top level of the stack. Given to
 * {@link EncryptedAiDataKeyArgs.Builder#migrateFrom(LegacyResources)}, each child of the component carries an alias
 * to its old URN, so Pulumi moves the existing resource under the component instead of replacing it: the key, and
 * the data it protects, stay.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/aiDataKey")
 *     .allowedServices(AwsService.EC2)
 *     .migrateFrom(LegacyResources.originalProgram())
 *     .build();
 * }</pre>
 */
@Doc(description = "The logical names that the key, alias, role and role policy had at the top level of the stack, "
        + "in a hand-written program that this component takes over.")
public final class LegacyResources {
    @Import(name = "key", required = true)
    @Doc(description = "The logical name the `aws:kms/key:Key` had at the top level of the stack.",
            range = "Not blank")
    private String key;
    @Import(name = "alias", required = true)
    @Doc(description = "The logical name the `aws:kms/alias:Alias` had at the top level of the stack.",
            range = "Not blank")
    private String alias;
    @Import(name = "role", required = true)
    @Doc(description = "The logical name the `aws:iam/role:Role` had at the top level of the stack.",
            range = "Not blank")
    private String role;
    @Import(name = "policy", required = true)
    @Doc(description = "The logical name the `aws:iam/rolePolicy:RolePolicy` had at the top level of the stack.",
            range = "Not blank")
    private String policy;

    /** For the Pulumi runtime, which fills the fields by reflection. */
    private LegacyResources() {
    }

    /**
     * The former names of the four resources.
     *
     * @param key    the old name of the {@code aws:kms/key:Key}
     * @param alias  the old name of the {@code aws:kms/alias:Alias}
     * @param role   the old name of the {@code aws:iam/role:Role}
     * @param policy the old name of the {@code aws:iam/rolePolicy:RolePolicy}
     * @throws IllegalArgumentException if a name is null or blank
     */
    public LegacyResources(String key, String alias, String role, String policy) {
        this.key = key;
        this.alias = alias;
        this.role = role;
        this.policy = policy;
        check();
    }

    /**
     * The names used by the widely copied program this component replaces: {@code aiDataKmsKey},
     * {@code aiDataKmsKeyAlias}, {@code aiServiceRole} and {@code aiServiceKmsPolicy}.
     *
     * @return the names
     */
    public static LegacyResources originalProgram() {
        return new LegacyResources("aiDataKmsKey", "aiDataKmsKeyAlias", "aiServiceRole", "aiServiceKmsPolicy");
    }

    /**
     * Checks that every name is given; values filled by the runtime bypass the constructor, so the component
     * calls this too.
     *
     * @return this
     * @throws IllegalArgumentException if a name is null or blank
     */
    public LegacyResources check() {
        for (var entry : new String[][]{{"migrateFrom.key", key}, {"migrateFrom.alias", alias},
                {"migrateFrom.role", role}, {"migrateFrom.policy", policy}}) {
            if (entry[1] == null || entry[1].isBlank()) {
                throw Check.invalid(entry[0], "must name the resource in the existing stack", entry[1]);
            }
        }
        return this;
    }

    /**
     * Returns the old name of the key.
     *
     * @return the old name of the key
     */
    public String key() {
        return key;
    }

    /**
     * Returns the old name of the alias.
     *
     * @return the old name of the alias
     */
    public String alias() {
        return alias;
    }

    /**
     * Returns the old name of the role.
     *
     * @return the old name of the role
     */
    public String role() {
        return role;
    }

    /**
     * Returns the old name of the role policy.
     *
     * @return the old name of the role policy
     */
    public String policy() {
        return policy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyResources other && Objects.equals(key, other.key)
                && Objects.equals(alias, other.alias) && Objects.equals(role, other.role)
                && Objects.equals(policy, other.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, alias, role, policy);
    }

    @Override
    public String toString() {
        return "LegacyResources[key=" + key + ", alias=" + alias + ", role=" + role + ", policy=" + policy + "]";
    }
}
