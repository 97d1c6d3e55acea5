package io.github.aidatakeys.internal;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.KeyAccess;
import io.github.aidatakeys.KeyAction;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The component's arguments after defaults and validation: plain, immutable values that are known to be valid.
 */
public final class KeySettings {
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
    public final List<io.github.aidatakeys.lint.Waiver> waivers;
    /** Cross-account principals without an ExternalId: waived by the argument or by a lint waiver of AIK008. */
    private final boolean crossAccountWaived;

    public static final Map<String, String> DEFAULT_TAGS =
            Map.of("DataClassification", "confidential", "ManagedBy", "EncryptedAiDataKey");

    /** The arguments as given, before defaults: any of them may be null. */
    private record Raw(List<Object> values) {
        @SuppressWarnings("unchecked")
        <T> T get(Field field) {
            return (T) values.get(field.ordinal());
        }
    }

    private enum Field {
        ALIAS_NAME(EncryptedAiDataKeyArgs::aliasName),
        DESCRIPTION(EncryptedAiDataKeyArgs::description),
        ENABLE_KEY_ROTATION(EncryptedAiDataKeyArgs::enableKeyRotation),
        ROTATION_PERIOD_IN_DAYS(EncryptedAiDataKeyArgs::rotationPeriodInDays),
        DELETION_WINDOW_IN_DAYS(EncryptedAiDataKeyArgs::deletionWindowInDays),
        KEY_ADMINISTRATOR_ARNS(EncryptedAiDataKeyArgs::keyAdministratorArns),
        ALLOWED_SERVICES(EncryptedAiDataKeyArgs::allowedServices),
        ALLOWED_ACCOUNT_IDS(EncryptedAiDataKeyArgs::allowedAccountIds),
        ALLOWED_ROLE_ARNS(EncryptedAiDataKeyArgs::allowedRoleArns),
        KEY_ACTIONS(EncryptedAiDataKeyArgs::keyActions),
        ROLE_NAME(EncryptedAiDataKeyArgs::roleName),
        ROLE_PATH(EncryptedAiDataKeyArgs::rolePath),
        ROLE_PERMISSIONS_BOUNDARY(EncryptedAiDataKeyArgs::rolePermissionsBoundary),
        ROLE_MAX_SESSION_DURATION(EncryptedAiDataKeyArgs::roleMaxSessionDuration),
        ENCRYPTION_CONTEXT(EncryptedAiDataKeyArgs::encryptionContext),
        ENCRYPTION_CONTEXT_KEYS(EncryptedAiDataKeyArgs::encryptionContextKeys),
        VIA_SERVICES(EncryptedAiDataKeyArgs::viaServices),
        SOURCE_ARNS(EncryptedAiDataKeyArgs::sourceArns),
        EXTERNAL_ID(EncryptedAiDataKeyArgs::externalId),
        CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID(EncryptedAiDataKeyArgs::crossAccountWithoutExternalId),
        WEB_IDENTITY_PROVIDER_ARN(EncryptedAiDataKeyArgs::webIdentityProviderArn),
        WEB_IDENTITY_SUBJECTS(EncryptedAiDataKeyArgs::webIdentitySubjects),
        WEB_IDENTITY_AUDIENCE(EncryptedAiDataKeyArgs::webIdentityAudience),
        MULTI_REGION(EncryptedAiDataKeyArgs::multiRegion),
        TAGS(EncryptedAiDataKeyArgs::tags),
        LINT_WAIVERS(EncryptedAiDataKeyArgs::lintWaivers);

        final Function<EncryptedAiDataKeyArgs, Optional<? extends Output<?>>> getter;

        Field(Function<EncryptedAiDataKeyArgs, Optional<? extends Output<?>>> getter) {
            this.getter = getter;
        }
    }

    private KeySettings(String componentName, Raw raw) {
        aliasName = Rules.aliasName("aliasName", raw.get(Field.ALIAS_NAME));
        String givenDescription = raw.get(Field.DESCRIPTION);
        description = givenDescription == null
                ? "Encrypts AI-generated data (managed by EncryptedAiDataKey " + componentName + ")"
                : Rules.description("description", givenDescription);

        Boolean rotation = raw.get(Field.ENABLE_KEY_ROTATION);
        Integer period = raw.get(Field.ROTATION_PERIOD_IN_DAYS);
        enableKeyRotation = rotation == null || rotation;
        if (period != null) {
            Check.between("rotationPeriodInDays", period, Rules.ROTATION_MIN_DAYS, Rules.ROTATION_MAX_DAYS, "days");
            if (!enableKeyRotation) {
                throw Check.conflict("rotationPeriodInDays is set while enableKeyRotation is false; "
                        + "turn rotation on or leave the period unset",
                        "rotationPeriodInDays=" + period + ", enableKeyRotation=false");
            }
        }
        rotationPeriodInDays = enableKeyRotation ? (period == null ? Rules.ROTATION_DEFAULT_DAYS : period) : null;

        Integer window = raw.get(Field.DELETION_WINDOW_IN_DAYS);
        deletionWindowInDays = window == null ? Rules.DELETION_DEFAULT_DAYS
                : Check.between("deletionWindowInDays", window, Rules.DELETION_MIN_DAYS, Rules.DELETION_MAX_DAYS,
                        "days");

        keyAdministratorArns = list(raw, Field.KEY_ADMINISTRATOR_ARNS, "keyAdministratorArns", Rules::adminArn);
        allowedServices = list(raw, Field.ALLOWED_SERVICES, "allowedServices", Rules::servicePrincipal);
        allowedAccountIds = list(raw, Field.ALLOWED_ACCOUNT_IDS, "allowedAccountIds", Rules::accountId);
        allowedRoleArns = list(raw, Field.ALLOWED_ROLE_ARNS, "allowedRoleArns", Rules::roleArn);
        String provider = raw.get(Field.WEB_IDENTITY_PROVIDER_ARN);
        webIdentityProviderArn = provider == null ? null : Rules.oidcProviderArn("webIdentityProviderArn", provider);
        var issuer = webIdentityProviderArn == null ? null : Rules.oidcIssuer(webIdentityProviderArn);
        webIdentitySubjects = list(raw, Field.WEB_IDENTITY_SUBJECTS, "webIdentitySubjects",
                (argument, value) -> Rules.webIdentitySubject(argument, issuer, value));
        String audience = raw.get(Field.WEB_IDENTITY_AUDIENCE);
        webIdentityAudience = audience == null ? "sts.amazonaws.com"
                : Rules.contextValue("webIdentityAudience", audience);
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

        var givenWaivers = map(raw, Field.LINT_WAIVERS, "lintWaivers", KeySettings::lintWaiverKey, (a, v) -> {
            if (v.isBlank()) {
                throw Check.invalid(a, "must give the reason for the waiver", v);
            }
            return v;
        });
        servicesWithoutSourceConditions = waivedServices(givenWaivers.keySet(), allowedServices);
        sourceArns = list(raw, Field.SOURCE_ARNS, "sourceArns", Rules::sourceArn);
        sourceArnsByService = sourceArnsByService(sourceArns, allowedServices, servicesWithoutSourceConditions);
        String external = raw.get(Field.EXTERNAL_ID);
        externalId = external == null ? null : Rules.externalId("externalId", external);
        Boolean waived = raw.get(Field.CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID);
        crossAccountWithoutExternalId = waived != null && waived;
        if (externalId != null && crossAccountWithoutExternalId) {
            throw Check.conflict("externalId is set while crossAccountWithoutExternalId is true; keep one",
                    "externalId=" + Check.show(externalId) + ", crossAccountWithoutExternalId=true");
        }
        if (externalId != null && allowedAccountIds.isEmpty() && allowedRoleArns.isEmpty()) {
            throw Check.conflict("externalId is set but neither allowedAccountIds nor allowedRoleArns names a "
                    + "principal that would present it", "externalId=" + Check.show(externalId));
        }

        encryptionContext = map(raw, Field.ENCRYPTION_CONTEXT, "encryptionContext", Rules::contextKey,
                Rules::contextValue);
        encryptionContextKeys = list(raw, Field.ENCRYPTION_CONTEXT_KEYS, "encryptionContextKeys", Rules::contextKey);
        if (!encryptionContextKeys.isEmpty()) {
            for (var key : encryptionContext.keySet()) {
                // Exact: kms:EncryptionContextKeys is compared with StringEquals, case-sensitively
                // (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html).
                if (!encryptionContextKeys.contains(key)) {
                    throw Check.conflict("encryptionContext requires the key " + Check.show(key)
                            + " that encryptionContextKeys does not allow",
                            "encryptionContextKeys=" + Check.show(encryptionContextKeys));
                }
            }
        }
        viaServices = list(raw, Field.VIA_SERVICES, "viaServices", Rules::viaService);
        Boolean multi = raw.get(Field.MULTI_REGION);
        multiRegion = multi != null && multi;

        var merged = new java.util.TreeMap<String, String>(DEFAULT_TAGS);
        var userTags = map(raw, Field.TAGS, "tags", Rules::tagKey, Rules::tagValue);
        for (var key : userTags.keySet()) {
            for (var defaultKey : DEFAULT_TAGS.keySet()) {
                // IAM refuses tag keys that differ only in case
                // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html#id_tags_rules_creating).
                if (!key.equals(defaultKey) && key.equalsIgnoreCase(defaultKey)) {
                    throw Check.invalid("tags key", "must not differ from the default tag '" + defaultKey
                            + "' only in case (IAM refuses tag keys that are equal but for case); spell it '"
                            + defaultKey + "' to replace the default", key);
                }
            }
        }
        merged.putAll(userTags);
        var allWaivers = new java.util.LinkedHashMap<String, String>(givenWaivers);
        if (crossAccountWithoutExternalId && givenWaivers.keySet().stream().noneMatch("AIK008"::equalsIgnoreCase)) {
            allWaivers.put("AIK008", "crossAccountWithoutExternalId is true");
        }
        lintWaivers = java.util.Collections.unmodifiableMap(allWaivers);
        // One lint waiver per rule: the reasons of AIK007's per-service waivers are joined, each naming its service.
        var reasons = new java.util.LinkedHashMap<io.github.aidatakeys.lint.LintRule, List<String>>();
        lintWaivers.forEach((key, reason) -> {
            var rule = ruleOf(key);
            if (!rule.waivable()) {
                throw Check.invalid("lintWaivers key", "must name a rule that can be waived ("
                        + java.util.Arrays.stream(io.github.aidatakeys.lint.LintRule.values())
                        .filter(io.github.aidatakeys.lint.LintRule::waivable)
                        .map(io.github.aidatakeys.lint.LintRule::id)
                        .collect(java.util.stream.Collectors.joining(", "))
                        + "); the others are invariants", key);
            }
            var scope = scopeOf(key);
            reasons.computeIfAbsent(rule, r -> new ArrayList<>()).add(scope == null ? reason : scope + ": " + reason);
        });
        waivers = reasons.entrySet().stream()
                .map(e -> new io.github.aidatakeys.lint.Waiver(e.getKey(), String.join("; ", e.getValue())))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        crossAccountWaived = crossAccountWithoutExternalId
                || lintWaivers.keySet().stream().anyMatch("AIK008"::equalsIgnoreCase);
        if (!lintWaivers.isEmpty()) {
            var tag = String.join(" ", new java.util.TreeSet<>(lintWaivers.keySet()));
            if (tag.length() > Rules.TAG_VALUE_MAX_LENGTH) {
                throw Check.invalid("lintWaivers", "must fit the " + Rules.LINT_WAIVERS_TAG + " tag: its keys, "
                        + "joined with spaces, must be at most " + Rules.TAG_VALUE_MAX_LENGTH + " characters", tag);
            }
            merged.put(Rules.LINT_WAIVERS_TAG, tag);
        }
        if (merged.size() > Rules.MAX_TAGS) {
            throw Check.invalid("tags", "must hold at most " + Rules.MAX_TAGS + " tags including the "
                    + DEFAULT_TAGS.size() + " defaults" + (lintWaivers.isEmpty() ? "" : " and the LintWaivers tag"),
                    Check.described(merged.size() + " tags"));
        }
        tags = java.util.Collections.unmodifiableMap(merged);

        List<String> actions = raw.get(Field.KEY_ACTIONS);
        if (actions == null) {
            keyActions = List.copyOf(KeyAccess.ENCRYPT_DECRYPT.actions());
        } else {
            if (actions.isEmpty()) {
                throw Check.invalid("keyActions", "must name at least one action", actions);
            }
            var parsed = EnumSet.copyOf(Rules.eachOf("keyActions", actions, Rules::keyAction));
            keyActions = List.copyOf(parsed);
        }

        String name = raw.get(Field.ROLE_NAME);
        roleName = name == null ? null : Rules.roleName("roleName", name);
        String path = raw.get(Field.ROLE_PATH);
        rolePath = path == null ? "/" : Rules.rolePath("rolePath", path);
        String boundary = raw.get(Field.ROLE_PERMISSIONS_BOUNDARY);
        rolePermissionsBoundary = boundary == null ? null : Rules.policyArn("rolePermissionsBoundary", boundary);
        Integer session = raw.get(Field.ROLE_MAX_SESSION_DURATION);
        roleMaxSessionDuration = session == null ? Rules.SESSION_DEFAULT_SECONDS
                : Check.between("roleMaxSessionDuration", session, Rules.SESSION_MIN_SECONDS,
                        Rules.SESSION_MAX_SECONDS, "seconds");
    }

    private static <T> List<T> list(Raw raw, Field field, String argument, Rules.Rule<T> rule) {
        List<String> values = raw.get(field);
        return values == null ? List.of() : List.copyOf(Rules.eachOf(argument, values, rule));
    }

    private static Map<String, String> map(Raw raw, Field field, String argument, Rules.Rule<String> keyRule,
                                           Rules.Rule<String> valueRule) {
        Map<String, String> values = raw.get(field);
        if (values == null) {
            return Map.of();
        }
        var result = new java.util.LinkedHashMap<String, String>();
        var seen = new java.util.HashMap<String, String>();
        for (var entry : values.entrySet()) {
            var key = Check.required(argument + " key", entry.getKey());
            var element = argument + "[" + key + "]";
            keyRule.check(argument + " key", key);
            if (entry.getValue() == null) {
                throw Check.invalid(element, "must not be null", null);
            }
            var previous = seen.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT), key);
            if (previous != null) {
                throw Check.invalid(argument, "must not hold keys that differ only in case, but "
                        + Check.show(previous) + " and " + Check.show(key) + " do", Check.described(values.toString()));
            }
            result.put(key, valueRule.check(element, entry.getValue()));
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    /** A lint waiver key: a rule id, or {@code AIK007:<service principal>} for one service. */
    private static String lintWaiverKey(String argument, String key) {
        var rule = io.github.aidatakeys.lint.LintRule.fromId(idOf(key));
        if (rule.isEmpty()) {
            throw Check.invalid(argument, "must be a policy-lint rule id such as AIK008 (see docs/lint-rules.md)", key);
        }
        var perService = rule.get() == io.github.aidatakeys.lint.LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE;
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

    private static final String AIK007 = io.github.aidatakeys.lint.LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE.id();

    private static String idOf(String key) {
        var colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    private static @Nullable String scopeOf(String key) {
        var colon = key.indexOf(':');
        return colon < 0 ? null : key.substring(colon + 1);
    }

    private static io.github.aidatakeys.lint.LintRule ruleOf(String key) {
        return io.github.aidatakeys.lint.LintRule.fromId(idOf(key)).orElseThrow();
    }

    /**
     * The services named by {@code AIK007:<service>} waivers. Each must be an allowed service that would otherwise
     * get confused-deputy conditions: waiving the rule is the documented escape for a service known not to send
     * {@code aws:SourceAccount} / {@code aws:SourceArn}, and it must change what is rendered, for that service only.
     */
    private static List<String> waivedServices(java.util.Set<String> waiverKeys, List<String> allowedServices) {
        var services = new ArrayList<String>();
        for (var key : waiverKeys) {
            var service = scopeOf(key);
            if (service == null || ruleOf(key) != io.github.aidatakeys.lint.LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE) {
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
        var result = new java.util.LinkedHashMap<String, List<String>>();
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
        return java.util.Collections.unmodifiableMap(result);
    }

    /**
     * The checks that need the stack's partition, account and DNS suffix, run before any child is created: the
     * partition is one the component renders; principals, the permissions boundary, the OIDC provider and source ARNs
     * belong to that partition (IAM trusts principals of one partition only); the OIDC provider and source ARNs
     * belong to the stack's account; principals of another account present an ExternalId unless that is waived.
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
                        + env.accountId() + " (the role's account), not of account " + account, webIdentityProviderArn);
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
                        + "not in account " + account, arn);
            }
        }
        return checkCrossAccount(env.accountId());
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
                    + "principals or policies of another partition), not in " + arnPartition, arn);
        }
    }

    /** Principals of another account must present an ExternalId unless that is explicitly waived. */
    private KeySettings checkCrossAccount(String stackAccountId) {
        if (externalId != null || crossAccountWaived) {
            return this;
        }
        for (int i = 0; i < allowedAccountIds.size(); i++) {
            requireSameAccount("allowedAccountIds[" + i + "]", allowedAccountIds.get(i), stackAccountId);
        }
        for (int i = 0; i < allowedRoleArns.size(); i++) {
            requireSameAccount("allowedRoleArns[" + i + "]", Rules.accountOf(allowedRoleArns.get(i)), stackAccountId);
        }
        return this;
    }

    private static void requireSameAccount(String argument, String account, String stackAccountId) {
        if (!account.equals(stackAccountId)) {
            throw Check.conflict(argument + " is in account " + account + ", not the stack's account "
                    + stackAccountId + ", so it must present an sts:ExternalId: set externalId, or set "
                    + "crossAccountWithoutExternalId to true for an account you control",
                    "externalId=null");
        }
    }

    /**
     * Validates the arguments that are known now. When any argument is an {@code Output} not yet known,
     * the whole set is validated once it resolves (see {@link #resolve}).
     */
    public static void checkKnown(EncryptedAiDataKeyArgs args) {
        knownNow(args).ifPresent(raw -> new KeySettings("", raw));
    }

    /**
     * Validates and applies defaults. Known arguments are checked now, so a bad value throws before any resource
     * is registered; arguments known only during a deployment are checked when they resolve.
     */
    public static Output<KeySettings> resolve(String componentName, EncryptedAiDataKeyArgs args) {
        var now = knownNow(args);
        if (now.isPresent()) {
            return Output.of(new KeySettings(componentName, now.get()));
        }
        var outputs = new ArrayList<Output<Object>>();
        for (var field : Field.values()) {
            outputs.add(output(args, field));
        }
        return Output.all(outputs).applyValue(values -> new KeySettings(componentName, new Raw(values)));
    }

    /** The settings, if every argument is known now; validated. */
    public static Optional<KeySettings> knownNow(String componentName, EncryptedAiDataKeyArgs args) {
        return knownNow(args).map(raw -> new KeySettings(componentName, raw));
    }

    /** The value of an output if it is already known (given as a plain value or a resolved output). */
    public static <T> Optional<T> valueNow(Output<T> output) {
        var future = Internal.of(output).getDataAsync();
        if (!future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        var data = future.join();
        return data.isKnown() ? Optional.ofNullable(data.getValueNullable()) : Optional.empty();
    }

    private static Optional<Raw> knownNow(EncryptedAiDataKeyArgs args) {
        Check.required("args", args);
        var values = new ArrayList<>(Arrays.asList(new Object[Field.values().length]));
        for (var field : Field.values()) {
            var future = Internal.of(output(args, field)).getDataAsync();
            if (!future.isDone() || future.isCompletedExceptionally()) {
                return Optional.empty();
            }
            OutputData<Object> data = future.join();
            if (!data.isKnown()) {
                return Optional.empty();
            }
            values.set(field.ordinal(), data.getValueNullable());
        }
        return Optional.of(new Raw(values));
    }

    @SuppressWarnings("unchecked")
    private static Output<Object> output(EncryptedAiDataKeyArgs args, Field field) {
        return field.getter.apply(args).map(o -> (Output<Object>) o).orElseGet(() -> Output.ofNullable(null));
    }
}
