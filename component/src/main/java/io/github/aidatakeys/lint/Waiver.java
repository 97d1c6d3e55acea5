package io.github.aidatakeys.lint;

import io.github.aidatakeys.internal.Check;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Waives one {@link LintRule} for a stack, saying why. A waived rule's findings no longer count as errors or
 * warnings; they are reported as {@linkplain LintReport#waived() waived}, with the reason, so that a stack can
 * export them and a reviewer can see every exception that was granted.
 *
 * <pre>{@code
 * new Waiver(LintRule.TRUST_POLICY_CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID,
 *         "210987654321 is our own CI account; it cannot be used as a confused deputy")
 * }</pre>
 *
 * @param rule   the rule waived; must be {@linkplain LintRule#waivable() waivable}
 * @param reason why the rule does not apply to this stack; must not be blank
 */
public record Waiver(LintRule rule, String reason) {
    /**
     * Checks the waiver.
     *
     * @param rule   the rule waived; must be {@linkplain LintRule#waivable() waivable}
     * @param reason why the rule does not apply to this stack; must not be blank
     * @throws IllegalArgumentException when {@code rule} is {@code null} or cannot be waived, or when
     *                                  {@code reason} is {@code null} or blank; the message names the argument
     */
    public Waiver {
        Check.required("rule", rule);
        Check.required("reason", reason);
        if (reason.isBlank()) {
            throw Check.invalid("reason", "must say why the rule does not apply to this stack (not blank)", reason);
        }
        if (!rule.waivable()) {
            throw Check.invalid("rule", "must be a rule that can be waived ("
                    + Arrays.stream(LintRule.values()).filter(LintRule::waivable).map(LintRule::id)
                            .collect(Collectors.joining(", "))
                    + "); the others are invariants of the component", Check.described(rule.id()));
        }
    }
}
