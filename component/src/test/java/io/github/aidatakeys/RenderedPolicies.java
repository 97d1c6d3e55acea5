package io.github.aidatakeys;

import io.github.aidatakeys.support.Stacks;

import java.util.function.UnaryOperator;

/**
 * The component's own policy documents, rendered by the same code a deployment uses, for tests that need them
 * as input (the lint's fixtures): never hand-copied JSON, which drifts from what the renderer produces. It sits in
 * the API's package because the renderer is package-private there; {@code support.LintFixtures} builds on it.
 */
public final class RenderedPolicies {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    static final Policies.Environment ENVIRONMENT = new Policies.Environment("aws", ACCOUNT, REGION, "amazonaws.com");
    /** The ARN {@code AwsMocks} gives the key of a component {@code ai-data}. */
    public static final String KEY_ARN = Stacks.KEY_ARN;

    private final KeySettings settings;
    private final Policies.Environment environment;

    private RenderedPolicies(KeySettings settings, Policies.Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** The documents for {@code aliasName("aiDataKey")}, {@code allowedServices(EC2)}, then {@code args}. */
    public static RenderedPolicies of(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args) {
        return of(args, ENVIRONMENT);
    }

    /** The same, in another partition and Region, such as {@code aws-cn}, {@code cn-north-1}, {@code amazonaws.com.cn}. */
    public static RenderedPolicies of(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args, String partition,
                                      String region, String dnsSuffix) {
        return of(args, new Policies.Environment(partition, ACCOUNT, region, dnsSuffix));
    }

    static RenderedPolicies of(UnaryOperator<EncryptedAiDataKeyArgs.Builder> args,
                               Policies.Environment environment) {
        var built = args.apply(EncryptedAiDataKeyArgs.builder().aliasName("aiDataKey")
                .allowedServices(AwsService.EC2)).build();
        var settings = KeySettings.valueNow(KeySettings.resolve("ai-data", built)).orElseThrow();
        return new RenderedPolicies(settings, environment);
    }

    public String keyPolicy() {
        return Policies.keyPolicy(settings, environment).toJson();
    }

    public String trustPolicy() {
        return Policies.trustPolicy(settings, environment).toJson();
    }

    public String rolePolicy() {
        return rolePolicy(KEY_ARN);
    }

    public String rolePolicy(String keyArn) {
        return Policies.rolePolicy(settings, environment, keyArn).toJson();
    }
}
