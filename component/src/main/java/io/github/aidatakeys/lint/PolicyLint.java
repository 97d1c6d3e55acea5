package io.github.aidatakeys.lint;

import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.internal.KmsAction;
import io.github.aidatakeys.internal.Limits;
import io.github.aidatakeys.internal.PolicyDocument.Condition;
import io.github.aidatakeys.internal.PolicyDocument.Operator;
import io.github.aidatakeys.internal.PolicyDocument.PrincipalType;
import io.github.aidatakeys.internal.PolicyDocument.SetQualifier;
import io.github.aidatakeys.internal.PolicyDocument.Statement;
import io.github.aidatakeys.internal.PolicyDocument;
import io.github.aidatakeys.internal.Rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Checks the key policy, the data role's trust policy and its inline policy against the {@link LintRule}s,
 * before anything is deployed.
 *
 * <p>The lint reads the documents as AWS will: {@code Action}, {@code Resource} and principal values may be a
 * string or an array, {@code Principal} may be the string {@code "*"}, and condition keys are compared ignoring
 * case. Statements with {@code "Effect": "Deny"} only restrict access, so the rules about what is granted look
 * at {@code Allow} statements only; {@link LintRule#KEY_POLICY_DENY_LOCKS_OUT_ROOT} looks at the {@code Deny}
 * statements that take key management away from the account. A condition counts as binding a statement only when
 * it must match a fixed value: not under {@code ...IfExists} or {@code ForAllValues:} (both also hold when the key
 * is absent), not a negated operator, and not a value such as {@code "*"} that matches anything. A document that
 * does not follow the policy grammar is reported under {@link LintRule#MALFORMED_DOCUMENT} rather than guessed at.
 *
 * <pre>{@code
 * LintReport report = PolicyLint.lint(input);
 * report.warnings().forEach(w -> log.warn(w.toString()));
 * if (report.hasErrors()) {
 *     throw new IllegalStateException(report.summary());
 * }
 * }</pre>
 */
public final class PolicyLint {
    /** The name findings use for the key policy. */
    public static final String KEY_POLICY = "keyPolicy";
    /** The name findings use for the data role's trust policy. */
    public static final String TRUST_POLICY = "trustPolicy";
    /** The name findings use for the data role's inline policy. */
    public static final String ROLE_POLICY = "rolePolicy";
    /** The name findings use for the key's own settings (rotation). */
    public static final String KEY = "key";

    /** The largest key policy KMS accepts, in bytes of UTF-8. */
    public static final int KEY_POLICY_MAX_BYTES = Limits.KEY_POLICY_MAX_BYTES;
    /** The most characters, whitespace excluded, that IAM accepts in all of a role's inline policies together. */
    public static final int ROLE_POLICY_MAX_CHARACTERS = 10_240;
    /** The default IAM quota for a role's trust policy, in characters with whitespace excluded. */
    public static final int TRUST_POLICY_MAX_CHARACTERS = 2_048;

    /**
     * Service principals {@link LintRule#TRUST_POLICY_SERVICE_WITHOUT_SOURCE} does not flag, because AWS's own
     * trust policy for them uses neither {@code aws:SourceAccount} nor {@code aws:SourceArn}: EC2 in every
     * partition (instance profiles; the service does not put those keys in the request, so a condition on them
     * would stop it from assuming the role) and EKS Pod Identity (scoped instead by the {@code aws:RequestTag/...}
     * session tags it sets).
     */
    public static final Set<String> SERVICES_WITHOUT_SOURCE_CONTEXT =
            Rules.NO_CONFUSED_DEPUTY_CONDITIONS;

    /** Key-management and account-level KMS actions: never for the data role. The argument check uses the same list. */
    private static final Set<String> MANAGEMENT_ACTIONS = Rules.MANAGEMENT_ACTIONS;
    private static final String CREATE_GRANT = KmsAction.CREATE_GRANT.actionName();
    private static final String PUT_KEY_POLICY = KmsAction.PUT_KEY_POLICY.actionName();
    private static final String GRANT_FOR_AWS_RESOURCE = "kms:GrantIsForAWSResource";
    private static final String ENCRYPTION_CONTEXT_PREFIX = "kms:encryptioncontext:";
    private static final String ENCRYPTION_CONTEXT_KEYS = "kms:EncryptionContextKeys";
    private static final Pattern PRINCIPAL_ACCOUNT = Pattern.compile("arn:[a-z-]+:(?:iam|sts)::(\\d{12}):.+");
    /**
     * The keys that, matched against a fixed value, bind a {@code "*"} principal in a key policy to an account or
     * an organization, as AWS's key policy examples for sharing a key do (kms:CallerAccount with kms:ViaService,
     * aws:PrincipalOrgID for an organization). aws:SourceAccount and aws:SourceOrgID do so for service principals.
     * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
     */
    static final List<String> ACCOUNT_KEYS = List.of("aws:PrincipalAccount", "aws:PrincipalOrgID",
            "kms:CallerAccount", "aws:SourceAccount", "aws:SourceOrgID");

    private final LintInput input;
    private final Map<LintRule, Waiver> waivers = new EnumMap<>(LintRule.class);
    private final List<Finding> findings = new ArrayList<>();

    private PolicyLint(LintInput input) {
        this.input = input;
        input.waivers().forEach(w -> waivers.put(w.rule(), w));
    }

    /**
     * Runs every rule on the input.
     *
     * @param input the documents and the stack's context
     * @return every finding; waived rules' findings are marked {@linkplain Finding#waived() waived}
     * @throws IllegalArgumentException when {@code input} is {@code null}
     */
    public static LintReport lint(LintInput input) {
        Check.required("input", input);
        var lint = new PolicyLint(input);
        lint.keyPolicy();
        lint.trustPolicy();
        lint.rolePolicy();
        lint.keySettings();
        return new LintReport(lint.findings);
    }

    private void keyPolicy() {
        var json = input.keyPolicyJson();
        var bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > KEY_POLICY_MAX_BYTES) {
            add(LintRule.KEY_POLICY_TOO_LARGE, KEY_POLICY, null, "Key policy must be at most " + KEY_POLICY_MAX_BYTES
                    + " bytes (UTF-8); received: " + bytes + " bytes");
        }
        var document = parse(KEY_POLICY, json);
        if (document == null) {
            return;
        }
        var root = root();
        var hasRoot = false;
        var statements = document.statements();
        for (var s : statements) {
            var label = s.label();
            var rootDelegation = isRootDelegation(s, root);
            hasRoot |= rootDelegation;
            if (s.allow() && s.anyPrincipal() && !boundToAccount(s)) {
                add(LintRule.KEY_POLICY_WILDCARD_PRINCIPAL, KEY_POLICY, label,
                        "Principal must not be \"*\" unless a condition pins the caller's account or organization"
                                + " to a fixed value (" + String.join(", ", ACCOUNT_KEYS) + "): any AWS account"
                                + " could use the key; received: " + s.principalJson() + withConditions(s));
            }
            if (!s.allow() && locksOutRoot(s, root)) {
                add(LintRule.KEY_POLICY_DENY_LOCKS_OUT_ROOT, KEY_POLICY, label,
                        "Deny must not apply " + PUT_KEY_POLICY + " to the account root " + root
                                + " without a Condition: an explicit Deny overrides the root delegation, so nobody"
                                + " in the account could change the key policy again; received: "
                                + (s.notPrincipal() == null ? "Principal " + s.principalJson()
                                : "NotPrincipal " + s.notPrincipal().toJson())
                                + ", " + (s.notActions().isEmpty() ? "Action " + shown(s.actions())
                                : "NotAction " + shown(s.notActions())));
            }
            encryptionContext(KEY_POLICY, s, label);
            if (s.allow() && !rootDelegation) {
                keyPolicyServices(s, label);
                keyPolicyManagement(s, label);
            }
        }
        if (!hasRoot) {
            add(LintRule.KEY_POLICY_MISSING_ROOT_DELEGATION, KEY_POLICY, null,
                    "Key policy must keep the statement that allows Principal {\"AWS\": \"" + root
                            + "\"} Action \"kms:*\" on Resource \"*\" without a Condition: without it no IAM policy"
                            + " grants anything on the key, and the key can become unmanageable; received: no such"
                            + " statement among " + statements.size());
        }
    }

    /**
     * A service principal in the key policy must be pinned to this account's resources: AWS services use keys on
     * behalf of any account that asks them to (the confused deputy), so the statement must name the resources.
     */
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html (aws:SourceArn, aws:SourceAccount in
    // resource-based policies); https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    // (kms:EncryptionContext:aws:logs:arn pins CloudWatch Logs to one log group).
    private void keyPolicyServices(Statement s, String label) {
        var services = s.principals(PrincipalType.SERVICE);
        if (services.isEmpty()) {
            return;
        }
        var resourceValues = new ArrayList<String>();
        var pinnedToResources = false;
        var sourceAccount = false;
        for (var c : s.conditions()) {
            if (!c.operator().requiresMatch()) {
                continue;
            }
            var key = c.key().toLowerCase(Locale.ROOT);
            if (key.equals("aws:sourcearn") || key.startsWith(ENCRYPTION_CONTEXT_PREFIX)) {
                pinnedToResources = true;
                resourceValues.addAll(c.values());
            }
            if ((key.equals("aws:sourceaccount") || key.equals("kms:calleraccount"))
                    && c.values().equals(List.of(input.accountId()))) {
                sourceAccount = true;
            }
        }
        var inAccount = !resourceValues.isEmpty() && resourceValues.stream()
                .allMatch(v -> input.accountId().equals(arnAccount(v)));
        if (!pinnedToResources || !(inAccount || sourceAccount)) {
            add(LintRule.KEY_POLICY_SERVICE_WITHOUT_CONDITION, KEY_POLICY, label,
                    "Service principals must be pinned to this account's resources with an aws:SourceArn or a"
                            + " kms:EncryptionContext:<key> ARN condition of account " + input.accountId()
                            + " (or such a pattern and aws:SourceAccount); received: " + shown(services)
                            + (pinnedToResources ? " bound to " + shown(resourceValues) : " without either"));
        }
    }

    /** Outside the root delegation, a statement that uses the key must not manage it. */
    private void keyPolicyManagement(Statement s, String label) {
        var grantForAwsResource = grantsForAwsResourcesOnly(s);
        var unboundGrant = s.actions().stream()
                .filter(a -> a.equalsIgnoreCase(CREATE_GRANT) && !grantForAwsResource).toList();
        var uses = s.actions().stream().anyMatch(a -> KmsAction.fromActionName(a)
                .map(KmsAction::isCryptographic).orElse(false)
                || a.equalsIgnoreCase(CREATE_GRANT));
        var management = s.actions().stream()
                .filter(a -> MANAGEMENT_ACTIONS.contains(a.toLowerCase(Locale.ROOT)) || hasWildcard(a))
                .filter(a -> !a.equalsIgnoreCase(CREATE_GRANT))
                .toList();
        if (!unboundGrant.isEmpty() || (uses && !management.isEmpty())) {
            var wrong = new ArrayList<>(unboundGrant);
            if (uses) {
                wrong.addAll(management);
            }
            add(LintRule.KEY_POLICY_USER_MANAGES_KEY, KEY_POLICY, label,
                    "Action must not let a principal that uses the key also manage it (name administrators in their "
                            + "own statement), and kms:CreateGrant only with the condition {\"Bool\": {\""
                            + GRANT_FOR_AWS_RESOURCE + "\": \"true\"}}; received: " + shown(wrong));
        }
    }

    /** Whether the statement holds only under {@code {"Bool": {"kms:GrantIsForAWSResource": "true"}}}. */
    private static boolean grantsForAwsResourcesOnly(Statement s) {
        return s.conditions().stream().anyMatch(c -> c.operator().base() == Operator.BOOL
                && c.operator().requiresMatch() && c.isOn(GRANT_FOR_AWS_RESOURCE)
                && c.values().stream().allMatch(v -> v.equalsIgnoreCase("true")));
    }

    private static @Nullable String arnAccount(String value) {
        var parts = value.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[4] : null;
    }

    private String root() {
        return "arn:" + input.partition() + ":iam::" + input.accountId() + ":root";
    }

    private boolean isRootDelegation(Statement s, String root) {
        var principals = s.principals(PrincipalType.AWS);
        return s.allow()
                && (principals.contains(root) || principals.contains(input.accountId()))
                && s.actions().stream().anyMatch(a -> a.equalsIgnoreCase("kms:*"))
                && s.resources().contains("*")
                && s.notActions().isEmpty() && s.notResources().isEmpty() && s.conditions().isEmpty();
    }

    /**
     * Whether a Deny statement takes kms:PutKeyPolicy away from the account root with no condition. An explicit
     * Deny overrides every Allow (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html),
     * so the root delegation no longer lets anyone in the account replace the policy: the lockout that KMS's policy
     * lockout safety check exists to prevent (https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html).
     * A Deny under a condition is not evaluated: the lint cannot tell whom the condition leaves out.
     */
    private boolean locksOutRoot(Statement s, String root) {
        if (!s.conditions().isEmpty()) {
            return false;
        }
        boolean appliesToRoot;
        if (s.notPrincipal() != null) {
            var excluded = s.notPrincipal().values(PrincipalType.AWS);
            appliesToRoot = !s.notPrincipal().admitsAnyone() && !excluded.contains(root)
                    && !excluded.contains(input.accountId());
        } else {
            var named = s.principals(PrincipalType.AWS);
            appliesToRoot = s.anyPrincipal() || named.contains(root) || named.contains(input.accountId());
        }
        var deniesPutKeyPolicy = s.notActions().isEmpty()
                ? s.actions().stream().anyMatch(a -> matches(a, PUT_KEY_POLICY))
                : s.notActions().stream().noneMatch(a -> matches(a, PUT_KEY_POLICY));
        return appliesToRoot && deniesPutKeyPolicy;
    }

    /** Whether a {@code "*"} principal is bound to an account or organization by a fixed value. */
    private static boolean boundToAccount(Statement s) {
        return ACCOUNT_KEYS.stream().anyMatch(key -> requiresFixedValue(s, key));
    }

    private void trustPolicy() {
        var json = input.trustPolicyJson();
        var characters = nonWhitespaceCharacters(json);
        if (characters > TRUST_POLICY_MAX_CHARACTERS) {
            add(LintRule.TRUST_POLICY_TOO_LARGE, TRUST_POLICY, null, "Trust policy must be at most "
                    + TRUST_POLICY_MAX_CHARACTERS + " characters, whitespace excluded (the default IAM quota)"
                    + "; received: " + characters + " characters");
        }
        var document = parse(TRUST_POLICY, json);
        if (document == null) {
            return;
        }
        for (var s : document.statements()) {
            var label = s.label();
            if (s.allow()) {
                if (s.anyPrincipal()) {
                    add(LintRule.TRUST_POLICY_WILDCARD_PRINCIPAL, TRUST_POLICY, label,
                            "Principal must not be \"*\": anyone in any AWS account could assume the role"
                                    + "; received: " + s.principalJson());
                }
                var services = s.principals(PrincipalType.SERVICE).stream()
                        .filter(p -> !SERVICES_WITHOUT_SOURCE_CONTEXT.contains(p.toLowerCase(Locale.ROOT)))
                        .toList();
                if (!services.isEmpty() && !requiresFixedValue(s, "aws:SourceAccount")
                        && !requiresFixedValue(s, "aws:SourceArn")) {
                    add(LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE, TRUST_POLICY, label,
                            "Service principals should be bound to this account with an aws:SourceAccount or"
                                    + " aws:SourceArn condition that must match a fixed value (confused deputy)"
                                    + "; received: " + shown(services) + withConditions(s));
                }
                var foreign = s.principals(PrincipalType.AWS).stream()
                        .filter(p -> {
                            var account = accountOf(p);
                            return account != null && !account.equals(input.accountId());
                        })
                        .toList();
                if (!foreign.isEmpty() && !requiresFixedValue(s, "sts:ExternalId")) {
                    add(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID, TRUST_POLICY, label,
                            "Principals of another account must be bound with an sts:ExternalId condition that"
                                    + " must match a fixed value; received: " + shown(foreign) + withConditions(s));
                }
                webIdentitySubjects(s, label);
            }
            encryptionContext(TRUST_POLICY, s, label);
        }
    }

    /**
     * AIK014: a {@code StringLike} on a federated statement's {@code <issuer>:sub} with a wildcard the issuer's rules
     * do not bound (see {@link io.github.aidatakeys.internal.Rules#hasUnboundedWildcard}).
     */
    private void webIdentitySubjects(Statement s, String label) {
        if (s.principals(PrincipalType.FEDERATED).isEmpty()) {
            return;
        }
        for (var c : s.conditions()) {
            var key = c.key();
            if (c.operator().base() != Operator.STRING_LIKE || !key.toLowerCase(Locale.ROOT).endsWith(":sub")) {
                continue;
            }
            var issuer = key.substring(0, key.length() - ":sub".length());
            var wide = c.values().stream()
                    .filter(v -> Rules.hasUnboundedWildcard(issuer, v)).toList();
            if (!wide.isEmpty()) {
                add(LintRule.TRUST_POLICY_WILDCARD_WEB_IDENTITY_SUBJECT, TRUST_POLICY, label,
                        "Web-identity subjects should name the identities they trust; a wildcard admits every"
                                + " subject it matches; received: " + shown(wide) + " on " + key);
            }
        }
    }

    private void rolePolicy() {
        var json = input.rolePolicyJson();
        var characters = nonWhitespaceCharacters(json);
        if (characters > ROLE_POLICY_MAX_CHARACTERS) {
            add(LintRule.ROLE_POLICY_TOO_LARGE, ROLE_POLICY, null, "Role inline policy must be at most "
                    + ROLE_POLICY_MAX_CHARACTERS + " characters, whitespace excluded; received: " + characters
                    + " characters");
        }
        var document = parse(ROLE_POLICY, json);
        if (document == null) {
            return;
        }
        for (var s : document.statements()) {
            var label = s.label();
            if (s.allow()) {
                roleActions(s, label);
                roleResources(s, label);
            }
            encryptionContext(ROLE_POLICY, s, label);
        }
    }

    private void roleActions(Statement s, String label) {
        var wildcards = s.actions().stream().filter(PolicyLint::hasWildcard).toList();
        if (!wildcards.isEmpty()) {
            add(LintRule.ROLE_POLICY_WILDCARD_ACTION, ROLE_POLICY, label,
                    "Action must list explicit actions, never wildcards; received: " + shown(wildcards));
        }
        if (!s.notActions().isEmpty()) {
            add(LintRule.ROLE_POLICY_WILDCARD_ACTION, ROLE_POLICY, label,
                    "NotAction must not be used in an Allow statement: it grants every action not listed"
                            + "; received: " + shown(s.notActions()));
        }
        var grantForAwsResource = grantsForAwsResourcesOnly(s);
        var management = s.actions().stream()
                .filter(a -> MANAGEMENT_ACTIONS.contains(a.toLowerCase(Locale.ROOT)))
                .filter(a -> !(grantForAwsResource && a.equalsIgnoreCase(CREATE_GRANT)))
                .toList();
        if (!management.isEmpty()) {
            var createGrant = management.stream().anyMatch(a -> a.equalsIgnoreCase(CREATE_GRANT));
            add(LintRule.ROLE_POLICY_KEY_MANAGEMENT_ACTION, ROLE_POLICY, label,
                    "Action must not grant key-management or account-level actions to the data role"
                            + (createGrant ? " (kms:CreateGrant only with the condition {\"Bool\": {\""
                            + GRANT_FOR_AWS_RESOURCE + "\": \"true\"}})" : "")
                            + "; received: " + shown(management));
        }
    }

    private void roleResources(Statement s, String label) {
        var keyArn = input.keyArn();
        var keyArns = new ArrayList<String>();
        if (keyArn != null) {
            keyArns.add(keyArn);
            keyArns.addAll(input.replicaKeyArns());
        }
        var rule = keyArn == null
                ? "Resource must be the key ARN, never a wildcard"
                : keyArns.size() == 1 ? "Resource must be exactly the key ARN \"" + keyArn + "\""
                : "Resource must be exactly the ARNs of the key and its replicas " + shown(keyArns);
        if (!s.notResources().isEmpty()) {
            add(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN, ROLE_POLICY, label,
                    "NotResource must not be used in an Allow statement: it grants every resource not listed"
                            + "; received: " + shown(s.notResources()));
        } else if (s.resources().isEmpty()) {
            add(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN, ROLE_POLICY, label, rule + "; received: no Resource");
        } else {
            var wrong = s.resources().stream()
                    .filter(r -> keyArn == null ? hasWildcard(r) : !keyArns.contains(r))
                    .toList();
            if (!wrong.isEmpty()) {
                add(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN, ROLE_POLICY, label,
                        rule + "; received: " + shown(wrong));
            }
        }
    }

    private void encryptionContext(String document, Statement s, String label) {
        for (var c : s.conditions()) {
            if (c.operator().qualifier() == SetQualifier.FOR_ALL_VALUES
                    && c.key().toLowerCase(Locale.ROOT).startsWith(ENCRYPTION_CONTEXT_PREFIX)) {
                add(LintRule.FOR_ALL_VALUES_ON_ENCRYPTION_CONTEXT, document, label,
                        "Condition must not use ForAllValues with kms:EncryptionContext:<key>, which is"
                                + " single-valued (it also matches a request without that context); use"
                                + " StringEquals, and ForAllValues only with kms:EncryptionContextKeys; received: "
                                + c.operator() + " on " + c.key());
            }
        }
        var unguarded = s.conditions().stream()
                .filter(c -> c.operator().qualifier() == SetQualifier.FOR_ALL_VALUES && c.isOn(ENCRYPTION_CONTEXT_KEYS))
                .toList();
        if (s.allow() && !unguarded.isEmpty() && !requiresEncryptionContext(s)) {
            add(LintRule.FOR_ALL_VALUES_WITHOUT_NULL_CHECK, document, label,
                    "Condition ForAllValues on " + ENCRYPTION_CONTEXT_KEYS + " also matches a request with no"
                            + " encryption context at all; add {\"Null\": {\"" + ENCRYPTION_CONTEXT_KEYS
                            + "\": \"false\"}} (or require a kms:EncryptionContext:<key>) to the statement"
                            + "; received: " + unguarded.get(0).operator() + " on " + unguarded.get(0).key()
                            + " without it");
        }
    }

    /**
     * Whether the statement only applies to requests that carry an encryption context: a {@code Null} check that
     * {@code kms:EncryptionContextKeys} is present, or a condition that requires some
     * {@code kms:EncryptionContext:<key>} to match. ForAllValues alone "also returns true if there are no context
     * keys in the request", and AWS's remedy is the Null condition operator with the value false:
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
     */
    private static boolean requiresEncryptionContext(Statement s) {
        return s.conditions().stream().anyMatch(c ->
                (c.operator().base() == Operator.NULL && c.isOn(ENCRYPTION_CONTEXT_KEYS)
                        && c.values().stream().allMatch(v -> v.equalsIgnoreCase("false")))
                || (c.operator().requiresMatch() && c.key().toLowerCase(Locale.ROOT).startsWith(ENCRYPTION_CONTEXT_PREFIX)));
    }

    private void keySettings() {
        if (!input.rotationEnabled()) {
            add(LintRule.ROTATION_DISABLED, KEY, null,
                    "Automatic key rotation should be on; received: rotation disabled");
        }
    }

    private @Nullable PolicyDocument parse(String document, String json) {
        var problems = new ArrayList<PolicyDocument.Problem>();
        var parsed = PolicyDocument.parse(json, problems);
        problems.forEach(p -> add(LintRule.MALFORMED_DOCUMENT, document, p.statement(), p.message()));
        return parsed;
    }

    /**
     * Whether a condition of the statement on {@code key} can only hold for a fixed value: an operator that
     * requires the key to be present and to match ({@link PolicyDocument.ConditionOperator#requiresMatch()}: not
     * {@code Null}, not negated, not {@code ...IfExists}, not {@code ForAllValues:}), and values of which none
     * matches anything: no value made only of wildcards, no wildcard or policy variable in an account, an
     * organization or an external id, and an ARN whose account (or, for ARNs without one, whose resource) is
     * fixed. AWS Config counts a key policy as not public only when it grants access to "fixed values ... that
     * don't contain a wildcard or ... Variables":
     * https://docs.aws.amazon.com/config/latest/developerguide/kms-key-policy-no-public-access.html
     */
    static boolean requiresFixedValue(Statement s, String key) {
        return s.conditions().stream().anyMatch(c -> c.isOn(key) && c.operator().requiresMatch()
                && !c.values().isEmpty() && c.values().stream().allMatch(v -> fixed(c, v)));
    }

    private static boolean fixed(Condition c, String value) {
        if (c.isOn("aws:SourceArn") || c.operator().base() == Operator.ARN_LIKE
                || c.operator().base() == Operator.ARN_EQUALS) {
            // An ARN is read part by part (ARN operators compare the six colon-separated parts one by one).
            var parts = value.split(":", 6);
            if (parts.length < 6) {
                return false;
            }
            var account = parts[4];
            var resource = parts[5];
            return account.isEmpty()
                    ? !resource.isEmpty() && !startsWithWildcard(resource) && !resource.contains("${")
                    : literal(account);
        }
        return !value.isEmpty() && literal(value);
    }

    private static boolean literal(String value) {
        return !hasWildcard(value) && !value.contains("${");
    }

    private static boolean startsWithWildcard(String value) {
        return value.startsWith("*") || value.startsWith("?");
    }

    /** Whether an action pattern (with IAM's {@code *} and {@code ?} wildcards, ignoring case) matches an action. */
    private static boolean matches(String pattern, String action) {
        var regex = new StringBuilder();
        for (var ch : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return action.toLowerCase(Locale.ROOT).matches(regex.toString());
    }

    private static @Nullable String accountOf(String principal) {
        if (Rules.ACCOUNT_ID.matcher(principal).matches()) {
            return principal;
        }
        var m = PRINCIPAL_ACCOUNT.matcher(principal);
        return m.matches() ? m.group(1) : null;
    }

    private static boolean hasWildcard(String value) {
        return value.contains("*") || value.contains("?");
    }

    private static long nonWhitespaceCharacters(String json) {
        return json.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static String shown(List<String> values) {
        return Check.show(values.size() == 1 ? values.get(0) : values);
    }

    private static String withConditions(Statement s) {
        return s.conditions().isEmpty() ? " without a Condition" : " with only " + shownConditions(s.conditions());
    }

    private static String shownConditions(List<Condition> conditions) {
        var shown = new ArrayList<String>();
        for (var c : conditions) {
            shown.add(c.operator() + " " + c.key() + " " + shown(c.values()));
        }
        return String.join(", ", shown);
    }

    private void add(LintRule rule, String document, @Nullable String statement, String message) {
        findings.add(new Finding(rule, rule.defaultSeverity(), document, statement, message, waivers.get(rule)));
    }

}
