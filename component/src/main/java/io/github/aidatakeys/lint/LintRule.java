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
    /** A document is not valid JSON, or does not follow the IAM policy grammar closely enough to be checked. */
    MALFORMED_DOCUMENT("AIK000", "Malformed policy document", Severity.ERROR, false),
    /** The role policy grants a wildcard action ({@code *}, {@code kms:*}, {@code kms:Generate*}) or uses NotAction. */
    ROLE_POLICY_WILDCARD_ACTION("AIK001", "Wildcard action in the role policy", Severity.ERROR, false,
            "trivy AVD-AWS-0057", "Security Hub KMS.2", "checkov CKV_AWS_289", "checkov CKV_AWS_290",
            "checkov CKV_AWS_355"),
    /** The role policy's resource is not exactly the key ARN ({@code *}, {@code key/*}, an alias, a key id). */
    ROLE_POLICY_RESOURCE_NOT_KEY_ARN("AIK002", "Role policy resource is not the key ARN", Severity.ERROR, false,
            "Security Hub KMS.1", "Security Hub KMS.2", "checkov CKV_AWS_355", "trivy AVD-AWS-0057"),
    /** The role policy grants a key-management or account-level KMS action to the data role. */
    ROLE_POLICY_KEY_MANAGEMENT_ACTION("AIK003", "Key-management action granted to the data role", Severity.ERROR,
            false, "checkov CKV_AWS_289"),
    /** The key policy lacks the statement that delegates access to the account root, and so to IAM. */
    KEY_POLICY_MISSING_ROOT_DELEGATION("AIK004", "Key policy lacks the account-root delegation statement",
            Severity.ERROR, false),
    /** The key policy allows the {@code *} principal without a condition. */
    KEY_POLICY_WILDCARD_PRINCIPAL("AIK005", "Key policy allows any principal without a condition", Severity.ERROR,
            false, "checkov CKV_AWS_33", "Security Hub KMS.5"),
    /** The trust policy lets the {@code *} principal assume the role. */
    TRUST_POLICY_WILDCARD_PRINCIPAL("AIK006", "Trust policy allows any principal", Severity.ERROR, false,
            "checkov CKV_AWS_60"),
    /** The trust policy trusts a service principal without an {@code aws:SourceAccount} or {@code aws:SourceArn} condition. */
    TRUST_POLICY_SERVICE_WITHOUT_SOURCE("AIK007", "Service principal without a source condition (confused deputy)",
            Severity.WARNING, true, "Prowler iam_role_cross_service_confused_deputy_prevention"),
    /** The trust policy trusts another account's principal without an {@code sts:ExternalId} condition. */
    TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID("AIK008", "Another account trusted without an external id",
            Severity.ERROR, true, "checkov CKV_AWS_61",
            "KICS Cross-Account IAM Assume Role Policy Without ExternalId or MFA"),
    /** A condition applies {@code ForAllValues:} to a single-valued {@code kms:EncryptionContext:<key>} key. */
    FOR_ALL_VALUES_ON_ENCRYPTION_CONTEXT("AIK009", "ForAllValues on a single-valued encryption context key",
            Severity.ERROR, false, "IAM Access Analyzer FORALLVALUES_WITH_SINGLE_VALUED_KEY"),
    /** The key policy exceeds the KMS limit of 32,768 bytes. */
    KEY_POLICY_TOO_LARGE("AIK010", "Key policy over 32,768 bytes", Severity.ERROR, false),
    /** The role's inline policy exceeds the IAM limit of 10,240 characters, whitespace excluded. */
    ROLE_POLICY_TOO_LARGE("AIK011", "Role inline policy over 10,240 characters", Severity.ERROR, false),
    /** The trust policy exceeds the default IAM quota of 2,048 characters, whitespace excluded. */
    TRUST_POLICY_TOO_LARGE("AIK012", "Trust policy over the default 2,048-character quota", Severity.ERROR, true),
    /** Automatic rotation of the key is off. */
    ROTATION_DISABLED("AIK013", "Key rotation disabled", Severity.WARNING, true,
            "Security Hub KMS.4", "CIS AWS Foundations", "checkov CKV_AWS_7"),
    /**
     * A web-identity subject ({@code <issuer>:sub}) matched with a wildcard that no issuer-specific rule bounds:
     * every identity whose subject matches can assume the role. GitHub Actions subjects that spell out
     * {@code repo:<owner>/<repository>} before the wildcard are not flagged.
     */
    TRUST_POLICY_WILDCARD_WEB_IDENTITY_SUBJECT("AIK014", "Web-identity subject with a wildcard", Severity.WARNING,
            true);

    private final String id;
    private final String title;
    private final Severity defaultSeverity;
    private final boolean waivable;
    private final List<String> mirrors;

    LintRule(String id, String title, Severity defaultSeverity, boolean waivable, String... mirrors) {
        this.id = id;
        this.title = title;
        this.defaultSeverity = defaultSeverity;
        this.waivable = waivable;
        this.mirrors = List.of(mirrors);
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
     * The external checks this rule mirrors, so that a finding can be matched with what a scanner reports after
     * deployment.
     *
     * @return for example {@code [checkov CKV_AWS_33, Security Hub KMS.5]}; empty when the rule mirrors an AWS
     *         limit or guidance rather than a scanner's check
     */
    public List<String> mirrors() {
        return mirrors;
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
