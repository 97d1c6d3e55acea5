package io.github.aidatakeys.internal;

import io.github.aidatakeys.lint.LintInput;
import io.github.aidatakeys.lint.LintReport;
import io.github.aidatakeys.lint.PolicyLint;

import java.util.List;

/**
 * The component's documents for one deployment environment, checked before any child is created: the settings
 * checked against the stack's account, the rendered key and trust policies, and the policy lint of all three
 * documents (the role policy rendered for a key ARN of the real length, since the real one is not known yet).
 */
public final class Plan {
    /** Stands for the key's ARN before it exists: same shape and length as a real one. */
    static final String KEY_ID_SHAPE = "00000000-0000-0000-0000-000000000000";

    public final KeySettings settings;
    public final Policies.Environment environment;
    public final String keyPolicy;
    public final String trustPolicy;
    public final LintReport lint;

    private Plan(KeySettings settings, Policies.Environment environment) {
        this.settings = settings.checkAgainstEnvironment(environment);
        this.environment = environment;
        this.keyPolicy = Policies.keyPolicy(settings, environment).toJson();
        this.trustPolicy = Policies.trustPolicy(settings, environment).toJson();
        var predictedArn = "arn:" + environment.partition() + ":kms:" + environment.region() + ":"
                + environment.accountId() + ":key/" + KEY_ID_SHAPE;
        this.lint = lint(Policies.rolePolicy(settings, environment, predictedArn).toJson(), predictedArn);
    }

    public static Plan of(KeySettings settings, Policies.Environment environment) {
        return new Plan(settings, environment);
    }

    /** The role policy for the key's real ARN, linted again now that the ARN is known. */
    public String rolePolicy(String keyArn) {
        var json = Policies.rolePolicy(settings, environment, keyArn).toJson();
        lint(json, keyArn);
        return json;
    }

    /** Every finding that did not fail the lint (warnings and waived rules), one line each. */
    public List<String> findingLines() {
        return lint.findings().stream().map(Object::toString).toList();
    }

    private LintReport lint(String rolePolicy, String keyArn) {
        var report = PolicyLint.lint(LintInput.builder()
                .keyPolicyJson(keyPolicy)
                .trustPolicyJson(trustPolicy)
                .rolePolicyJson(rolePolicy)
                .keyArn(keyArn)
                .accountId(environment.accountId())
                .partition(environment.partition())
                .rotationEnabled(settings.enableKeyRotation)
                .waivers(settings.waivers)
                .build());
        if (report.hasErrors()) {
            throw new IllegalStateException(report.summary());
        }
        return report;
    }
}
