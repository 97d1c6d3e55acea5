package io.github.aidatakeys.provider;

import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.internal.SdkInternals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Serves the package to other languages. It does what the SDK's {@code ComponentProviderHost} does (read the
 * engine's address, start the provider service), with one difference: the schema the SDK infers is completed
 * (descriptions, namespace, version; see {@link SchemaDocs}). Construct requests go to the SDK's provider unchanged.
 * The SDK's provider API is internal: {@link SdkInternals} holds every call to it, and serving and schema
 * generation share {@link #completeSchema}, so the schema a test checks is the one the plugin serves.
 */
final class ProviderHost {
    /** The Pulumi package name: the first segment of every type token, {@code aidatakeys:index:...}. */
    static final String PACKAGE_NAME = "aidatakeys";
    /**
     * The package's namespace, which the SDKs generated from the schema are named after (for example the npm
     * package {@code @aidatakeys/aidatakeys}). The SDK would take {@code github} from the Java package.
     */
    static final String NAMESPACE = "aidatakeys";
    /** The version when the build-filled {@code plugin.properties} is missing, as the SDK's own default. */
    static final String UNKNOWN_VERSION = "0.0.0";
    private static final String PLUGIN_PROPERTIES = "plugin.properties";

    private ProviderHost() {
    }

    /**
     * The Java package holding the components. The SDK scans it (and its sub-packages) for
     * {@code ComponentResource} subclasses to build the schema, and resolves a type token
     * {@code aidatakeys:index:<Name>} to the class {@code <package>.<Name>}.
     */
    static Package componentPackage() {
        return EncryptedAiDataKey.class.getPackage();
    }

    /** Starts serving the package and blocks until the engine stops the process. */
    static void serve(String[] args) throws IOException, InterruptedException {
        String engineAddress;
        try {
            engineAddress = engineAddress(args);
        } catch (IllegalArgumentException e) {
            // As the SDK's ComponentProviderHost does: the engine shows standard output when a plugin fails.
            System.out.println(e.getMessage());
            System.out.printf("Arguments received: %s%n", String.join(", ", args));
            System.exit(1);
            return;
        }
        SdkInternals.serveComponents(engineAddress, PACKAGE_NAME, version(), componentPackage(),
                ProviderHost::completeSchema);
    }

    /**
     * The engine's address among the plugin's arguments: the one argument left once the logging and tracing flags
     * the engine may add are removed (the rules of the SDK's {@code ComponentProviderHost}, 1.36.1).
     *
     * @throws IllegalArgumentException if no argument, or more than one, is left
     */
    static String engineAddress(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--logtostderr") || arg.startsWith("-v=") || arg.equals("--logflow")) {
                continue;
            }
            if (arg.equals("--tracing")) {
                i++; // its value
                continue;
            }
            rest.add(arg);
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("No engine address provided in arguments");
        }
        if (rest.size() > 1) {
            throw new IllegalArgumentException(String.format(
                    "Expected exactly one engine address argument, but got %d non-logging arguments", rest.size()));
        }
        return rest.get(0);
    }

    /** The package schema, as {@code GetSchema} returns it. */
    static String schema() {
        return SdkInternals.componentSchema(PACKAGE_NAME, version(), componentPackage(), ProviderHost::completeSchema);
    }

    /** The schema the SDK infers, completed with the package's namespace, version and descriptions. */
    static String completeSchema(String inferred) {
        return SchemaDocs.complete(inferred, componentPackage(), new SchemaDocs.PackageFacts(NAMESPACE, version(),
                description()));
    }

    /**
     * The library's version ({@code project.version}, written into {@code plugin.properties} by the build), so that
     * the SDKs generated from the schema carry it; {@value #UNKNOWN_VERSION} if the file is missing or unfilled.
     */
    static String version() {
        return pluginProperty("version").orElse(UNKNOWN_VERSION);
    }

    /** The library's one-line description, from the same file. */
    static Optional<String> description() {
        return pluginProperty("description");
    }

    private static Optional<String> pluginProperty(String key) {
        try (InputStream in = ProviderHost.class.getResourceAsStream(PLUGIN_PROPERTIES)) {
            if (in == null) {
                return Optional.empty();
            }
            var properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty(key))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty() && !v.contains("${"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PLUGIN_PROPERTIES, e);
        }
    }
}
