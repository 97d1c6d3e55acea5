package io.github.aidatakeys.internal;

import java.util.List;

/**
 * The component's documents for one deployment environment, checked before any child is created: the settings
 * checked against the stack's account, the rendered key and trust policies, and their lint.
 */
public final class Plan {
    public final KeySettings settings;
    public final Policies.Environment environment;
    public final String keyPolicy;
    public final String trustPolicy;
    public final Lint lint;

    private Plan(KeySettings settings, Policies.Environment environment) {
        this.settings = settings.checkAgainstAccount(environment.accountId());
        this.environment = environment;
        this.keyPolicy = Policies.keyPolicy(settings, environment).toJson();
        this.trustPolicy = Policies.trustPolicy(settings, environment).toJson();
        this.lint = Lint.NONE;
    }

    public static Plan of(KeySettings settings, Policies.Environment environment) {
        return new Plan(settings, environment);
    }

    /** The role policy for the key's real ARN. */
    public String rolePolicy(String keyArn) {
        return Policies.rolePolicy(settings, environment, keyArn).toJson();
    }

    /** Lint findings to report. */
    public record Lint(List<String> findingLines, List<String> warnings) {
        static final Lint NONE = new Lint(List.of(), List.of());
    }
}
