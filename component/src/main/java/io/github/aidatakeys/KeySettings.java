package io.github.aidatakeys;

import com.pulumi.core.Output;
import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.Limits;
import io.github.aidatakeys.internal.Rules;
import io.github.aidatakeys.internal.SdkInternals;
import io.github.aidatakeys.lint.LintRule;
import io.github.aidatakeys.lint.Waiver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The component's arguments after defaults and validation: plain, immutable values that are known to be valid.
 */
final class KeySettings {
    public final String aliasName;
    public final String description;
    public final boolean enableKeyRotation;
    public final @Nullable Integer rotationPeriodInDays;
    public final int deletionWindowInDays;
    public final List<String> keyAdministratorArns;
    public final List<String> allowedServices;
    public final List<String> allowedAccountIds;
    public final List<String> allowedRoleArns;
    public final List<KeyAction> keyActions;
    public final @Nullable String roleName;
    public final String rolePath;
    public final @Nullable String rolePermissionsBoundary;
    public final int roleMaxSessionDuration;
    public final Map<String, String> encryptionContext;
    public final List<String> encryptionContextKeys;
    public final List<String> viaServices;
    public final List<String> sourceArns;
    /** The source ARNs of each allowed service that gets confused-deputy conditions, by service principal. */
    public final Map<String, List<String>> sourceArnsByService;
    /** Allowed services whose confused-deputy conditions are waived ({@code AIK007:<service>}): rendered without. */
    public final List<String> servicesWithoutSourceConditions;
    public final @Nullable String externalId;
    public final boolean crossAccountWithoutExternalId;
    public final @Nullable String webIdentityProviderArn;
    public final List<String> webIdentitySubjects;
    public final String webIdentityAudience;
    public final boolean multiRegion;
    public final Map<String, String> tags;
    public final Map<String, String> lintWaivers;
    public final List<Waiver> waivers;
    /** Principals besides the data role that may use the key, checked; rendered into the key policy. */
    public final List<KeyUsers.User> keyUsers;
    /** AWS services that may use the key as themselves, checked; rendered into the key policy. */
    public final List<KeyUsers.ServiceUser> keyServiceUsers;
    /** The arguments given as secrets (an {@code Output} marked secret, such as {@code config.requireSecret}). */
    private final Set<Argument> secretArguments;
    /** Every value inside the secret arguments: what no message may show. */
    private final Set<Object> secretValues;

    public static final Map<String, String> DEFAULT_TAGS =
            Map.of("DataClassification", "confidential", "ManagedBy", "EncryptedAiDataKey");

    /**
     * What the component derives from its arguments: the rendered policies, each child input that comes from the
     * settings, and the outputs. Each {@link Argument} names what it flows into; a derived value is secret when any
     * argument flowing into it was given as a secret, and only then (the key's id and ARN never are).
     */
    public enum Derived {
        KEY_POLICY(true), TRUST_POLICY(true), ROLE_POLICY(true),
        KEY_DESCRIPTION(false), KEY_ROTATION(true), KEY_DELETION_WINDOW(false), KEY_MULTI_REGION(false),
        ALIAS_NAME(false),
        ROLE_NAME(false), ROLE_PATH(false), ROLE_PERMISSIONS_BOUNDARY(false), ROLE_MAX_SESSION_DURATION(false),
        TAGS(false), LINT_WAIVERS(true),
        /** The lint's findings: derived from everything the lint reads (the values marked {@code linted}). */
        LINT_FINDINGS(false);

        private final boolean linted;

        Derived(boolean linted) {
            this.linted = linted;
        }

        /** The values, and the lint's findings when the lint reads any of them. */
        static Set<Derived> withLint(Set<Derived> values) {
            var all = values.isEmpty() ? EnumSet.noneOf(Derived.class) : EnumSet.copyOf(values);
            if (all.stream().anyMatch(d -> d.linted)) {
                all.add(LINT_FINDINGS);
            }
            return all;
        }
    }

    /** One argument as given: its value once known, and whether it was given as a secret. */
    private record Given(boolean known, @Nullable Object value, boolean secret) {
        static final Given UNKNOWN = new Given(false, null, false);
    }

    @SuppressWarnings("unchecked")
    static @Nullable Object keyUsers(String argument, @Nullable Object value) {
        return value == null ? null : KeyUsers.users(argument, (List<KeyUser>) value);
    }

    @SuppressWarnings("unchecked")
    static @Nullable Object keyServiceUsers(String argument, @Nullable Object value) {
        return value == null ? null
                : KeyUsers.serviceUsers(argument, (List<KeyServiceUser>) value);
    }

    @SuppressWarnings("unchecked")
    static @Nullable Object keyActions(String argument, @Nullable Object value) {
        return value == null ? null : keyActions(argument, (List<String>) value, DATA_ROLE_USES_ONLY);
    }

    /** What a refused key-management action is told, for the data role and for a key user. */
    static final String DATA_ROLE_USES_ONLY = "the data role may only use the key";
    static final String KEY_USER_USES_ONLY = "a key user may only use the key (name administrators in "
            + "keyAdministratorArns)";

    /** At least one action, each a {@link KeyAction}; in the enum's order, once each. */
    static List<KeyAction> keyActions(String argument, List<String> names, String usesOnly) {
        if (names.isEmpty()) {
            throw Check.invalid(argument, "must name at least one action", names);
        }
        Rules.Rule<KeyAction> rule = (a, v) -> keyAction(a, v, usesOnly);
        return List.copyOf(EnumSet.copyOf(Rules.eachOf(argument, names, rule)));
    }

    private KeySettings(String componentName, CheckedArguments a) {
        secretArguments = a.secret();
        secretValues = a.secretValues();
        aliasName = a.aliasName();
        String givenDescription = a.description();
        description = givenDescription == null
                ? "Encrypts AI-generated data (managed by EncryptedAiDataKey " + componentName + ")"
                : givenDescription;

        Integer period = a.rotationPeriodInDays();
        enableKeyRotation = a.enableKeyRotationOrDefault();
        if (period != null && !enableKeyRotation) {
            throw Check.conflict("rotationPeriodInDays is set while enableKeyRotation is false; "
                    + "turn rotation on or leave the period unset",
                    "rotationPeriodInDays=" + Check.show(period) + ", enableKeyRotation=" + Check.show(false));
        }
        rotationPeriodInDays = enableKeyRotation ? a.rotationPeriodInDaysOrDefault() : null;

        deletionWindowInDays = a.deletionWindowInDaysOrDefault();

        keyAdministratorArns = a.keyAdministratorArnsOrEmpty();
        allowedServices = a.allowedServicesOrEmpty();
        allowedAccountIds = a.allowedAccountIdsOrEmpty();
        allowedRoleArns = a.allowedRoleArnsOrEmpty();
        webIdentityProviderArn = a.webIdentityProviderArn();
        var issuer = webIdentityProviderArn == null ? null : Rules.oidcIssuer(webIdentityProviderArn);
        List<String> subjects = a.webIdentitySubjectsOrEmpty();
        webIdentitySubjects = issuer == null ? subjects : List.copyOf(Rules.eachOf("webIdentitySubjects", subjects,
                (argument, value) -> Rules.webIdentitySubject(argument, issuer, value)));
        webIdentityAudience = a.webIdentityAudienceOrDefault();
        if (webIdentityProviderArn != null && webIdentitySubjects.isEmpty()) {
            throw Check.invalid("webIdentitySubjects", "must name at least one token subject when "
                    + "webIdentityProviderArn is set (any subject of the provider could assume the role otherwise)",
                    webIdentitySubjects);
        }
        if (webIdentityProviderArn == null && !webIdentitySubjects.isEmpty()) {
            throw Check.conflict("webIdentitySubjects is set without webIdentityProviderArn",
                    "webIdentitySubjects=" + Check.show(webIdentitySubjects));
        }
        if (allowedServices.isEmpty() && allowedAccountIds.isEmpty() && allowedRoleArns.isEmpty()
                && webIdentityProviderArn == null) {
            throw Check.invalid("allowedServices, allowedAccountIds, allowedRoleArns and webIdentityProviderArn",
                    "must name at least one principal that may assume the data role", Check.described("none"));
        }

        var givenWaivers = a.lintWaiversOrEmpty();
        servicesWithoutSourceConditions = waivedServices(givenWaivers.keySet(), allowedServices);
        sourceArns = a.sourceArnsOrEmpty();
        sourceArnsByService = sourceArnsByService(sourceArns, allowedServices, servicesWithoutSourceConditions);
        externalId = a.externalId();
        crossAccountWithoutExternalId = a.crossAccountWithoutExternalIdOrDefault();
        if (externalId != null && crossAccountWithoutExternalId) {
            throw Check.conflict("externalId is set while crossAccountWithoutExternalId is true; keep one",
                    "externalId=" + Check.show(externalId) + ", crossAccountWithoutExternalId=true");
        }
        if (externalId != null && allowedAccountIds.isEmpty() && allowedRoleArns.isEmpty()) {
            throw Check.conflict("externalId is set but neither allowedAccountIds nor allowedRoleArns names a "
                    + "principal that would present it", "externalId=" + Check.show(externalId));
        }

        encryptionContext = a.encryptionContextOrEmpty();
        encryptionContextKeys = a.encryptionContextKeysOrEmpty();
        requireContextKeysAllowed("", encryptionContext, encryptionContextKeys);
        viaServices = a.viaServicesOrEmpty();
        multiRegion = a.multiRegionOrDefault();

        var merged = new TreeMap<String, String>(DEFAULT_TAGS);
        merged.putAll(a.tagsOrEmpty());
        var allWaivers = new LinkedHashMap<String, String>(givenWaivers);
        if (crossAccountWithoutExternalId && givenWaivers.keySet().stream().noneMatch("AIK008"::equalsIgnoreCase)) {
            allWaivers.put("AIK008", "crossAccountWithoutExternalId is true");
        }
        lintWaivers = Collections.unmodifiableMap(allWaivers);
        // One lint waiver per rule: the reasons of AIK007's per-service waivers are joined, each naming its service.
        var reasons = new LinkedHashMap<LintRule, List<String>>();
        lintWaivers.forEach((key, reason) -> {
            var rule = ruleOf(key);
            var scope = scopeOf(key);
            reasons.computeIfAbsent(rule, r -> new ArrayList<>()).add(scope == null ? reason : scope + ": " + reason);
        });
        waivers = reasons.entrySet().stream()
                .map(e -> new Waiver(e.getKey(), String.join("; ", e.getValue())))
                .collect(Collectors.toCollection(ArrayList::new));
        if (!lintWaivers.isEmpty()) {
            var tag = String.join(" ", new TreeSet<>(lintWaivers.keySet()));
            if (tag.length() > Limits.TAG_VALUE_MAX_LENGTH) {
                throw Check.invalid("lintWaivers", "must fit the " + Rules.LINT_WAIVERS_TAG + " tag: its keys, "
                        + "joined with spaces, must be at most " + Limits.TAG_VALUE_MAX_LENGTH + " characters", tag);
            }
            merged.put(Rules.LINT_WAIVERS_TAG, tag);
        }
        if (merged.size() > Limits.MAX_TAGS) {
            throw Check.invalid("tags", "must hold at most " + Limits.MAX_TAGS + " tags including the "
                    + DEFAULT_TAGS.size() + " defaults" + (lintWaivers.isEmpty() ? "" : " and the LintWaivers tag"),
                    Check.described(merged.size() + " tags"));
        }
        tags = Collections.unmodifiableMap(merged);

        keyActions = a.keyActions() == null ? List.copyOf(KeyAccess.ENCRYPT_DECRYPT.actions()) : a.keyActions();

        keyUsers = a.keyUsersOrEmpty();
        keyServiceUsers = a.keyServiceUsersOrEmpty();

        roleName = a.roleName();
        rolePath = a.rolePathOrDefault();
        rolePermissionsBoundary = a.rolePermissionsBoundary();
        roleMaxSessionDuration = a.roleMaxSessionDurationOrDefault();
    }

    /**
     * Every key of a required encryption context is among the allowed context keys, when those are pinned: spelled
     * exactly alike, since kms:EncryptionContextKeys is compared with StringEquals, case-sensitively
     * (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html). A key outside them would deny
     * every call.
     *
     * @param prefix what names the arguments' owner: empty for the data role, {@code keyUsers[0].} for a key user
     */
    static void requireContextKeysAllowed(String prefix, Map<String, String> context, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        for (var key : context.keySet()) {
            if (!keys.contains(key)) {
                throw Check.conflict(prefix + "encryptionContext requires the key " + Check.show(key) + " that "
                        + prefix + "encryptionContextKeys does not allow",
                        prefix + "encryptionContextKeys=" + Check.show(keys));
            }
        }
    }

    static Map<String, String> checkedMap(String argument, Map<String, String> values,
                                                  Rules.Rule<String> keyRule, Rules.Rule<String> valueRule) {
        var result = new LinkedHashMap<String, String>();
        var seen = new HashMap<String, String>();
        for (var entry : values.entrySet()) {
            var key = Check.required(argument + " key", entry.getKey());
            keyRule.check(argument + " key", key);
            var element = argument + "[" + Check.name(key) + "]";
            if (entry.getValue() == null) {
                throw Check.invalid(element, "must not be null", null);
            }
            var previous = seen.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
            if (previous != null) {
                throw Check.invalid(argument, "must not hold keys that differ only in case, but "
                        + Check.show(previous) + " and " + Check.show(key) + " do", values);
            }
            result.put(key, valueRule.check(element, entry.getValue()));
        }
        return Collections.unmodifiableMap(result);
    }

    @SuppressWarnings("unchecked")
    static @Nullable Object lintWaivers(String argument, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        var waivers = checkedMap(argument, (Map<String, String>) value, KeySettings::lintWaiverKey,
                KeySettings::waiverReason);
        for (var key : waivers.keySet()) {
            if (!ruleOf(key).waivable()) {
                throw Check.invalid(argument + " key", "must name a rule that can be waived ("
                        + Arrays.stream(LintRule.values())
                        .filter(LintRule::waivable)
                        .map(LintRule::id)
                        .collect(Collectors.joining(", "))
                        + "); the others are invariants", key);
            }
        }
        return waivers;
    }

    private static String waiverReason(String argument, String reason) {
        if (reason.isBlank()) {
            throw Check.invalid(argument, "must give the reason for the waiver", reason);
        }
        return reason;
    }

    @SuppressWarnings("unchecked")
    static @Nullable Object tags(String argument, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        var tags = checkedMap(argument, (Map<String, String>) value, Rules::tagKey, Rules::tagValue);
        for (var key : tags.keySet()) {
            for (var defaultKey : DEFAULT_TAGS.keySet()) {
                // IAM refuses tag keys that differ only in case
                // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html#id_tags_rules_creating).
                if (!key.equals(defaultKey) && key.equalsIgnoreCase(defaultKey)) {
                    throw Check.invalid(argument + " key", "must not differ from the default tag '" + defaultKey
                            + "' only in case (IAM refuses tag keys that are equal but for case); spell it '"
                            + defaultKey + "' to replace the default", key);
                }
            }
        }
        return tags;
    }

    /** A lint waiver key: a rule id, or {@code AIK007:<service principal>} for one service. */
    private static String lintWaiverKey(String argument, String key) {
        var rule = LintRule.fromId(idOf(key));
        if (rule.isEmpty()) {
            throw Check.invalid(argument, "must be a policy-lint rule id such as AIK008 (see docs/lint-rules.md)", key);
        }
        var perService = rule.get() == LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE;
        if (perService && scopeOf(key) == null) {
            throw Check.invalid(argument, "must name the service whose confused-deputy conditions it waives, as "
                    + AIK007 + ":<service principal> such as " + AIK007 + ":bedrock.amazonaws.com (the conditions "
                    + "are then left out for that service only)", key);
        }
        if (!perService && scopeOf(key) != null) {
            throw Check.invalid(argument, "may name a service only for " + AIK007, key);
        }
        return key;
    }

    private static final String AIK007 = LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE.id();

    private static String idOf(String key) {
        var colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static @Nullable String scopeOf(String key) {
        var colon = key.indexOf(':');
        return colon < 0 ? null : key.substring(colon + 1);
    }

    private static LintRule ruleOf(String key) {
        return LintRule.fromId(idOf(key)).orElseThrow();
    }

    /**
     * The services named by {@code AIK007:<service>} waivers. Each must be an allowed service that would otherwise
     * get confused-deputy conditions: waiving the rule is the documented escape for a service known not to send
     * {@code aws:SourceAccount} / {@code aws:SourceArn}, and it must change what is rendered, for that service only.
     */
    private static List<String> waivedServices(Set<String> waiverKeys, List<String> allowedServices) {
        var services = new ArrayList<String>();
        for (var key : waiverKeys) {
            var service = scopeOf(key);
            if (service == null || ruleOf(key) != LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE) {
                continue;
            }
            if (!allowedServices.contains(service) || Rules.NO_CONFUSED_DEPUTY_CONDITIONS.contains(service)) {
                throw Check.invalid("lintWaivers key", "must name, after " + AIK007 + ":, a service of "
                        + "allowedServices that would get aws:SourceAccount (EC2 and EKS Pod Identity never do)", key);
            }
            services.add(service);
        }
        return List.copyOf(services);
    }

    /**
     * Assigns each source ARN to the allowed services it belongs to, by the service segment of the ARN: a SageMaker
     * job ARN must not end up in Lambda's condition, where it would lock Lambda out.
     */
    private static Map<String, List<String>> sourceArnsByService(List<String> sourceArns, List<String> services,
                                                                 List<String> waived) {
        if (sourceArns.isEmpty()) {
            return Map.of();
        }
        var conditioned = services.stream()
                .filter(p -> !Rules.NO_CONFUSED_DEPUTY_CONDITIONS.contains(p) && !waived.contains(p)).toList();
        if (conditioned.isEmpty()) {
            throw Check.conflict("sourceArns is set but no allowed service gets an aws:SourceArn condition (EC2 and "
                    + "EKS Pod Identity do not send it; a service waived with " + AIK007 + ":<service> gets none)",
                    "allowedServices=" + Check.show(services));
        }
        var result = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < sourceArns.size(); i++) {
            var arn = sourceArns.get(i);
            var service = Rules.serviceOfSourceArn(arn);
            var owners = conditioned.stream().filter(p -> Rules.arnServicesOf(p).contains(service)).toList();
            if (owners.isEmpty()) {
                throw Check.invalid("sourceArns[" + i + "]", "must belong, by its service segment, to an allowed "
                        + "service that gets aws:SourceArn (" + Check.show(conditioned) + "), but '" + service
                        + "' is none of them", arn);
            }
            owners.forEach(p -> result.computeIfAbsent(p, k -> new ArrayList<>()).add(arn));
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(result);
    }

    /**
     * The checks that need the stack's partition, account and DNS suffix, run before any child is created: the
     * partition is one the component renders; principals, the permissions boundary, the OIDC provider and source ARNs
     * belong to that partition (IAM trusts principals of one partition only); the OIDC provider and source ARNs
     * belong to the stack's account; principals of another account present an ExternalId unless that is waived; key
     * users and service users belong to the stack's partition (and their resources to its Region and account).
     */
    public KeySettings checkAgainstEnvironment(Policies.Environment env) {
        var partition = env.partition();
        if (!Rules.SUPPORTED_PARTITIONS.contains(partition)) {
            throw Check.conflict("the stack deploys into partition " + partition + ", which the component does not "
                    + "render: it supports " + String.join(", ", Rules.SUPPORTED_PARTITIONS) + ", whose service "
                    + "principals and endpoint names AWS documents publicly", "partition=" + partition);
        }
        for (int i = 0; i < allowedServices.size(); i++) {
            Rules.servicePrincipalInPartition("allowedServices[" + i + "]", allowedServices.get(i), partition);
        }
        for (int i = 0; i < viaServices.size(); i++) {
            var via = viaServices.get(i);
            if (via.contains(".") && !via.endsWith("." + env.dnsSuffix())) {
                throw Check.invalid("viaServices[" + i + "]", "must end in the partition's DNS suffix ."
                        + env.dnsSuffix() + " (partition " + partition + ")", via);
            }
        }
        // Trust and key policies name principals of their own partition only: each partition has its own IAM, and
        // roles delegate access across accounts only within one partition
        // (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html,
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_cross-account-with-roles.html).
        requireSamePartition("keyAdministratorArns", keyAdministratorArns, partition);
        requireSamePartition("allowedRoleArns", allowedRoleArns, partition);
        if (rolePermissionsBoundary != null) {
            requireSamePartition("rolePermissionsBoundary", rolePermissionsBoundary, partition);
        }
        if (webIdentityProviderArn != null) {
            requireSamePartition("webIdentityProviderArn", webIdentityProviderArn, partition);
            // An IAM OIDC provider is a resource of one account, and STS looks the token's issuer up in the role's
            // account ("InvalidIdentityToken: No OpenIDConnect provider found in your account", see
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html and
            // https://github.com/aws-actions/configure-aws-credentials/issues/280).
            var account = Rules.accountOf(webIdentityProviderArn);
            if (!account.equals(env.accountId())) {
                throw Check.invalid("webIdentityProviderArn", "must be an OIDC provider of the stack's account "
                        + env.accountId() + " (the role's account), not of account " + Check.name(account), webIdentityProviderArn);
            }
        }
        for (int i = 0; i < sourceArns.size(); i++) {
            var arn = sourceArns.get(i);
            var arnPartition = Rules.partitionOfSourceArn(arn);
            if (!arnPartition.contains("*") && !arnPartition.equals(partition)) {
                requireSamePartition("sourceArns[" + i + "]", arn, partition);
            }
            var account = Rules.accountOfSourceArn(arn);
            // aws:SourceAccount pins the stack's account anyway; an ARN of another account would match nothing.
            if (!account.isEmpty() && !account.equals("*") && !account.equals(env.accountId())) {
                throw Check.invalid("sourceArns[" + i + "]", "must be in the stack's account " + env.accountId()
                        + " (the services assume the role only for resources of that account, aws:SourceAccount), "
                        + "not in account " + Check.name(account), arn);
            }
        }
        checkCrossAccount(env.accountId());
        KeyUsers.checkAgainstEnvironment(this, env);
        return this;
    }

    private static void requireSamePartition(String argument, List<String> arns, String partition) {
        for (int i = 0; i < arns.size(); i++) {
            requireSamePartition(argument + "[" + i + "]", arns.get(i), partition);
        }
    }

    private static void requireSamePartition(String argument, String arn, String partition) {
        var arnPartition = Rules.partitionOf(arn);
        if (!arnPartition.equals(partition)) {
            throw Check.invalid(argument, "must be in the stack's partition " + partition + " (IAM does not trust "
                    + "principals or policies of another partition), not in " + Check.name(arnPartition), arn);
        }
    }

    /** Principals of another account must present an ExternalId unless that is explicitly waived. */
    private void checkCrossAccount(String stackAccountId) {
        // crossAccountWithoutExternalId adds the AIK008 waiver, so the waivers say whether it is waived.
        if (externalId != null || lintWaivers.keySet().stream().anyMatch("AIK008"::equalsIgnoreCase)) {
            return;
        }
        for (int i = 0; i < allowedAccountIds.size(); i++) {
            requireSameAccount("allowedAccountIds[" + i + "]", allowedAccountIds.get(i), stackAccountId);
        }
        for (int i = 0; i < allowedRoleArns.size(); i++) {
            requireSameAccount("allowedRoleArns[" + i + "]", Rules.accountOf(allowedRoleArns.get(i)), stackAccountId);
        }
    }

    private static void requireSameAccount(String argument, String account, String stackAccountId) {
        if (!account.equals(stackAccountId)) {
            throw Check.conflict(argument + " is in account " + Check.name(account) + ", not the stack's account "
                    + stackAccountId + ", so it must present an sts:ExternalId: set externalId, or set "
                    + "crossAccountWithoutExternalId to true for an account you control",
                    "externalId=null");
        }
    }

    /** Whether any argument flowing into one of these values was given as a secret. */
    public boolean isSecret(Derived... derived) {
        for (var field : secretArguments) {
            for (var d : derived) {
                if (field.flowsInto.contains(d)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every value inside the secret arguments: what no message may show (see {@link Check#redacting}). */
    public Set<Object> secretValues() {
        return secretValues;
    }

    /** Runs a check that involves these settings: a value given as a secret never shows in what it throws. */
    public <T> T checking(Supplier<T> check) {
        return Check.redacting(secretValues, check);
    }

    /**
     * Validates what can be validated now. Each argument known now passes its own rule now, whatever the others:
     * a known bad value never waits for an unrelated {@code Output}. The rules that relate arguments run now when
     * every argument is known, else once they all resolve (see {@link #resolve}), with the same messages.
     *
     * @return the settings, when every argument is known now
     */
    static Optional<KeySettings> checkKnown(String componentName, EncryptedAiDataKeyArgs args) {
        Check.required("args", args);
        var given = givenNow(args);
        if (given.values().stream().allMatch(Given::known)) {
            return Optional.of(settings(componentName, given));
        }
        Check.redacting(secretValues(given.values()), () -> {
            for (var field : Argument.values()) {
                var g = given.get(field);
                if (g.known()) {
                    field.check(g.value());
                }
            }
            return null;
        });
        return Optional.empty();
    }

    /**
     * Everything checked before anything is registered, by {@link EncryptedAiDataKeyArgs.Builder#build()} and again by
     * the component (the runtime fills arguments from other languages without {@code build()}): every argument known
     * now against its own rule, the migration names, the lifecycle arguments, and, when every argument is known, the
     * rules that relate them.
     *
     * @return the lifecycle arguments, checked
     */
    static Lifecycle checkBuilt(String componentName, EncryptedAiDataKeyArgs args) {
        var settings = checkKnown(componentName, args);
        args.migrateFrom().ifPresent(LegacyResources::check);
        var lifecycle = Lifecycle.of(args);
        settings.ifPresent(s -> s.checking(() -> {
            lifecycle.crossCheck(s.aliasName, s.multiRegion, s.roleName, EncryptedAiDataKey.wantsInstanceProfile(args));
            return null;
        }));
        return lifecycle;
    }

    /** The settings from arguments given now or resolved; a failed check never shows a value given as a secret. */
    private static KeySettings settings(String componentName, Map<Argument, Given> given) {
        return Check.redacting(secretValues(given.values()), () -> new KeySettings(componentName, checked(given)));
    }

    /**
     * Validates and applies defaults. Known arguments are checked now, so a bad value throws before any resource
     * is registered; arguments known only during a deployment are checked when they resolve.
     *
     * <p>The result is never secret itself: the settings record which arguments were secrets, and each value derived
     * from them is made secret where it is used ({@link #isSecret}), so that a secret external id makes the trust
     * policy secret without making the key's description or ARN secret.
     */
    public static Output<KeySettings> resolve(String componentName, EncryptedAiDataKeyArgs args) {
        Check.required("args", args);
        var given = givenNow(args);
        if (given.values().stream().allMatch(Given::known)) {
            return Output.of(settings(componentName, given));
        }
        var values = new ArrayList<Output<Object>>();
        var secrets = new ArrayList<Output<Boolean>>();
        for (var field : Argument.values()) {
            var output = output(args, field);
            values.add(SdkInternals.plaintext(output));
            secrets.add(Output.of(SdkInternals.isSecret(output)));
        }
        return Output.tuple(Output.all(values), Output.all(secrets)).applyValue(t -> {
            // Output.all keeps the order of Argument.values().
            var resolved = new EnumMap<Argument, Given>(Argument.class);
            int i = 0;
            for (var field : Argument.values()) {
                resolved.put(field, new Given(true, t.t1.get(i), Boolean.TRUE.equals(t.t2.get(i))));
                i++;
            }
            return settings(componentName, resolved);
        });
    }

    /** Each argument through its own rule; which ones were secrets. */
    private static CheckedArguments checked(Map<Argument, Given> given) {
        var values = new EnumMap<Argument, Object>(Argument.class);
        var secret = EnumSet.noneOf(Argument.class);
        for (var field : Argument.values()) {
            var g = given.get(field);
            values.put(field, field.check(g.value()));
            if (g.secret()) {
                secret.add(field);
            }
        }
        return CheckedArguments.of(Collections.unmodifiableMap(values), Collections.unmodifiableSet(secret),
                Collections.unmodifiableSet(secretValues(given.values())));
    }

    /** Every value inside the secret arguments: what an error message must never show. */
    private static Set<Object> secretValues(Collection<Given> given) {
        var values = new HashSet<Object>();
        for (var g : given) {
            if (g.secret()) {
                addLeaves(g.value(), values);
            }
        }
        return values;
    }

    private static void addLeaves(@Nullable Object value, Set<Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                addLeaves(k, into);
                addLeaves(v, into);
            });
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> addLeaves(v, into));
        } else if (value != null) {
            into.add(value);
        }
    }

    /** The value of an output if it is already known (given as a plain value or a resolved output). */
    public static <T> Optional<T> valueNow(Output<T> output) {
        return SdkInternals.knownNow(output).map(SdkInternals.Known::value);
    }

    /** Every argument as given now. */
    private static Map<Argument, Given> givenNow(EncryptedAiDataKeyArgs args) {
        var given = new EnumMap<Argument, Given>(Argument.class);
        for (var field : Argument.values()) {
            given.put(field, givenNow(args, field));
        }
        return given;
    }

    private static Given givenNow(EncryptedAiDataKeyArgs args, Argument field) {
        return SdkInternals.knownNow(output(args, field)).map(known -> new Given(true, known.value(), known.secret()))
                .orElse(Given.UNKNOWN);
    }

    /**
     * Parses one action name into the closed set, saying precisely why a name is refused.
     */
    static KeyAction keyAction(String argument, String value, String usesOnly) {
        if (value.contains("*") || value.contains("?")) {
            throw Check.invalid(argument, "must be an explicit action, not a wildcard", value);
        }
        var lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("kms:")) {
            throw Check.invalid(argument, "must be a KMS action (kms:<Action>)", value);
        }
        var action = KeyAction.fromActionName(value);
        // A management action that is also a KeyAction (kms:CreateGrant, always rendered with
        // kms:GrantIsForAWSResource, see KeyUsers) is granted; the others never are.
        if (Rules.MANAGEMENT_ACTIONS.contains(lower) && action.isEmpty()) {
            throw Check.invalid(argument, "must not be a key-management or account-level action; " + usesOnly, value);
        }
        if (Rules.NON_SYMMETRIC_ACTIONS.contains(lower)) {
            throw Check.invalid(argument, "must be valid for a symmetric ENCRYPT_DECRYPT key", value);
        }
        return action.orElseThrow(() -> Check.invalid(argument,
                "must be one of " + Arrays.stream(KeyAction.values()).map(KeyAction::actionName)
                        .collect(Collectors.joining(", ")), value));
    }

    @SuppressWarnings("unchecked")
    private static Output<Object> output(EncryptedAiDataKeyArgs args, Argument field) {
        return field.getter.apply(args).map(o -> (Output<Object>) o).orElseGet(() -> Output.ofNullable(null));
    }
}
