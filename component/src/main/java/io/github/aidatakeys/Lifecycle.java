package io.github.aidatakeys;

import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The arguments that decide which children exist and what they adopt: additional aliases, replica Regions and the
 * import ids of existing resources. All plain values, known at construction (Pulumi cannot create a resource
 * conditionally on an output), validated before anything is registered.
 */
final class Lifecycle {
    /*
     * Region codes: <area>-<direction>-<number>, such as us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1.
     * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
     */
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    /*
     * Key ids: a UUID for a single-Region key; "mrk-" and 32 hex digits for a multi-Region key ("Related multi-Region
     * keys have the same key ID"; the mrk- prefix marks them).
     * https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-id
     * https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-auth.html
     */
    static final Pattern SINGLE_REGION_KEY_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern MULTI_REGION_KEY_ID = Pattern.compile("mrk-[0-9a-f]{32}");
    /* IAM names of inline policies and instance profiles: 1 to 128 of [\w+=,.@-].
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html */
    public static final int IAM_NAME_MAX_LENGTH = 128;
    static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1," + IAM_NAME_MAX_LENGTH + "}");

    /** The additional aliases, each with its {@code alias/} prefix, in the order given. */
    public final List<String> additionalAliasNames;
    /** The Regions of the replica keys, in the order given. */
    public final List<String> replicaRegions;
    /** The resources to adopt, checked; {@code null} when none. */
    public final @Nullable AdoptedResources adopt;

    private Lifecycle(List<String> additionalAliasNames, List<String> replicaRegions,
                      @Nullable AdoptedResources adopt) {
        this.additionalAliasNames = additionalAliasNames;
        this.replicaRegions = replicaRegions;
        this.adopt = adopt;
    }

    /** Checks the arguments' own rules (each value alone, and the lists for duplicates). */
    public static Lifecycle of(EncryptedAiDataKeyArgs args) {
        var aliases = args.additionalAliasNames()
                .map(v -> Rules.eachOf("additionalAliasNames", v, Rules::aliasName)).orElse(List.of());
        // Compared once the prefix is added, so "by-model" and "alias/BY-MODEL" are caught too; names equal but
        // for case are refused like duplicates in every other list argument.
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < aliases.size(); i++) {
            var previous = seen.putIfAbsent(aliases.get(i).toLowerCase(Locale.ROOT), i);
            if (previous != null) {
                throw Check.invalid("additionalAliasNames", "must not contain duplicates (compared ignoring case, "
                        + "with the 'alias/' prefix), but [" + previous + "] and [" + i + "] are the same",
                        args.additionalAliasNames().orElseThrow());
            }
        }
        var regions = args.replicaRegions()
                .map(v -> Rules.eachOf("replicaRegions", v, Lifecycle::region)).orElse(List.of());
        var adopt = args.adopt().map(AdoptedResources::check).orElse(null);
        if (adopt != null) {
            for (int i = 0; i < adopt.replicaRegions().size(); i++) {
                var region = adopt.replicaRegions().get(i);
                if (!regions.contains(region)) {
                    throw Check.invalid("adopt.replicaRegions[" + i + "]", "must be one of replicaRegions "
                            + Check.show(regions), region);
                }
            }
        }
        var lifecycle = new Lifecycle(List.copyOf(aliases), List.copyOf(regions), adopt);
        if (adopt != null) {
            var outside = adopt.aliasNames().stream().filter(a -> !lifecycle.additionalAliasNames.contains(a))
                    .toList();
            if (outside.size() > 1) {
                throw Check.invalid("adopt.aliasNames", "must name at most one alias besides additionalAliasNames "
                        + "(the one in aliasName)", adopt.aliasNames());
            }
        }
        return lifecycle;
    }

    /**
     * The rules across arguments, once the values they compare are known.
     *
     * @param aliasName       the first alias, with its prefix
     * @param multiRegion     whether the key is a multi-Region key
     * @param roleName        the {@code roleName} argument, or null when the role is named by Pulumi
     * @param instanceProfile whether the component creates an instance profile
     */
    public void crossCheck(String aliasName, boolean multiRegion, @Nullable String roleName, boolean instanceProfile) {
        for (int i = 0; i < additionalAliasNames.size(); i++) {
            if (additionalAliasNames.get(i).equalsIgnoreCase(aliasName)) {
                throw Check.invalid("additionalAliasNames[" + i + "]", "must differ from aliasName "
                        + Check.show(aliasName) + " (compared ignoring case)", additionalAliasNames.get(i));
            }
        }
        if (!replicaRegions.isEmpty() && !multiRegion) {
            throw Check.conflict("replicaRegions is set but multiRegion is not true; only a multi-Region key can be "
                    + "replicated (and multiRegion cannot change once the key exists)",
                    "replicaRegions=" + Check.show(replicaRegions) + ", multiRegion=false");
        }
        if (adopt == null) {
            return;
        }
        if (adopt.keyId() != null) {
            var multiRegionId = adopt.keyId().startsWith("mrk-");
            if (multiRegionId != multiRegion) {
                throw Check.conflict("adopt.keyId " + Check.show(adopt.keyId()) + " is a "
                        + (multiRegionId ? "multi-Region" : "single-Region") + " key but multiRegion is "
                        + multiRegion + "; a different multiRegion would replace the adopted key",
                        "multiRegion=" + multiRegion);
            }
        }
        var allAliases = new ArrayList<String>();
        allAliases.add(aliasName);
        allAliases.addAll(additionalAliasNames);
        for (int i = 0; i < adopt.aliasNames().size(); i++) {
            var adopted = adopt.aliasNames().get(i);
            if (!allAliases.contains(adopted)) {
                throw Check.invalid("adopt.aliasNames[" + i + "]", "must be aliasName or one of "
                        + "additionalAliasNames " + Check.show(allAliases) + " (the alias's name is its import id)",
                        adopted);
            }
        }
        if (adopt.roleName() != null && roleName != null && !roleName.equals(adopt.roleName())) {
            throw Check.conflict("adopt.roleName " + Check.show(adopt.roleName()) + " differs from roleName "
                    + Check.show(roleName) + "; a different name would replace the adopted role",
                    "roleName=" + Check.show(roleName));
        }
        if (adopt.rolePolicyId() != null) {
            var role = effectiveRoleName(roleName);
            var policyRole = adopt.rolePolicyId().substring(0, adopt.rolePolicyId().indexOf(':'));
            if (role == null || !role.equals(policyRole)) {
                throw Check.conflict("adopt.rolePolicyId " + Check.show(adopt.rolePolicyId()) + " names the role "
                        + Check.show(policyRole) + ", which must be the data role: set roleName or adopt.roleName "
                        + "to it", "roleName=" + Check.show(role));
            }
        }
        if (adopt.instanceProfileName() != null && !instanceProfile) {
            throw Check.conflict("adopt.instanceProfileName is set but the component creates no instance profile "
                    + "(EC2 is not an allowed service, or createInstanceProfile is false)",
                    "adopt.instanceProfileName=" + Check.show(adopt.instanceProfileName()));
        }
    }

    /** The data role's name: the argument, else the adopted role's, else null (Pulumi names it). */
    public @Nullable String effectiveRoleName(@Nullable String roleName) {
        return roleName != null ? roleName : adopt == null ? null : adopt.roleName();
    }

    /** The name of the adopted inline policy, or null. */
    public @Nullable String rolePolicyName() {
        var id = adopt == null ? null : adopt.rolePolicyId();
        return id == null ? null : id.substring(id.indexOf(':') + 1);
    }

    /** The import id of the key, or null. */
    public @Nullable String keyImportId() {
        return adopt == null ? null : adopt.keyId();
    }

    /** The import id of an additional alias (its name) when it is adopted, else null. */
    public @Nullable String aliasImportId(String aliasName) {
        return adopt != null && adopt.aliasNames().contains(aliasName) ? aliasName : null;
    }

    /**
     * The import id of the first alias: the adopted alias that is not one of the additional ones. Known at
     * construction even when {@code aliasName} is an output; {@link #crossCheck} confirms it is that alias.
     */
    public @Nullable String primaryAliasImportId() {
        if (adopt == null) {
            return null;
        }
        var primary = adopt.aliasNames().stream().filter(a -> !additionalAliasNames.contains(a)).toList();
        return primary.isEmpty() ? null : primary.get(0);
    }

    /** The import id of the replica in a Region (the shared multi-Region key id) when it is adopted, else null. */
    public @Nullable String replicaImportId(String region) {
        return adopt != null && adopt.replicaRegions().contains(region) ? adopt.keyId() : null;
    }

    /**
     * The logical name of an additional alias's child: derived from the alias itself, not its position, so that
     * reordering the list replaces nothing.
     */
    public static String aliasChildName(String componentName, String aliasName) {
        return componentName + "-alias-" + aliasName.substring(Rules.ALIAS_PREFIX.length());
    }

    /** Checks one Region code. */
    public static String region(String argument, String value) {
        if (!REGION.matcher(value).matches()) {
            throw Check.invalid(argument, "must be an AWS Region code such as 'eu-west-1' or 'us-gov-west-1'", value);
        }
        return value;
    }

    /** Checks a key id (not an ARN, not an alias). */
    public static String keyId(String argument, String value) {
        if (!SINGLE_REGION_KEY_ID.matcher(value).matches() && !MULTI_REGION_KEY_ID.matcher(value).matches()) {
            throw Check.invalid(argument, "must be a key id such as '1234abcd-12ab-34cd-56ef-1234567890ab' or "
                    + "'mrk-1234abcd12ab34cd56ef1234567890ab' (not a key ARN or an alias)", value);
        }
        return value;
    }

    /** Checks an inline policy or instance profile name. */
    public static String iamName(String argument, String value) {
        if (!IAM_NAME.matcher(value).matches()) {
            throw Check.invalid(argument, "must be 1 to " + IAM_NAME_MAX_LENGTH
                    + " characters from A-Z, a-z, 0-9 and +=,.@_-", value);
        }
        return value;
    }

    /** Checks a role policy's import id, {@code <role name>:<policy name>}. */
    public static String rolePolicyId(String argument, String value) {
        var colon = value.indexOf(':');
        if (colon <= 0 || colon != value.lastIndexOf(':') || colon == value.length() - 1) {
            throw Check.invalid(argument, "must be '<role name>:<policy name>'", value);
        }
        Rules.roleName(argument + " (role name)", value.substring(0, colon));
        iamName(argument + " (policy name)", value.substring(colon + 1));
        return value;
    }

    /**
     * For each replica Region, the Regions a key policy there lets administrators replicate to: every other Region
     * of the set (after an update of the primary Region, any key of the set may be the one replicated).
     */
    public Map<String, List<String>> replicationTargets(String primaryRegion) {
        var all = new LinkedHashSet<String>();
        all.add(primaryRegion);
        all.addAll(replicaRegions);
        var result = new TreeMap<String, List<String>>();
        for (var region : all) {
            result.put(region, all.stream().filter(r -> !r.equals(region)).toList());
        }
        return result;
    }

    /** Replicas are in other Regions than the primary key's, once the stack's Region is known. */
    public void checkAgainstRegion(String region) {
        for (int i = 0; i < replicaRegions.size(); i++) {
            // "You can't create a replica key in the same Region as its primary key."
            // https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-replicate.html
            if (replicaRegions.get(i).equals(region)) {
                throw Check.invalid("replicaRegions[" + i + "]", "must not be the key's own Region "
                        + Check.show(region) + " (a replica must be in another Region)", replicaRegions.get(i));
            }
        }
    }

    /** The Regions of the key set: the primary's first, then the replicas'. */
    public List<String> allRegions(String primaryRegion) {
        var result = new ArrayList<String>();
        result.add(primaryRegion);
        result.addAll(replicaRegions);
        return result;
    }
}
