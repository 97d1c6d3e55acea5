/**
 * A lint for the three policy documents of an {@code EncryptedAiDataKey}: the key policy, the data role's
 * trust policy and its inline policy, plus the key's rotation setting.
 *
 * <p>Each {@link io.github.aidatakeys.lint.LintRule} has a stable id ({@code AIK001}, ...), a default
 * {@link io.github.aidatakeys.lint.Severity}, the scanner checks it mirrors (AWS Security Hub, checkov, trivy
 * checks with the same logic, so that a finding can be matched with what the scanner reports after deployment)
 * and the checks it is only related to. {@link io.github.aidatakeys.lint.PolicyLint#lint(LintInput)} runs every rule and returns a
 * {@link io.github.aidatakeys.lint.LintReport}; a rule that can be waived is waived with a
 * {@link io.github.aidatakeys.lint.Waiver} that says why, and its findings stay visible as waived.
 *
 * <pre>{@code
 * var report = PolicyLint.lint(LintInput.builder()
 *     .keyPolicyJson(keyPolicy)
 *     .trustPolicyJson(trustPolicy)
 *     .rolePolicyJson(rolePolicy)
 *     .keyArn(keyArn)
 *     .accountId("123456789012")
 *     .partition("aws")
 *     .rotationEnabled(true)
 *     .build());
 * if (report.hasErrors()) {
 *     throw new IllegalStateException(report.summary());
 * }
 * }</pre>
 */
package io.github.aidatakeys.lint;
