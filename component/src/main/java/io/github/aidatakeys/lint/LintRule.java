package io.github.aidatakeys.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules {@link PolicyLint} checks. Ids are stable: once published, an id keeps its meaning, so that a
 * {@link Waiver} or a finding exported by a stack still refers to the same rule after an upgrade.
 *
 * <p>Only some rules can be waived (see {@link #waivable()}): the ones whose right answer depends on the
 * stack (another account that cannot send an external id, a service that does not send a source account, a
 * raised IAM quota, rotation handled elsewhere). The others are invariants of the component.
 */
public enum LintRule {
    // Each rule lists the scanner checks it mirrors (the check tests the same thing on the same document, so the
    // same documents fail both) and the checks it is only related to (they overlap, but look at other documents,
    // other actions or other conditions). Each mapping was read off the check's own source or documentation:
    //   checkov: https://github.com/bridgecrewio/checkov/tree/main/checkov/terraform/checks/resource/aws
    //   trivy:   https://github.com/aquasecurity/trivy-checks/tree/main/checks/cloud/aws
    //   Security Hub KMS controls: https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html

    /** A document is not valid JSON, or does not follow the IAM policy grammar closely enough to be checked. */
    MALFORMED_DOCUMENT("AIK000", "Malformed policy document", Severity.ERROR, false, List.of(), List.of()),
    /** The role policy grants a wildcard action ({@code *}, {@code kms:*}, {@code kms:Generate*}) or uses NotAction. */
    // Related only: checkov CKV_AWS_63 flags the action "*" alone (IAMStarActionPolicyDocument.py); trivy
    // AVD-AWS-0057 (iam/no_policy_wildcards.rego) is deprecated upstream and its rego no longer holds a rule.
    // Security Hub KMS.2 and checkov CKV_AWS_289/290/355 are about Resource "*", not actions: see AIK002.
    ROLE_POLICY_WILDCARD_ACTION("AIK001", "Wildcard action in the role policy", Severity.ERROR, false,
            List.of(), List.of("checkov CKV_AWS_63", "trivy AVD-AWS-0057")),
    /** The role policy's resource is not exactly the key ARN ({@code *}, {@code key/*}, an alias, a key id). */
    // Related only. Security Hub KMS.2 (kms-controls.html#kms-2) fails an inline policy that allows kms:Decrypt or
    // kms:ReEncryptFrom on all keys: one case of this rule. checkov CKV_AWS_289 (IAMPermissionsManagement.py),
    // CKV_AWS_290 (write access) and CKV_AWS_355 (IAMStarResourcePolicyDocument.py) fail Resource "*" for
    // permissions-management, write and restrictable actions (cloudsplaining), never an alias or a key id.
    // Security Hub KMS.1 (kms-controls.html#kms-1) checks customer managed policies only, never inline policies
    // such as the role's: it cannot see this document.
    ROLE_POLICY_RESOURCE_NOT_KEY_ARN("AIK002", "Role policy resource is not the key ARN", Severity.ERROR, false,
            List.of(), List.of("Security Hub KMS.2", "checkov CKV_AWS_289", "checkov CKV_AWS_290",
                    "checkov CKV_AWS_355")),
    /** The role policy grants a key-management or account-level KMS action to the data role. */
    // Related only: checkov CKV_AWS_289 (IAMPermissionsManagement.py) flags permissions-management actions
    // (kms:PutKeyPolicy, kms:CreateGrant, ...) only on Resource "*"; on the key ARN it passes.
    ROLE_POLICY_KEY_MANAGEMENT_ACTION("AIK003", "Key-management action granted to the data role", Severity.ERROR,
            false, List.of(), List.of("checkov CKV_AWS_289")),
    /** The key policy lacks the statement that delegates access to the account root, and so to IAM. */
    KEY_POLICY_MISSING_ROOT_DELEGATION("AIK004", "Key policy lacks the account-root delegation statement",
            Severity.ERROR, false, List.of(), List.of()),
    /** The key policy allows the {@code *} principal without a condition that pins the caller's account or organization. */
    // Related only. checkov CKV_AWS_33 (KMSKeyWildcardPrincipal.py) fails {"AWS": "*"} and "*" in any Allow
    // statement, conditions ignored. Security Hub KMS.5 (kms-controls.html#kms-5) runs the AWS Config rule
    // kms-key-policy-no-public-access, an automated-reasoning analysis of the whole policy that counts only
    // fixed values (no wildcards, no variables) as restricting access:
    // https://docs.aws.amazon.com/config/latest/developerguide/kms-key-policy-no-public-access.html
    KEY_POLICY_WILDCARD_PRINCIPAL("AIK005", "Key policy allows any principal without a condition", Severity.ERROR,
            false, List.of(), List.of("checkov CKV_AWS_33", "Security Hub KMS.5")),
    /** The trust policy lets the {@code *} principal assume the role. */
    // Mirrors checkov CKV_AWS_60 (IAMRoleAllowsPublicAssume.py): an Allow statement of the assume-role policy
    // whose AWS principal is or contains "*", conditions ignored. (checkov does not read the string form
    // "Principal": "*"; this rule does.)
    TRUST_POLICY_WILDCARD_PRINCIPAL("AIK006", "Trust policy allows any principal", Severity.ERROR, false,
            List.of("checkov CKV_AWS_60"), List.of()),
    /** The trust policy trusts a service principal without an {@code aws:SourceAccount} or {@code aws:SourceArn} condition. */
    // Related only: Prowler iam_role_cross_service_confused_deputy_prevention fails a service role whose trust
    // policy is "public" for sts:AssumeRole by its own policy analysis (is_policy_public), EC2 roles included.
    TRUST_POLICY_SERVICE_WITHOUT_SOURCE("AIK007", "Service principal without a source condition (confused deputy)",
            Severity.WARNING, true, List.of(), List.of("Prowler iam_role_cross_service_confused_deputy_prevention")),
    /** The trust policy trusts another account's principal without an {@code sts:ExternalId} condition. */
    // Related only: checkov CKV_AWS_61 (IAMRoleAllowAssumeFromAccount.py) fails any 12-digit id or
    // arn:aws:iam::<account>:root principal, the stack's own account included, unless the statement allows
    // sts:AssumeRole with an sts:ExternalId key under any operator; it does not look at other accounts' role ARNs.
    TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID("AIK008", "Another account trusted without an external id",
            Severity.ERROR, true, List.of(), List.of("checkov CKV_AWS_61")),
    /** A condition applies {@code ForAllValues:} to a single-valued {@code kms:EncryptionContext:<key>} key. */
    // Related only: IAM Access Analyzer's FORALLVALUES_WITH_SINGLE_VALUED_KEY warns on every single-valued key:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-forallvalues-with-single-valued-key
    FOR_ALL_VALUES_ON_ENCRYPTION_CONTEXT("AIK009", "ForAllValues on a single-valued encryption context key",
            Severity.ERROR, false, List.of(), List.of("IAM Access Analyzer FORALLVALUES_WITH_SINGLE_VALUED_KEY")),
    /** The key policy exceeds the KMS limit of 32,768 bytes. */
    KEY_POLICY_TOO_LARGE("AIK010", "Key policy over 32,768 bytes", Severity.ERROR, false, List.of(), List.of()),
    /** The role's inline policy exceeds the IAM limit of 10,240 characters, whitespace excluded. */
    ROLE_POLICY_TOO_LARGE("AIK011", "Role inline policy over 10,240 characters", Severity.ERROR, false, List.of(),
            List.of()),
    /** The trust policy exceeds the default IAM quota of 2,048 characters, whitespace excluded. */
    TRUST_POLICY_TOO_LARGE("AIK012", "Trust policy over the default 2,048-character quota", Severity.ERROR, true,
            List.of(), List.of()),
    /** Automatic rotation of the key is off. */
    // Mirrors Security Hub KMS.4 (kms-controls.html#kms-4, rotation of customer managed symmetric keys), checkov
    // CKV_AWS_7 (KMSRotation.py: enable_key_rotation) and trivy AVD-AWS-0065 (kms/auto_rotate_keys.rego:
    // rotation off on a key that is not SIGN_VERIFY). The CIS AWS Foundations Benchmark asks for the same.
    ROTATION_DISABLED("AIK013", "Key rotation disabled", Severity.WARNING, true,
            List.of("Security Hub KMS.4", "checkov CKV_AWS_7", "trivy AVD-AWS-0065"),
            List.of("CIS AWS Foundations Benchmark")),
    /**
     * A web-identity subject ({@code <issuer>:sub}) matched with a wildcard that no issuer-specific rule bounds:
     * every identity whose subject matches can assume the role. GitHub Actions subjects that spell out
     * {@code repo:<owner>/<repository>} before the wildcard are not flagged.
     */
    TRUST_POLICY_WILDCARD_WEB_IDENTITY_SUBJECT("AIK014", "Web-identity subject with a wildcard", Severity.WARNING,
            true, List.of(), List.of()),
    /** A {@code Deny} in the key policy takes {@code kms:PutKeyPolicy} away from the account root: a lockout. */
    KEY_POLICY_DENY_LOCKS_OUT_ROOT("AIK015", "Key policy denies the account root kms:PutKeyPolicy", Severity.ERROR,
            false, List.of(), List.of()),
    /** {@code ForAllValues:} on {@code kms:EncryptionContextKeys} in an {@code Allow} without a check that the key is present. */
    FOR_ALL_VALUES_WITHOUT_NULL_CHECK("AIK016", "ForAllValues on kms:EncryptionContextKeys without a Null check",
            Severity.ERROR, false, List.of(), List.of()),
    /**
     * The key policy lets an AWS service principal use the key without a condition that pins it to this account
     * and to its resources ({@code aws:SourceArn} or a {@code kms:EncryptionContext:} ARN of this account, or such an
     * ARN pattern together with {@code aws:SourceAccount}).
     */
    // Related only: Prowler's confused-deputy check looks at trust policies, not key policies.
    KEY_POLICY_SERVICE_WITHOUT_CONDITION("AIK017", "Service principal in the key policy not pinned to this account's "
            + "resources", Severity.ERROR, false, List.of(), List.of()),
    /**
     * A key-policy statement other than the account-root delegation lets a principal that uses the key also manage
     * it, or grants {@code kms:CreateGrant} without {@code kms:GrantIsForAWSResource}.
     */
    // Related only: checkov CKV_AWS_289 (IAMPermissionsManagement.py) looks at IAM policies, not key policies.
    KEY_POLICY_USER_MANAGES_KEY("AIK018", "Key user granted key management in the key policy", Severity.ERROR, false,
            List.of(), List.of("checkov CKV_AWS_289"));

    private final String id;
    private final String title;
    private final Severity defaultSeverity;
    private final boolean waivable;
    // Copied with List.copyOf: immutable, though their declared type cannot say so.
    @SuppressWarnings("ImmutableEnumChecker")
    private final List<String> mirrors;
    @SuppressWarnings("ImmutableEnumChecker")
    private final List<String> related;

    LintRule(String id, String title, Severity defaultSeverity, boolean waivable, List<String> mirrors,
             List<String> related) {
        this.id = id;
        this.title = title;
        this.defaultSeverity = defaultSeverity;
        this.waivable = waivable;
        this.mirrors = List.copyOf(mirrors);
        this.related = List.copyOf(related);
    }

    /**
     * The stable id of the rule.
     *
     * @return for example {@code AIK002}
     */
    public String id() {
        return id;
    }

    /**
     * A short title, stating the problem the rule finds.
     *
     * @return for example {@code Role policy resource is not the key ARN}
     */
    public String title() {
        return title;
    }

    /**
     * The scanner checks this rule mirrors: they test the same thing on the same document, so that a finding can
     * be matched with what the scanner reports after deployment.
     *
     * @return for example {@code [Security Hub KMS.4, checkov CKV_AWS_7, trivy AVD-AWS-0065]}; empty when no
     *         scanner check has the rule's logic
     */
    public List<String> mirrors() {
        return mirrors;
    }

    /**
     * Scanner checks related to this rule: they overlap with it but decide differently (another document, other
     * actions, conditions read another way), so a finding of one does not imply a finding of the other.
     *
     * @return for example {@code [checkov CKV_AWS_33, Security Hub KMS.5]}; empty when there are none
     */
    public List<String> related() {
        return related;
    }

    /**
     * The severity of the rule's findings.
     *
     * @return {@link Severity#ERROR} or {@link Severity#WARNING}
     */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /**
     * Whether a {@link Waiver} may be given for the rule.
     *
     * @return {@code true} for rules whose right answer depends on the stack; {@code false} for the invariants
     */
    public boolean waivable() {
        return waivable;
    }

    /**
     * Looks a rule up by its id, ignoring case.
     *
     * @param id a rule id such as {@code AIK008}; may be {@code null}
     * @return the rule, or empty when no rule has that id
     */
    public static Optional<LintRule> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        var wanted = id.trim().toUpperCase(Locale.ROOT);
        for (var rule : values()) {
            if (rule.id.equals(wanted)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
