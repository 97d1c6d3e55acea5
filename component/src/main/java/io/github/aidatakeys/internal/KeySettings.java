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
        webIdentitySubjects = list(raw, Field.WEB_IDENTITY_SUBJECTS, "webIdentitySubjects", Rules::webIdentitySubject);
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

        sourceArns = list(raw, Field.SOURCE_ARNS, "sourceArns", Rules::sourceArn);
        if (!sourceArns.isEmpty() && allowedServices.stream().allMatch(Rules.NO_CONFUSED_DEPUTY_CONDITIONS::contains)) {
            throw Check.conflict("sourceArns is set but no allowed service supports aws:SourceArn (EC2 and EKS Pod "
                    + "Identity do not)", "allowedServices=" + Check.show(allowedServices));
        }
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
                if (encryptionContextKeys.stream().noneMatch(key::equalsIgnoreCase)) {
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
        merged.putAll(map(raw, Field.TAGS, "tags", Rules::tagKey, Rules::tagValue));
        var givenWaivers = map(raw, Field.LINT_WAIVERS, "lintWaivers", KeySettings::lintRuleId, (a, v) -> {
            if (v.isBlank()) {
                throw Check.invalid(a, "must give the reason for the waiver", v);
            }
            return v;
        });
        var allWaivers = new java.util.LinkedHashMap<String, String>(givenWaivers);
        if (crossAccountWithoutExternalId && givenWaivers.keySet().stream().noneMatch("AIK008"::equalsIgnoreCase)) {
            allWaivers.put("AIK008", "crossAccountWithoutExternalId is true");
        }
        lintWaivers = java.util.Collections.unmodifiableMap(allWaivers);
        waivers = lintWaivers.entrySet().stream().map(e -> {
            var rule = io.github.aidatakeys.lint.LintRule.fromId(e.getKey()).orElseThrow();
            if (!rule.waivable()) {
                throw Check.invalid("lintWaivers key", "must name a rule that can be waived ("
                        + java.util.Arrays.stream(io.github.aidatakeys.lint.LintRule.values())
                        .filter(io.github.aidatakeys.lint.LintRule::waivable)
                        .map(io.github.aidatakeys.lint.LintRule::id)
                        .collect(java.util.stream.Collectors.joining(", "))
                        + "); the others are invariants", e.getKey());
            }
            return new io.github.aidatakeys.lint.Waiver(rule, e.getValue());
        }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        crossAccountWaived = crossAccountWithoutExternalId
                || lintWaivers.keySet().stream().anyMatch("AIK008"::equalsIgnoreCase);
        if (!lintWaivers.isEmpty()) {
            merged.put("LintWaivers", String.join(" ", new java.util.TreeSet<>(lintWaivers.keySet())));
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

    private static String lintRuleId(String argument, String id) {
        if (io.github.aidatakeys.lint.LintRule.fromId(id).isEmpty()) {
            throw Check.invalid(argument, "must be a policy-lint rule id such as AIK008 (see docs/lint-rules.md)", id);
        }
        return id;
    }

    /**
     * The checks that need the stack's account: principals of another account must present an ExternalId unless
     * that is explicitly waived.
     */
    public KeySettings checkAgainstAccount(String stackAccountId) {
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
