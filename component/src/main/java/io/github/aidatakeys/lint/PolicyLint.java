package io.github.aidatakeys.lint;

import io.github.aidatakeys.internal.Check;

import javax.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the key policy, the data role's trust policy and its inline policy against the {@link LintRule}s,
 * before anything is deployed.
 *
 * <p>The lint reads the documents as AWS will: {@code Action}, {@code Resource} and principal values may be a
 * string or an array, {@code Principal} may be the string {@code "*"}, and condition keys are compared ignoring
 * case. Statements with {@code "Effect": "Deny"} only restrict access, so the rules about what is granted look
 * at {@code Allow} statements only. A document that does not follow the policy grammar is reported under
 * {@link LintRule#MALFORMED_DOCUMENT} rather than guessed at.
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
    public static final int KEY_POLICY_MAX_BYTES = 32_768;
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
            io.github.aidatakeys.internal.Rules.NO_CONFUSED_DEPUTY_CONDITIONS;

    /** Key-management and account-level KMS actions: never for the data role. The argument check uses the same list. */
    private static final Set<String> MANAGEMENT_ACTIONS = io.github.aidatakeys.internal.Rules.MANAGEMENT_ACTIONS;
    private static final String CREATE_GRANT = "kms:creategrant";
    private static final String GRANT_FOR_AWS_RESOURCE = "kms:GrantIsForAWSResource";
    private static final String ENCRYPTION_CONTEXT_PREFIX = "kms:encryptioncontext:";
    private static final Pattern PRINCIPAL_ACCOUNT = Pattern.compile("arn:[a-z-]+:(?:iam|sts)::(\\d{12}):.+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

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
        var statements = parse(KEY_POLICY, json);
        if (statements == null) {
            return;
        }
        var root = "arn:" + input.partition() + ":iam::" + input.accountId() + ":root";
        var hasRoot = false;
        for (var s : statements) {
            hasRoot |= isRootDelegation(s, root);
            if (s.allow() && s.anyPrincipal() && s.conditions().isEmpty()) {
                add(LintRule.KEY_POLICY_WILDCARD_PRINCIPAL, KEY_POLICY, s.label(),
                        "Principal must not be \"*\" without a Condition: any AWS account could use the key"
                                + "; received: " + s.principalJson());
            }
            encryptionContext(KEY_POLICY, s);
        }
        if (!hasRoot) {
            add(LintRule.KEY_POLICY_MISSING_ROOT_DELEGATION, KEY_POLICY, null,
                    "Key policy must keep the statement that allows Principal {\"AWS\": \"" + root
                            + "\"} Action \"kms:*\" on Resource \"*\" without a Condition: without it no IAM policy"
                            + " grants anything on the key, and the key can become unmanageable; received: no such"
                            + " statement among " + statements.size());
        }
    }

    private boolean isRootDelegation(ParsedPolicy.Statement s, String root) {
        var principals = s.principals("AWS");
        return s.allow()
                && (principals.contains(root) || principals.contains(input.accountId()))
                && s.actions().stream().anyMatch(a -> a.equalsIgnoreCase("kms:*"))
                && s.resources() != null && s.resources().contains("*")
                && s.notActions().isEmpty() && s.notResources().isEmpty() && s.conditions().isEmpty();
    }

    private void trustPolicy() {
        var json = input.trustPolicyJson();
        var characters = nonWhitespaceCharacters(json);
        if (characters > TRUST_POLICY_MAX_CHARACTERS) {
            add(LintRule.TRUST_POLICY_TOO_LARGE, TRUST_POLICY, null, "Trust policy must be at most "
                    + TRUST_POLICY_MAX_CHARACTERS + " characters, whitespace excluded (the default IAM quota)"
                    + "; received: " + characters + " characters");
        }
        var statements = parse(TRUST_POLICY, json);
        if (statements == null) {
            return;
        }
        for (var s : statements) {
            if (s.allow()) {
                if (s.anyPrincipal()) {
                    add(LintRule.TRUST_POLICY_WILDCARD_PRINCIPAL, TRUST_POLICY, s.label(),
                            "Principal must not be \"*\": anyone in any AWS account could assume the role"
                                    + "; received: " + s.principalJson());
                }
                var services = s.principals("Service").stream()
                        .filter(p -> !SERVICES_WITHOUT_SOURCE_CONTEXT.contains(p.toLowerCase(Locale.ROOT)))
                        .toList();
                if (!services.isEmpty() && !constrains(s, "aws:SourceAccount") && !constrains(s, "aws:SourceArn")) {
                    add(LintRule.TRUST_POLICY_SERVICE_WITHOUT_SOURCE, TRUST_POLICY, s.label(),
                            "Service principals should be bound to this account with an aws:SourceAccount or"
                                    + " aws:SourceArn condition (confused deputy); received: " + shown(services)
                                    + " without either");
                }
                var foreign = s.principals("AWS").stream()
                        .filter(p -> {
                            var account = accountOf(p);
                            return account != null && !account.equals(input.accountId());
                        })
                        .toList();
                if (!foreign.isEmpty() && !constrains(s, "sts:ExternalId")) {
                    add(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID, TRUST_POLICY, s.label(),
                            "Principals of another account must be bound with an sts:ExternalId condition"
                                    + "; received: " + shown(foreign) + " without one");
                }
                webIdentitySubjects(s);
            }
            encryptionContext(TRUST_POLICY, s);
        }
    }

    /**
     * AIK014: a {@code StringLike} on a federated statement's {@code <issuer>:sub} with a wildcard the issuer's rules
     * do not bound (see {@link io.github.aidatakeys.internal.Rules#hasUnboundedWildcard}).
     */
    private void webIdentitySubjects(ParsedPolicy.Statement s) {
        if (s.principals("Federated").isEmpty()) {
            return;
        }
        for (var c : s.conditions()) {
            var key = c.key();
            if (!c.operator().toLowerCase(Locale.ROOT).contains("stringlike")
                    || !key.toLowerCase(Locale.ROOT).endsWith(":sub")) {
                continue;
            }
            var issuer = key.substring(0, key.length() - ":sub".length());
            var wide = c.values().stream()
                    .filter(v -> io.github.aidatakeys.internal.Rules.hasUnboundedWildcard(issuer, v)).toList();
            if (!wide.isEmpty()) {
                add(LintRule.TRUST_POLICY_WILDCARD_WEB_IDENTITY_SUBJECT, TRUST_POLICY, s.label(),
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
        var statements = parse(ROLE_POLICY, json);
        if (statements == null) {
            return;
        }
        for (var s : statements) {
            if (s.allow()) {
                roleActions(s);
                roleResources(s);
            }
            encryptionContext(ROLE_POLICY, s);
        }
    }

    private void roleActions(ParsedPolicy.Statement s) {
        var wildcards = s.actions().stream().filter(PolicyLint::hasWildcard).toList();
        if (!wildcards.isEmpty()) {
            add(LintRule.ROLE_POLICY_WILDCARD_ACTION, ROLE_POLICY, s.label(),
                    "Action must list explicit actions, never wildcards; received: " + shown(wildcards));
        }
        if (!s.notActions().isEmpty()) {
            add(LintRule.ROLE_POLICY_WILDCARD_ACTION, ROLE_POLICY, s.label(),
                    "NotAction must not be used in an Allow statement: it grants every action not listed"
                            + "; received: " + shown(s.notActions()));
        }
        var grantForAwsResource = s.conditions().stream().anyMatch(c -> c.operator().equalsIgnoreCase("Bool")
                && c.key().equalsIgnoreCase(GRANT_FOR_AWS_RESOURCE)
                && c.values().stream().allMatch(v -> v.equalsIgnoreCase("true")));
        var management = s.actions().stream()
                .filter(a -> MANAGEMENT_ACTIONS.contains(a.toLowerCase(Locale.ROOT)))
                .filter(a -> !(grantForAwsResource && a.equalsIgnoreCase(CREATE_GRANT)))
                .toList();
        if (!management.isEmpty()) {
            var createGrant = management.stream().anyMatch(a -> a.equalsIgnoreCase(CREATE_GRANT));
            add(LintRule.ROLE_POLICY_KEY_MANAGEMENT_ACTION, ROLE_POLICY, s.label(),
                    "Action must not grant key-management or account-level actions to the data role"
                            + (createGrant ? " (kms:CreateGrant only with the condition {\"Bool\": {\""
                            + GRANT_FOR_AWS_RESOURCE + "\": \"true\"}})" : "")
                            + "; received: " + shown(management));
        }
    }

    private void roleResources(ParsedPolicy.Statement s) {
        var keyArn = input.keyArn();
        var keyArns = new java.util.ArrayList<String>();
        if (keyArn != null) {
            keyArns.add(keyArn);
            keyArns.addAll(input.replicaKeyArns());
        }
        var rule = keyArn == null
                ? "Resource must be the key ARN, never a wildcard"
                : keyArns.size() == 1 ? "Resource must be exactly the key ARN \"" + keyArn + "\""
                : "Resource must be exactly the ARNs of the key and its replicas " + shown(keyArns);
        if (!s.notResources().isEmpty()) {
            add(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN, ROLE_POLICY, s.label(),
                    "NotResource must not be used in an Allow statement: it grants every resource not listed"
                            + "; received: " + shown(s.notResources()));
        } else if (s.resources() == null) {
            add(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN, ROLE_POLICY, s.label(), rule + "; received: no Resource");
        } else {
            var wrong = s.resources().stream()
                    .filter(r -> keyArn == null ? hasWildcard(r) : !keyArns.contains(r))
                    .toList();
            if (!wrong.isEmpty()) {
                add(LintRule.ROLE_POLICY_RESOURCE_NOT_KEY_ARN, ROLE_POLICY, s.label(),
                        rule + "; received: " + shown(wrong));
            }
        }
    }

    private void encryptionContext(String document, ParsedPolicy.Statement s) {
        for (var c : s.conditions()) {
            if (c.operator().toLowerCase(Locale.ROOT).startsWith("forallvalues:")
                    && c.key().toLowerCase(Locale.ROOT).startsWith(ENCRYPTION_CONTEXT_PREFIX)) {
                add(LintRule.FOR_ALL_VALUES_ON_ENCRYPTION_CONTEXT, document, s.label(),
                        "Condition must not use ForAllValues with kms:EncryptionContext:<key>, which is"
                                + " single-valued (it also matches a request without that context); use"
                                + " StringEquals, and ForAllValues only with kms:EncryptionContextKeys; received: "
                                + c.operator() + " on " + c.key());
            }
        }
    }

    private void keySettings() {
        if (!input.rotationEnabled()) {
            add(LintRule.ROTATION_DISABLED, KEY, null,
                    "Automatic key rotation should be on; received: rotation disabled");
        }
    }

    private @Nullable List<ParsedPolicy.Statement> parse(String document, String json) {
        var problems = new ArrayList<ParsedPolicy.Problem>();
        var statements = ParsedPolicy.parse(json, problems);
        problems.forEach(p -> add(LintRule.MALFORMED_DOCUMENT, document, p.statement(), p.message()));
        return statements;
    }

    /**
     * Whether a condition of the statement requires the key to be present and to match: {@code Null} and
     * {@code ...IfExists} operators do not, since they pass when the key is absent.
     */
    private static boolean constrains(ParsedPolicy.Statement s, String key) {
        return s.conditions().stream().anyMatch(c -> c.key().equalsIgnoreCase(key)
                && !c.operator().equalsIgnoreCase("Null")
                && !c.operator().toLowerCase(Locale.ROOT).endsWith("ifexists"));
    }

    private static @Nullable String accountOf(String principal) {
        if (ACCOUNT_ID.matcher(principal).matches()) {
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

    private void add(LintRule rule, String document, @Nullable String statement, String message) {
        findings.add(new Finding(rule, rule.defaultSeverity(), document, statement, message, waivers.get(rule)));
    }

}
