package io.github.aidatakeys.testing;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs a Pulumi Java stack program under the SDK's mock engine, with no cloud and no Pulumi CLI, and records what
 * it registers: every resource with its inputs, parent, provider and the options that matter
 * ({@code retainOnDelete}, {@code protect}, aliases), the stack outputs, errors and log messages.
 *
 * <pre>{@code
 * OfflineResult result = OfflineStack.builder()
 *         .projectName("ec2-ai-service")
 *         .config(Map.of("aliasName", "alias/my-key"))
 *         .build()
 *         .run(App::stack);
 * RecordedResource key = result.resource("aws:kms/key:Key", "ai-data-key");
 * assertTrue(key.retainOnDelete());
 * }</pre>
 *
 * <p>Runs are serialised: the Pulumi SDK keeps one deployment per JVM.
 */
public final class OfflineStack {
    /** Stands for a value that is only known after deployment (in preview mode). */
    public static final String UNKNOWN = "(known after deploy)";
    private static final Object LOCK = new Object();

    private final String projectName;
    private final String stackName;
    private final boolean preview;
    private final Map<String, String> config;
    private final Set<String> secretKeys;
    private final Mocks mocks;

    private OfflineStack(Builder b) {
        this.projectName = b.projectName;
        this.stackName = b.stackName;
        this.preview = b.preview;
        this.config = Map.copyOf(b.config);
        this.secretKeys = Set.copyOf(b.secretKeys);
        this.mocks = b.mocks;
    }

    /**
     * Returns a builder for project {@code project}, stack {@code dev}, not in preview, with {@link AwsMocks}.
     *
     * @return a builder for project {@code project}, stack {@code dev}, not in preview, with {@link AwsMocks}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the program and records what it registers. Never throws for a failing program: see
     * {@link OfflineResult#exceptions()}.
     *
     * @param program the stack program, usually {@code App::stack}
     * @return what the program registered and exported
     */
    public OfflineResult run(Consumer<Context> program) {
        synchronized (LOCK) {
            var registered = Collections.synchronizedList(new ArrayList<Registered>());
            var options = Collections.synchronizedMap(new HashMap<String, Seen>());
            var recordingMocks = new Mocks() {
                @Override
                public CompletableFuture<Mocks.ResourceResult> newResourceAsync(Mocks.ResourceArgs args) {
                    return mocks.newResourceAsync(args).thenApply(result -> {
                        registered.add(new Registered(args, result));
                        return result;
                    });
                }

                @Override
                public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                    return mocks.callAsync(args);
                }
            };
            ResourceTransformation recordOptions = args -> {
                var r = args.resource();
                if (mocks instanceof RegistrationObserver observer) {
                    observer.observe(args);
                }
                options.put(key(r.pulumiResourceType(), r.pulumiResourceName()),
                        new Seen(args.args(), args.options(), r instanceof CustomResource));
                return Optional.empty();
            };
            var logs = Collections.synchronizedList(new ArrayList<String>());
            var logger = Logger.getAnonymousLogger();
            logger.setUseParentHandlers(false);
            logger.setLevel(Level.INFO);
            logger.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logs.add(record.getLevel() + " " + record.getMessage());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            var fullConfig = new HashMap<String, String>();
            config.forEach((k, v) -> fullConfig.put(qualified(k), v));
            var fullSecretKeys = new HashSet<String>();
            secretKeys.forEach(k -> fullSecretKeys.add(qualified(k)));
            try {
                var testOptions = TestOptions.builder()
                        .projectName(projectName)
                        .stackName(stackName)
                        .preview(preview)
                        .resourceTransformations(List.of(recordOptions))
                        .build();
                TestResult result;
                try {
                    result = SdkInternals.runTest(testOptions, recordingMocks, fullConfig, fullSecretKeys, logger, program);
                } catch (RuntimeException e) {
                    // The SDK rethrows some failures (an input that failed to resolve) instead of reporting them.
                    return new OfflineResult(resources(registered, options), Map.of(), List.of(e.getMessage()),
                            List.of(e), List.copyOf(logs), 1);
                }
                var outputs = new LinkedHashMap<String, Object>();
                var secretOutputs = new TreeSet<String>();
                result.outputs().forEach((name, output) -> {
                    outputs.put(name, valueOf(output));
                    if (SdkInternals.isSecret(output)) {
                        secretOutputs.add(name);
                    }
                });
                return new OfflineResult(resources(registered, options), outputs, result.errors(),
                        result.exceptions(), List.copyOf(logs), result.exitCode(),
                        Collections.unmodifiableSet(secretOutputs));
            } finally {
                PulumiTest.cleanup();
            }
        }
    }

    /** A key without a namespace belongs to the project, as in {@code Pulumi.<stack>.yaml}. */
    private String qualified(String key) {
        return key.contains(":") ? key : projectName + ":" + key;
    }

    /**
     * The value of an output after a run: {@link #UNKNOWN} when it is not known (in a preview).
     *
     * @param output any output of the run
     * @return the value, {@code null}, or {@link #UNKNOWN}
     */
    public static Object valueOf(Output<?> output) {
        return SdkInternals.valueOf(output, UNKNOWN);
    }

    private static List<RecordedResource> resources(List<Registered> registered, Map<String, Seen> options) {
        var out = new ArrayList<RecordedResource>();
        synchronized (registered) {
            for (var r : registered) {
                var seen = options.get(key(r.args.type, r.args.name));
                ResourceOptions o = seen == null ? null : seen.options;
                var parent = o == null ? null : o.getParent().orElse(null);
                @SuppressWarnings("unchecked")
                var state = r.result.state instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
                // The inputs as Outputs, converted once: both the dependencies and the secrets are read from them.
                var inputs = seen == null ? Map.of() : SdkInternals.inputs(seen.args);
                out.add(new RecordedResource(
                        r.args.type,
                        r.args.name,
                        parent == null ? null : parent.pulumiResourceType(),
                        parent == null ? null : parent.pulumiResourceName(),
                        seen == null || seen.custom,
                        Collections.unmodifiableMap(new LinkedHashMap<>(r.args.inputs)),
                        Collections.unmodifiableMap(new LinkedHashMap<>(state)),
                        r.args.provider == null || r.args.provider.isEmpty() ? null : r.args.provider,
                        o != null && o.isRetainOnDelete(),
                        o != null && o.isProtect(),
                        o == null ? List.of() : List.copyOf(o.getAliases()),
                        seen == null ? List.of() : dependencies(seen, inputs),
                        o instanceof CustomResourceOptions custom
                                ? custom.getImportId().orElse(null) : null,
                        SdkInternals.secretInputs(inputs)));
            }
        }
        return out;
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }

    /** Mocks that need to see each resource (its parent, its aliases) before it is registered. */
    interface RegistrationObserver {
        void observe(ResourceTransformation.Args args);
    }

    private record Registered(Mocks.ResourceArgs args, Mocks.ResourceResult result) {
    }

    private record Seen(ResourceArgs args, ResourceOptions options, boolean custom) {
    }

    /**
     * The resources a registration waits for, computed as Pulumi does: every resource behind an input
     * {@code Output}, plus {@code dependsOn}; a component stands for the custom resources inside it.
     * Called after the run, when every output has resolved.
     */
    private static List<String> dependencies(Seen seen, Map<?, ?> inputs) {
        var found = new LinkedHashSet<Resource>(SdkInternals.resourcesBehindInputs(inputs));
        try {
            found.addAll(SdkInternals.dependsOn(seen.options.getDependsOn()));
        } catch (RuntimeException failedDependency) {
            // reported through the run's errors
        }
        var names = new TreeSet<String>();
        for (var resource : found) {
            addCustom(resource, names);
        }
        return List.copyOf(names);
    }

    private static void addCustom(Resource resource, Set<String> names) {
        if (resource instanceof CustomResource) {
            names.add(key(resource.pulumiResourceType(), resource.pulumiResourceName()));
        } else {
            resource.pulumiChildResources().forEach(child -> addCustom(child, names));
        }
    }

    /** Builds an {@link OfflineStack}. */
    public static final class Builder {
        private String projectName = "project";
        private String stackName = "dev";
        private boolean preview;
        private final Map<String, String> config = new HashMap<>();
        private final Set<String> secretKeys = new HashSet<>();
        private Mocks mocks = new AwsMocks();

        private Builder() {
        }

        /**
         * Sets projectName: the Pulumi project name, as in {@code Pulumi.yaml}; config keys without a namespace belong to it.
         *
         * @param projectName the Pulumi project name, as in {@code Pulumi.yaml}; config keys without a namespace
         *                    belong to it. Defaults to {@code project}.
         * @return this builder
         */
        public Builder projectName(String projectName) {
            this.projectName = Objects.requireNonNull(projectName, "projectName");
            return this;
        }

        /**
         * Sets stackName: the stack name.
         *
         * @param stackName the stack name. Defaults to {@code dev}.
         * @return this builder
         */
        public Builder stackName(String stackName) {
            this.stackName = Objects.requireNonNull(stackName, "stackName");
            return this;
        }

        /**
         * Sets preview: {@code true} to run as {@code pulumi preview} does: outputs of new resources are unknown.
         *
         * @param preview {@code true} to run as {@code pulumi preview} does: outputs of new resources are unknown.
         *                Defaults to {@code false}.
         * @return this builder
         */
        public Builder preview(boolean preview) {
            this.preview = preview;
            return this;
        }

        /**
         * Stack configuration, as in {@code Pulumi.<stack>.yaml}. A key without a namespace belongs to the project;
         * {@code aws:region} and other namespaced keys are taken as they are.
         *
         * @param config configuration values
         * @return this builder
         */
        public Builder config(Map<String, String> config) {
            this.config.putAll(config);
            return this;
        }

        /**
         * Secret stack configuration, as {@code pulumi config set --secret} writes it: the program reads these values
         * with {@code ctx.config().requireSecret(..)} and everything derived from them is secret. Keys are namespaced
         * as in {@link #config(Map)}.
         *
         * @param secretConfig secret configuration values
         * @return this builder
         */
        public Builder secretConfig(Map<String, String> secretConfig) {
            this.config.putAll(secretConfig);
            this.secretKeys.addAll(secretConfig.keySet());
            return this;
        }

        /**
         * Sets mocks: the mocks that answer resource registrations and invokes.
         *
         * @param mocks the mocks that answer resource registrations and invokes. Defaults to {@link AwsMocks}.
         * @return this builder
         */
        public Builder mocks(Mocks mocks) {
            this.mocks = Objects.requireNonNull(mocks, "mocks");
            return this;
        }

        /**
         * Returns the offline stack.
         *
         * @return the offline stack
         */
        public OfflineStack build() {
            return new OfflineStack(this);
        }
    }

    /**
     * Returns the configured mocks.
     *
     * @return the configured mocks
     */
    public Mocks mocks() {
        return mocks;
    }

    /**
     * Returns whether this stack runs as a preview.
     *
     * @return whether this stack runs as a preview
     */
    public boolean preview() {
        return preview;
    }

    /**
     * Returns the project name.
     *
     * @return the project name
     */
    public String projectName() {
        return projectName;
    }

    /**
     * Returns the stack name.
     *
     * @return the stack name
     */
    public String stackName() {
        return stackName;
    }
}
