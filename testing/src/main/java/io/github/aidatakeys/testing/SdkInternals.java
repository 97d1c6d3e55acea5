package io.github.aidatakeys.testing;

import com.pulumi.Context;
import com.pulumi.Log;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Every use the test kit makes of the Pulumi SDK's internal packages ({@code com.pulumi.*.internal}), in one place.
 * Each method names the public API it stands in for and why that is not enough. The SDK may change these
 * without notice: an upgrade of {@code com.pulumi:pulumi} is checked here first.
 */
final class SdkInternals {
    private SdkInternals() {
    }

    /**
     * Runs a program under the mock engine. Public API: {@code PulumiTest.withMocks(..).withOptions(..).runTest(..)},
     * which has no way to give stack configuration, to mark some of it secret, or to capture the engine's log
     * (where the component's lint warnings go).
     */
    static TestResult runTest(TestOptions options, Mocks mocks, Map<String, String> config, Set<String> secretKeys,
                              Logger logger, Consumer<Context> program) {
        return PulumiTestInternal.builder()
                .options(options)
                .mocks(mocks)
                .config(config, secretKeys)
                .standardLogger(logger)
                .build()
                .runTest(program);
    }

    /**
     * The value of an output, or {@code unknown} when the engine does not know it (a preview). Public API:
     * {@code PulumiTest.extractValue(output)}, which cannot tell an unknown value from {@code null}.
     */
    static Object valueOf(Output<?> output, Object unknown) {
        OutputData<?> data;
        try {
            data = PulumiTestInternal.extractOutputData(output);
        } catch (RuntimeException failed) {
            return unknown;
        }
        return data.isKnown() ? data.getValueNullable() : unknown;
    }

    /**
     * The value of an output if it is already there, else {@code null}, without waiting. Public API: none; a
     * resource transformation runs inside a constructor and must not wait for the deployment (an alias given as a
     * constant is always there).
     */
    static <T> T valueNow(Output<T> output) {
        var data = Internal.of(output).getDataAsync().getNow(null);
        return data == null ? null : data.getValueNullable();
    }

    /** The resources a {@code dependsOn} option names, once resolved. No public API reads a resolved option. */
    static Collection<Resource> dependsOn(Output<List<Resource>> dependsOn) {
        return PulumiTestInternal.extractOutputData(dependsOn).getValueOrDefault(List.of());
    }

    /**
     * A resource's inputs, each an {@code Output}, by name. No public API lists them. Reflection, because this SDK
     * method returns a Guava map, and Guava is on the SDK's runtime class path only.
     */
    static Map<?, ?> inputs(ResourceArgs args) {
        var inputs = (Map<?, ?>) call(InputArgs.InputArgsInternal.from(args), "toMapAsync", Log.class,
                PulumiTestInternal.mockLog());
        return inputs == null ? Map.of() : inputs;
    }

    /**
     * The resources behind a resource's inputs (as {@link #inputs} gives them): those whose outputs flow into them,
     * which Pulumi waits for. No public API lists them. Reflection, for the Guava collection (see above).
     */
    static Set<Resource> resourcesBehindInputs(Map<?, ?> inputs) {
        var found = new LinkedHashSet<Resource>();
        for (var output : inputs.values()) {
            var resources = (Collection<?>) call(Internal.of((Output<?>) output), "getResources", null, null);
            for (var resource : resources == null ? List.of() : resources) {
                found.add((Resource) resource);
            }
        }
        return found;
    }

    /**
     * Whether Pulumi treats an output as a secret; {@code false} for one that failed. No public API tells: the public
     * {@code Output} can make a value secret ({@code asSecret}) but not say whether it is one.
     */
    static boolean isSecret(Output<?> output) {
        return Internal.of(output).isSecret().exceptionally(failed -> false).join();
    }

    /** The names of a resource's inputs (as {@link #inputs} gives them) that are secrets. */
    static Set<String> secretInputs(Map<?, ?> inputs) {
        var secret = new TreeSet<String>();
        inputs.forEach((name, output) -> {
            if (output instanceof Output<?> o && isSecret(o)) {
                secret.add(String.valueOf(name));
            }
        });
        return Collections.unmodifiableSet(secret);
    }

    private static Object call(Object target, String method, Class<?> parameterType, Object argument) {
        try {
            var m = parameterType == null ? target.getClass().getMethod(method)
                    : target.getClass().getMethod(method, parameterType);
            var future = (CompletableFuture<?>) (parameterType == null ? m.invoke(target) : m.invoke(target, argument));
            // An input that failed (a validation error) has no resources to wait for.
            return future.exceptionally(e -> null).join();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Pulumi SDK version is not supported: " + e, e);
        }
    }
}
