package io.github.aidatakeys;

import io.github.aidatakeys.internal.Check;

/**
 * The logical names that the four resources had in a hand-written program, at the top level of the stack. Given to
 * {@link EncryptedAiDataKeyArgs.Builder#migrateFrom(LegacyResources)}, each child of the component carries an alias
 * to its old name, so Pulumi moves the existing resource under the component instead of replacing it: the key, and
 * the data it protects, stay.
 *
 * <pre>{@code
 * EncryptedAiDataKeyArgs.builder()
 *     .aliasName("alias/aiDataKey")
 *     .allowedServices(AwsService.EC2)
 *     .migrateFrom(LegacyResources.ORIGINAL_PROGRAM)
 *     .build();
 * }</pre>
 *
 * @param key    the old name of the {@code aws:kms/key:Key}
 * @param alias  the old name of the {@code aws:kms/alias:Alias}
 * @param role   the old name of the {@code aws:iam/role:Role}
 * @param policy the old name of the {@code aws:iam/rolePolicy:RolePolicy}
 */
public record LegacyResources(String key, String alias, String role, String policy) {
    /** The names used by the widely copied program this component replaces. */
    public static final LegacyResources ORIGINAL_PROGRAM =
            new LegacyResources("aiDataKmsKey", "aiDataKmsKeyAlias", "aiServiceRole", "aiServiceKmsPolicy");

    /**
     * Checks that every name is given.
     *
     * @param key    the old name of the key
     * @param alias  the old name of the alias
     * @param role   the old name of the role
     * @param policy the old name of the role policy
     * @throws IllegalArgumentException if a name is null or blank
     */
    public LegacyResources {
        for (var entry : new String[][]{{"migrateFrom.key", key}, {"migrateFrom.alias", alias},
                {"migrateFrom.role", role}, {"migrateFrom.policy", policy}}) {
            if (entry[1] == null || entry[1].isBlank()) {
                throw Check.invalid(entry[0], "must name the resource in the existing stack", entry[1]);
            }
        }
    }
}
