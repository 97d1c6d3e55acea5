package io.github.aidatakeys;

import io.github.aidatakeys.internal.Check;
import io.github.aidatakeys.lint.LintInput;
import io.github.aidatakeys.lint.LintReport;
import io.github.aidatakeys.lint.PolicyLint;

import java.util.ArrayList;
import java.util.List;

/**
 * The component's documents for one deployment environment, checked before any child is created: the settings
 * checked against the stack's account, the rendered key and trust policies, and the policy lint of all three
 * documents (the role policy rendered for a key ARN of the real length, since the real one is not known yet).
 */
final class Plan {
    /** Stands for the key's ARN before it exists: same shape and length as a real one. */
    static final String KEY_ID_SHAPE = "00000000-0000-0000-0000-000000000000";

    public final KeySettings settings;
    public final Policies.Environment environment;
    public final String keyPolicy;
    public final String trustPolicy;
    public final LintReport lint;
    /** Additional aliases, replicas and adopted resources. */
    public final Lifecycle lifecycle;

    private Plan(KeySettings settings, Policies.Environment environment, Lifecycle lifecycle) {
        this.settings = settings.checkAgainstEnvironment(environment);
        this.environment = environment;
        this.lifecycle = lifecycle;
        lifecycle.checkAgainstRegion(environment.region());
        this.keyPolicy = keyPolicyIn(environment.region());
        KeyUsers.checkKeyPolicySize(settings, keyPolicy);
        this.trustPolicy = Policies.trustPolicy(settings, environment).toJson();
        var predictedArn = "arn:" + environment.partition() + ":kms:" + environment.region() + ":"
                + environment.accountId() + ":key/" + KEY_ID_SHAPE;
        var predictedReplicas = lifecycle.replicaRegions.stream().map(r -> "arn:" + environment.partition() + ":kms:"
                + r + ":" + environment.accountId() + ":key/" + KEY_ID_SHAPE).toList();
        var predicted = new ArrayList<String>();
        predicted.add(predictedArn);
        predicted.addAll(predictedReplicas);
        this.lint = lint(Policies.rolePolicy(settings, environment, predicted,
                lifecycle.allRegions(environment.region())).toJson(), predictedArn, predictedReplicas);
    }

    /** The plan; a failed check never shows a value given as a secret. */
    public static Plan of(KeySettings settings, Policies.Environment environment, Lifecycle lifecycle) {
        return Check.redacting(settings.secretValues(), () -> new Plan(settings, environment, lifecycle));
    }

    /** The key policy of the key of the set in a Region: the primary's, or a replica's. */
    public String keyPolicyIn(String region) {
        var targets = lifecycle.replicaRegions.isEmpty() ? List.<String>of()
                : lifecycle.replicationTargets(environment.region()).get(region);
        return Policies.keyPolicy(settings, environment.inRegion(region), targets).toJson();
    }

    /**
     * The role policy for the real ARNs of the key and its replicas (the primary's first), linted again now that the
     * ARNs are known.
     */
    public String rolePolicy(List<String> keyArns) {
        var json = Policies.rolePolicy(settings, environment, keyArns, lifecycle.allRegions(environment.region()))
                .toJson();
        Check.redacting(settings.secretValues(), () -> lint(json, keyArns.get(0), keyArns.subList(1, keyArns.size())));
        return json;
    }

    /** Every finding that did not fail the lint (warnings and waived rules), one line each. */
    public List<String> findingLines() {
        return lint.findings().stream().map(Object::toString).toList();
    }

    /** The lint's warnings, for the deployment's log: a value given as a secret shows as {@value Check#SECRET}. */
    public List<String> warningLines() {
        return lint.warnings().stream().map(w -> Check.redact(w.toString(), settings.secretValues())).toList();
    }

    private LintReport lint(String rolePolicy, String keyArn, List<String> replicaKeyArns) {
        var report = PolicyLint.lint(LintInput.builder()
                .keyPolicyJson(keyPolicy)
                .trustPolicyJson(trustPolicy)
                .rolePolicyJson(rolePolicy)
                .keyArn(keyArn)
                .replicaKeyArns(replicaKeyArns)
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
