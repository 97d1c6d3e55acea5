package io.github.aidatakeys.testing;

import java.util.Map;
import java.util.Set;

/**
 * Which input changes make the AWS provider replace a resource instead of updating it in place: the properties
 * its schema marks {@code ForceNew} ("Changing this forces a new resource"), under their Pulumi names. The Pulumi
 * AWS provider is generated from the Terraform AWS provider's schema, so the schema sources below decide.
 */
final class Replacements {
    private Replacements() {
    }

    /** Properties whose value, when the program leaves them unset, Pulumi keeps from the state (auto-names). */
    static final Set<String> AUTO_NAMED = Set.of("name");

    private static final Map<String, Set<String>> FORCE_NEW = Map.of(
            // aws_kms_key: custom_key_store_id, customer_master_key_spec, key_usage, multi_region and xks_key_id
            // are ForceNew; description, policy, rotation, is_enabled, deletion window and tags update in place.
            // https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/kms/key.go
            // https://www.pulumi.com/registry/packages/aws/api-docs/kms/key/
            "aws:kms/key:Key", Set.of("customKeyStoreId", "customerMasterKeySpec", "keyUsage", "multiRegion",
                    "xksKeyId"),
            // aws_kms_alias: name and name_prefix are ForceNew; target_key_id is updated with UpdateAlias.
            // https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/kms/alias.go
            "aws:kms/alias:Alias", Set.of("name", "namePrefix"),
            // aws_kms_replica_key: primary_key_arn is ForceNew (its Region is the provider's: a new Region is a
            // new provider, which replaces it too).
            // https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/kms/replica_key.go
            "aws:kms/replicaKey:ReplicaKey", Set.of("primaryKeyArn"),
            // aws_iam_role: name, name_prefix and path are ForceNew; the trust policy, description, session
            // duration, permissions boundary and tags update in place.
            // https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/role.go
            "aws:iam/role:Role", Set.of("name", "namePrefix", "path"),
            // aws_iam_role_policy: name, name_prefix and role are ForceNew; the policy document is put in place.
            // https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/role_policy.go
            "aws:iam/rolePolicy:RolePolicy", Set.of("name", "namePrefix", "role"),
            // aws_iam_instance_profile: name, name_prefix and path are ForceNew; the role is swapped in place.
            // https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/iam/instance_profile.go
            "aws:iam/instanceProfile:InstanceProfile", Set.of("name", "namePrefix", "path"));

    /** Whether a change of this property replaces a resource of this type. */
    static boolean forcesReplacement(String type, String property) {
        return FORCE_NEW.getOrDefault(type, Set.of()).contains(property);
    }

    /** Whether the table knows this type: for other types, a change is shown as an update. */
    static boolean known(String type) {
        return FORCE_NEW.containsKey(type);
    }

    /** The key types whose replacement or deletion loses data. */
    static boolean isKey(String type) {
        return type.equals("aws:kms/key:Key") || type.equals("aws:kms/replicaKey:ReplicaKey");
    }
}
