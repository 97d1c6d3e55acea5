package io.github.aidatakeys.lint;

import io.github.aidatakeys.internal.Check;

import java.util.List;

/**
 * Everything {@link PolicyLint} found, in a stable order: key policy, trust policy, role policy, then the key's
 * settings; within a document, statement by statement.
 *
 * @param findings every finding, waived ones included
 */
public record LintReport(List<Finding> findings) {
    /**
     * Copies the findings.
     *
     * @param findings every finding, waived ones included
     * @throws IllegalArgumentException when {@code findings} is or holds {@code null}
     */
    public LintReport {
        Check.required("findings", findings);
        Check.elementsRequired("findings", findings);
        findings = List.copyOf(findings);
    }

    /**
     * The findings that must stop a deployment.
     *
     * @return the {@link Severity#ERROR} findings that no waiver covers
     */
    public List<Finding> errors() {
        return active(Severity.ERROR);
    }

    /**
     * The findings worth reporting that do not stop a deployment.
     *
     * @return the {@link Severity#WARNING} findings that no waiver covers
     */
    public List<Finding> warnings() {
        return active(Severity.WARNING);
    }

    /**
     * The findings a {@link Waiver} covers, errors and warnings alike, for a stack to export.
     *
     * @return the waived findings
     */
    public List<Finding> waived() {
        return findings.stream().filter(Finding::waived).toList();
    }

    /**
     * Whether any error is left once waivers are applied.
     *
     * @return {@code true} when {@link #errors()} is not empty
     */
    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /**
     * Every error at once, one per line, for an exception message.
     *
     * @return {@code "Policy lint found no errors"}, or a first line counting the errors followed by one line per
     *         error as {@link Finding#toString()} gives it
     */
    public String summary() {
        var errors = errors();
        if (errors.isEmpty()) {
            return "Policy lint found no errors";
        }
        var sb = new StringBuilder("Policy lint found ").append(errors.size())
                .append(errors.size() == 1 ? " error:" : " errors:");
        errors.forEach(e -> sb.append('\n').append(e));
        return sb.toString();
    }

    private List<Finding> active(Severity severity) {
        return findings.stream().filter(f -> !f.waived() && f.severity() == severity).toList();
    }
}
