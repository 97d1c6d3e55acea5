package io.github.aidatakeys.provider;

import java.io.IOException;

/**
 * The entry point of the {@code aidatakeys} Pulumi plugin: serves {@link io.github.aidatakeys.EncryptedAiDataKey}
 * (type {@code aidatakeys:index:EncryptedAiDataKey}) to Pulumi programs written in other languages.
 *
 * <p>Nobody runs this class by hand. The Pulumi CLI starts it, through the Java language host, when a program
 * depends on the package ({@code pulumi package add <path-or-url>/component}); the host runs the Maven project that
 * holds {@code PulumiPlugin.yaml}, and that project's {@code exec:java} configuration names this class. The CLI
 * passes the engine's address as the only argument (plus optional logging flags); the process prints the port it
 * listens on to standard output, then answers the engine's schema and construct requests until it is stopped.
 *
 * <p>The schema is inferred from the component's Java classes by the Pulumi Java SDK, then completed with the
 * package's namespace ({@code aidatakeys}), its version, and a description of the component and of every argument
 * and output (the ones the Javadoc of {@link io.github.aidatakeys.EncryptedAiDataKeyArgs} and
 * {@link io.github.aidatakeys.EncryptedAiDataKey} gives). Each construct request runs the component's public
 * constructor with the arguments the other language sent.
 */
public final class ComponentProviderMain {
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private ComponentProviderMain() {
    }

    /**
     * Serves the package until the Pulumi engine stops the process.
     *
     * @param args the engine's address ({@code host:port}), optionally with the logging flags the engine adds
     * @throws IOException          if the gRPC server cannot start
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        // The Pulumi Java SDK (up to 1.36.1) hangs on Java 25+ when the common ForkJoinPool has a parallelism below
        // 2 (a 1-2 CPU machine). This only helps while nothing has used the pool yet, as in a JVM started for the
        // plugin alone; under Maven's exec:java the pool already exists, and the repository's .mvn/jvm.config sets
        // the flag for Maven's JVM instead. An explicit setting always wins.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, "4");
        }
        ProviderHost.serve(args);
    }
}
