package io.github.aidatakeys.testing;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link OfflinePlan#plan(java.util.function.Consumer, PlanOptions)} plans: which project and stack, with which
 * settings, against which recorded state, in which account, Region and partition.
 *
 * <pre>{@code
 * OfflinePlan plan = OfflinePlan.plan(App::stack, PlanOptions.builder()
 *         .project("my-stack")
 *         .stack("prod")
 *         .config(Map.of("aws:region", "eu-west-1"))
 *         .state(StackState.read(Path.of("state.json")))   // pulumi stack export --file state.json
 *         .build());
 * assertThat(plan.exitCode()).as(plan.text()).isZero();
 * }</pre>
 *
 * @param project             the project name
 * @param stack               the stack name
 * @param config              the stack settings, keys with their namespace ({@code aws:region}, {@code <project>:key})
 * @param secretConfig        secret stack settings: the program reads them as secrets (see
 *                            {@link OfflineStack.Builder#secretConfig(Map)})
 * @param state               the stack's recorded state, or {@code null} to plan a new stack
 * @param account             the account to plan in, or {@code null} to take it from the state (else the default)
 * @param region              the Region, or {@code null} to take it from the state, else from {@code aws:region}
 * @param partition           the partition, or {@code null} to take it from the state, else from the Region
 * @param allowKeyReplacement {@code true} to let a plan that would lose access to encrypted data exit 0 (its
 *                            findings are still printed)
 */
public record PlanOptions(String project, String stack, Map<String, String> config, Map<String, String> secretConfig,
                          @Nullable StackState state,
                          @Nullable String account, @Nullable String region, @Nullable String partition,
                          boolean allowKeyReplacement) {

    /**
     * Checks and copies the values.
     *
     * @param project             the project name
     * @param stack               the stack name
     * @param config              the stack settings
     * @param secretConfig        the secret stack settings
     * @param state               the recorded state, or {@code null}
     * @param account             the account, or {@code null}
     * @param region              the Region, or {@code null}
     * @param partition           the partition, or {@code null}
     * @param allowKeyReplacement whether the guard's findings let the plan exit 0
     * @throws NullPointerException naming project, stack, config or secretConfig when it is null
     */
    public PlanOptions {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stack, "stack");
        config = Map.copyOf(Objects.requireNonNull(config, "config"));
        secretConfig = Map.copyOf(Objects.requireNonNull(secretConfig, "secretConfig"));
    }

    /**
     * Returns a builder for project {@code project}, stack {@code dev}, no settings, no state.
     *
     * @return a builder for project {@code project}, stack {@code dev}, no settings, no state
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The environment this plan runs in.
     *
     * @return the account, Region and partition, with where each came from
     */
    public PlanEnvironment environment() {
        return PlanEnvironment.resolve(account, region, partition, state, config);
    }

    /** Builds {@link PlanOptions}. */
    public static final class Builder {
        private String project = "project";
        private String stack = "dev";
        private final Map<String, String> config = new LinkedHashMap<>();
        private final Map<String, String> secretConfig = new LinkedHashMap<>();
        private @Nullable StackState state;
        private @Nullable String account;
        private @Nullable String region;
        private @Nullable String partition;
        private boolean allowKeyReplacement;

        private Builder() {
        }

        /**
         * Sets the project name, as in {@code Pulumi.yaml}.
         *
         * @param project the project name. Defaults to {@code project}.
         * @return this builder
         */
        public Builder project(String project) {
            this.project = Objects.requireNonNull(project, "project");
            return this;
        }

        /**
         * Sets the stack name.
         *
         * @param stack the stack name. Defaults to {@code dev}.
         * @return this builder
         */
        public Builder stack(String stack) {
            this.stack = Objects.requireNonNull(stack, "stack");
            return this;
        }

        /**
         * Adds stack settings, as in {@code Pulumi.<stack>.yaml}.
         *
         * @param config settings; a key without a namespace belongs to the project
         * @return this builder
         */
        public Builder config(Map<String, String> config) {
            this.config.putAll(Objects.requireNonNull(config, "config"));
            return this;
        }

        /**
         * Adds secret stack settings, such as the {@code secure:} values of {@code Pulumi.<stack>.yaml}.
         *
         * @param secretConfig settings the program reads as secrets; a key without a namespace belongs to the project
         * @return this builder
         */
        public Builder secretConfig(Map<String, String> secretConfig) {
            this.secretConfig.putAll(Objects.requireNonNull(secretConfig, "secretConfig"));
            return this;
        }

        /**
         * Sets the recorded state to plan against.
         *
         * @param state the state of {@code pulumi stack export}, or {@code null} to plan a new stack (the default)
         * @return this builder
         */
        public Builder state(@Nullable StackState state) {
            this.state = state;
            return this;
        }

        /**
         * Sets the account to plan in.
         *
         * @param account a 12-digit account id, or {@code null} (the default) to take it from the state's ARNs,
         *                else {@value AwsMocks#DEFAULT_ACCOUNT_ID}
         * @return this builder
         */
        public Builder account(@Nullable String account) {
            this.account = account;
            return this;
        }

        /**
         * Sets the Region to plan in.
         *
         * @param region a Region, or {@code null} (the default) to take it from the state's ARNs, else from
         *               {@code aws:region}, else {@value AwsMocks#DEFAULT_REGION}
         * @return this builder
         */
        public Builder region(@Nullable String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the partition to plan in.
         *
         * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}, or {@code null} (the default) to
         *                  take it from the state's ARNs, else from the Region
         * @return this builder
         */
        public Builder partition(@Nullable String partition) {
            this.partition = partition;
            return this;
        }

        /**
         * Lets a plan that would replace or delete a key, move an alias or cut a role off exit 0.
         *
         * @param allowKeyReplacement {@code true} to allow it; the findings are still printed. Defaults to
         *                            {@code false}.
         * @return this builder
         */
        public Builder allowKeyReplacement(boolean allowKeyReplacement) {
            this.allowKeyReplacement = allowKeyReplacement;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public PlanOptions build() {
            return new PlanOptions(project, stack, config, secretConfig, state, account, region, partition,
                    allowKeyReplacement);
        }
    }
}
