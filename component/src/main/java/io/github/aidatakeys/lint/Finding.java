package io.github.aidatakeys.lint;

import io.github.aidatakeys.internal.Check;

import javax.annotation.Nullable;
import java.util.ArrayList;

/**
 * One problem found by {@link PolicyLint}: which rule, in which document and statement, and what was received.
 *
 * <p>{@link #toString()} gives one line that can be logged or put in an exception message, such as
 * <pre>{@code
 * ERROR AIK002 [rolePolicy/UseKeyForAiData] Resource must be exactly the key ARN "arn:aws:kms:..."; received: "*" (related: Security Hub KMS.2, ...)
 * }</pre>
 *
 * @param rule         the rule that found the problem
 * @param severity     how serious the problem is: the rule's {@linkplain LintRule#defaultSeverity() severity}
 * @param document     where the problem is: {@value PolicyLint#KEY_POLICY}, {@value PolicyLint#TRUST_POLICY},
 *                     {@value PolicyLint#ROLE_POLICY} or, for the key's own settings, {@value PolicyLint#KEY}
 * @param statementSid the statement's {@code Sid}, or {@code Statement[i]} (its position) when it has none;
 *                     {@code null} when the finding is about the document as a whole
 * @param message      what is wrong, the rule and the value received
 * @param waiver       the waiver that covers the finding, or {@code null} when it is not waived
 */
public record Finding(LintRule rule, Severity severity, String document, @Nullable String statementSid,
                      String message, @Nullable Waiver waiver) {
    /**
     * Checks that every required part is present.
     *
     * @param rule         the rule that found the problem
     * @param severity     how serious the problem is
     * @param document     where the problem is
     * @param statementSid the statement, or {@code null} for the document as a whole
     * @param message      what is wrong
     * @param waiver       the waiver that covers the finding, or {@code null}
     * @throws IllegalArgumentException when {@code rule}, {@code severity}, {@code document} or {@code message}
     *                                  is {@code null}
     */
    public Finding {
        Check.required("rule", rule);
        Check.required("severity", severity);
        Check.required("document", document);
        Check.required("message", message);
    }

    /**
     * Whether a {@link Waiver} covers this finding; a waived finding never counts as an error or a warning.
     *
     * @return {@code true} when {@link #waiver()} is set
     */
    public boolean waived() {
        return waiver != null;
    }

    /**
     * The finding on one line: severity, rule id, document and statement, message, the scanner checks the rule
     * mirrors and those it is related to and, when waived, the reason.
     *
     * @return for example
     *         {@code ERROR AIK006 [trustPolicy/Anyone] Principal must not be "*" ...; received: "*" (mirrors checkov CKV_AWS_60)}
     */
    @Override
    public String toString() {
        var sb = new StringBuilder().append(severity).append(' ').append(rule.id()).append(" [").append(document);
        if (statementSid != null) {
            sb.append('/').append(statementSid);
        }
        sb.append("] ").append(message);
        var checks = new ArrayList<String>();
        if (!rule.mirrors().isEmpty()) {
            checks.add("mirrors " + String.join(", ", rule.mirrors()));
        }
        if (!rule.related().isEmpty()) {
            checks.add("related: " + String.join(", ", rule.related()));
        }
        if (!checks.isEmpty()) {
            sb.append(" (").append(String.join("; ", checks)).append(')');
        }
        if (waiver != null) {
            sb.append("; waived: ").append(waiver.reason());
        }
        return sb.toString();
    }
}
