package io.github.aidatakeys.benchmarks;

import io.github.aidatakeys.AwsService;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.EncryptedAiDataKeyArgs;
import io.github.aidatakeys.testing.OfflineStack;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/**
 * Runs a stack with one {@link EncryptedAiDataKey} under the mock engine ({@link OfflineStack}, as an offline plan
 * or a unit test does) in a fresh JVM, and prints how long after the JVM's start the program finished:
 * <pre>
 * startup-ms process=2350 jvm=2290 resources=7 ok
 * </pre>
 * {@code process} counts from the operating system's start of the process (10 ms resolution on Linux), {@code jvm}
 * from the JVM's own start time. {@code benchmarks/startup.sh} runs it repeatedly with different JVM flags. It
 * exits with status 1 if the stack failed.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    /**
     * Runs the one-component stack and prints the time since the JVM started.
     *
     * @param args none
     */
    public static void main(String[] args) {
        var result = OfflineStack.builder().projectName("startup").build().run(ctx -> {
            var key = new EncryptedAiDataKey("ai-data", EncryptedAiDataKeyArgs.builder()
                    .aliasName("alias/ai-data")
                    .allowedServices(AwsService.EC2)
                    .build(), null);
            ctx.export("keyArn", key.keyArn());
            ctx.export("roleArn", key.roleArn());
        });
        long end = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long processStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(jvmStart);
        System.out.printf(Locale.ROOT, "startup-ms process=%d jvm=%d resources=%d %s%n", end - processStart,
                end - jvmStart, result.resources().size(), result.succeeded() ? "ok" : "FAILED " + result.errors());
        System.exit(result.succeeded() ? 0 : 1);
    }
}
