package io.github.aidatakeys;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import io.github.aidatakeys.internal.SdkInternals;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * The partition, account and region a component deploys into, looked up once per AWS provider per deployment:
 * a stack with a thousand keys asks three questions, not three thousand.
 */
final class Environments {
    /** Deployment -> provider (or the default one) -> environment. Weak keys: a finished deployment is dropped. */
    private static final Map<Object, Map<Object, Output<Policies.Environment>>> CACHE = new WeakHashMap<>();
    private static final Object DEFAULT_PROVIDER = new Object();
    private static final String TOKEN = "aws:index/getCallerIdentity:getCallerIdentity";

    private Environments() {
    }

    /** The environment of the provider a component's AWS children and look-ups use. */
    public static Output<Policies.Environment> of(Resource component) {
        Object provider = SdkInternals.providerOf(component, TOKEN).map(p -> (Object) p).orElse(DEFAULT_PROVIDER);
        return cached(provider, () -> lookUp(component, null));
    }

    /** The environment of an explicit provider a component's child uses (a replica's, in another Region). */
    public static Output<Policies.Environment> of(Resource component, ProviderResource provider) {
        return cached(provider, () -> lookUp(component, provider));
    }

    /** One look-up per provider and deployment. */
    private static Output<Policies.Environment> cached(Object provider, Supplier<Output<Policies.Environment>> lookUp) {
        Object deployment = Deployment.getInstance();
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(deployment, d -> new HashMap<>()).computeIfAbsent(provider, p -> lookUp.get());
        }
    }

    private static Output<Policies.Environment> lookUp(Resource component,
                                                       @Nullable ProviderResource provider) {
        var builder = InvokeOptions.builder().parent(component);
        if (provider != null) {
            builder.provider(provider);
        }
        var options = builder.build();
        return Output.tuple(
                AwsFunctions.getPartition(GetPartitionArgs.builder().build(), options),
                AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), options),
                AwsFunctions.getRegion(GetRegionArgs.builder().build(), options)
        ).applyValue(t -> new Policies.Environment(t.t1.partition(), t.t2.accountId(), t.t3.name(),
                t.t1.dnsSuffix()));
    }
}
