package io.github.aidatakeys.internal;

import java.util.concurrent.ForkJoinPool;

/**
 * The Pulumi Java SDK up to 1.36.1 polls on the common ForkJoinPool. On JDK 25 and later, with a common-pool
 * parallelism of 1 (the default on a 1-2 CPU machine), that poll starves every other task and the program never
 * finishes. Failing with the fix beats a silent hang.
 */
public final class JdkCheck {
    public static final String FIX = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4";
    static final int FIRST_AFFECTED_FEATURE = 25;

    private JdkCheck() {
    }

    public static void requireNoCommonPoolStarvation() {
        var problem = problem(Runtime.version().feature(), ForkJoinPool.getCommonPoolParallelism());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** The message to fail with, or null when this JVM is safe. */
    static String problem(int javaFeature, int commonPoolParallelism) {
        if (javaFeature >= FIRST_AFFECTED_FEATURE && commonPoolParallelism < 2) {
            return "the Pulumi Java SDK hangs on Java " + javaFeature
                    + " when the common ForkJoinPool parallelism is below 2; received: parallelism "
                    + commonPoolParallelism + ". Start the JVM with " + FIX
                    + " (JAVA_TOOL_OPTIONS, MAVEN_OPTS or .mvn/jvm.config)";
        }
        return null;
    }
}
