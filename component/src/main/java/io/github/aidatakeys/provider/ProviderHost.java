package io.github.aidatakeys.provider;

import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.ComponentProviderHost;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import io.github.aidatakeys.EncryptedAiDataKey;

import java.io.IOException;

/**
 * The only place that uses the Pulumi Java SDK's {@code com.pulumi.provider.internal} API (an internal package:
 * it may change in any SDK release). Serving and schema generation share the package name and the Java package
 * scanned, so the schema a test checks is the one the plugin serves.
 */
final class ProviderHost {
    /** The Pulumi package name: the first segment of every type token, {@code aidatakeys:index:...}. */
    static final String PACKAGE_NAME = "aidatakeys";

    private ProviderHost() {
    }

    /**
     * The Java package holding the components. The SDK's host scans it (and its sub-packages) for
     * {@code ComponentResource} subclasses to build the schema, and resolves a type token
     * {@code aidatakeys:index:<Name>} to the class {@code <package>.<Name>}.
     */
    static Package componentPackage() {
        return EncryptedAiDataKey.class.getPackage();
    }

    /** Starts the SDK's component provider host and blocks until the engine stops it. */
    static void serve(String[] args) throws IOException, InterruptedException {
        new ComponentProviderHost(PACKAGE_NAME, componentPackage()).start(args);
    }

    /**
     * The provider {@link #serve} runs: {@code ComponentProviderHost} builds exactly this one (a {@code Metadata}
     * with the name only, hence schema version {@code 0.0.0}) and hands it every {@code GetSchema} and
     * {@code Construct} request. For tests, which call it directly.
     */
    static ComponentProvider provider() {
        return new ComponentProvider(new Metadata(PACKAGE_NAME), componentPackage());
    }

    /** The package schema, as {@code GetSchema} returns it. */
    static String schema() {
        return provider().getSchema(new GetSchemaRequest(0, null, null)).join().getSchema();
    }
}
