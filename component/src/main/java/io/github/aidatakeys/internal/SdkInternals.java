package io.github.aidatakeys.internal;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.Provider;
import com.pulumi.provider.internal.ResourceProviderService;
import com.pulumi.provider.internal.models.ConfigureRequest;
import com.pulumi.provider.internal.models.ConfigureResponse;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Every use the component makes of the Pulumi Java SDK's internal packages ({@code com.pulumi.*.internal}), in one
 * place (the architecture tests allow them nowhere else). Each method names the public SDK API it stands in for, or
 * says why there is none. The SDK may change these in any release: an upgrade of {@code com.pulumi:pulumi} is
 * checked here first (pulumi 1.36.1 today).
 */
public final class SdkInternals {
    private SdkInternals() {
    }

    /**
     * A value that is known now; the value itself may be {@code null} (an argument left unset).
     *
     * @param value  the value, or {@code null}
     * @param secret whether the output was marked secret
     */
    public record Known<T>(@Nullable T value, boolean secret) {
    }

    /**
     * The value of an output if it is known now: given as a plain value, or already resolved. Public API: none.
     * {@code Output.applyValue} only runs during a deployment, later; validating before any child is registered,
     * and deciding which children to create, needs the values now.
     */
    public static <T> Optional<Known<T>> knownNow(Output<T> output) {
        var future = Internal.of(output).getDataAsync();
        if (!future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        OutputData<T> data = future.join();
        return data.isKnown() ? Optional.of(new Known<>(data.getValueNullable(), data.isSecret())) : Optional.empty();
    }

    /**
     * The same output without its secret mark, so that a value can be validated while its mark is carried
     * separately ({@link #isSecret}). Public API: none; {@code Output.asSecret()} only goes the other way.
     */
    public static <T> Output<T> plaintext(Output<T> output) {
        return Internal.of(output).asPlaintext();
    }

    /**
     * The value of an output once it resolves, {@code null} included. Public API: {@code Output.applyValue}, which
     * gives another output, not a future that can be combined with the secret mark ({@link #secretWhen}).
     */
    public static <T> CompletableFuture<T> valueNullable(Output<T> output) {
        return Internal.of(output).getValueNullable();
    }

    /**
     * The output, marked secret if it already is or if {@code alsoSecret} completes with {@code true}. Public API:
     * {@code Output.asSecret()}, which marks unconditionally; a mark decided by another output's value has none.
     */
    public static <T> Output<T> secretWhen(Output<T> output, CompletableFuture<Boolean> alsoSecret) {
        var internal = Internal.of(output);
        return internal.withIsSecret(internal.isSecret().thenCombine(alsoSecret, (a, b) -> a || b));
    }

    /** Whether an output is marked secret, once that is known. Public API: none; {@code Output} cannot be asked. */
    public static <T> CompletableFuture<Boolean> isSecret(Output<T> output) {
        return Internal.of(output).isSecret();
    }

    /**
     * The provider a resource uses for the package of a function token, if one was given to it or its parents.
     * Public API: none; {@code ComponentResourceOptions.providers} sets it, nothing reads it back.
     */
    public static Optional<ProviderResource> providerOf(Resource resource, String token) {
        return Internal.from(resource).getProvider(token);
    }

    /**
     * Logs a warning about a resource in the deployment's log, the one {@code pulumi up} shows. Public API:
     * {@code Context.log()}, which only stack programs receive; a component is given no {@code Context}.
     * Outside a deployment (no engine) the warning is dropped.
     */
    public static void warn(String message, Resource resource) {
        if (DeploymentInternal.getInstance() instanceof DeploymentImpl deployment) {
            deployment.getLog().warn(message, resource);
        }
    }

    /**
     * The package schema that the SDK infers from the component classes of a Java package, completed by
     * {@code completeSchema}, as the {@code GetSchema} request of {@link #serveComponents} returns it. Public API: none; the SDK's own host,
     * {@code com.pulumi.provider.internal.ComponentProviderHost}, is internal too and serves the schema as inferred,
     * with no way to add descriptions, namespace or version.
     */
    public static String componentSchema(String packageName, String version, Package components,
                                         UnaryOperator<String> completeSchema) {
        return componentProvider(packageName, version, components, completeSchema)
                .getSchema(new GetSchemaRequest(0, null, null)).join().getSchema();
    }

    /**
     * Serves the components of a Java package to the engine at {@code engineAddress} and blocks until the engine
     * stops the process. Public API: none, as for {@link #componentSchema}.
     *
     * @throws IOException          if the gRPC server cannot start
     * @throws InterruptedException if interrupted while serving
     */
    public static void serveComponents(String engineAddress, String packageName, String version, Package components,
                                       UnaryOperator<String> completeSchema) throws IOException, InterruptedException {
        new ResourceProviderService(engineAddress, componentProvider(packageName, version, components, completeSchema))
                .startAndBlockUntilShutdown();
    }

    /**
     * The provider {@link #serveComponents} runs: the SDK's {@code ComponentProvider}, its schema completed by
     * {@code completeSchema}; construct requests go to the SDK's provider unchanged. Public API: none.
     */
    public static Provider componentProvider(String packageName, String version, Package components,
                                             UnaryOperator<String> completeSchema) {
        return new CompletedSchemaProvider(new ComponentProvider(new Metadata(packageName, version), components),
                completeSchema);
    }

    private record CompletedSchemaProvider(Provider sdkProvider, UnaryOperator<String> completeSchema)
            implements Provider {
        @Override
        public CompletableFuture<ConfigureResponse> configure(ConfigureRequest request) {
            return sdkProvider.configure(request);
        }

        @Override
        public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
            return sdkProvider.getSchema(request)
                    .thenApply(response -> new GetSchemaResponse(completeSchema.apply(response.getSchema())));
        }

        @Override
        public CompletableFuture<ConstructResponse> construct(ConstructRequest request) {
            return sdkProvider.construct(request);
        }
    }
}
