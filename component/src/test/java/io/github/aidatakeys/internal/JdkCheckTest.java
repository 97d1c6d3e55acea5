package io.github.aidatakeys.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdkCheckTest {
    @Test
    void java25WithCommonPoolParallelismOneFailsWithTheFix() {
        assertThat(JdkCheck.problem(25, 1)).isEqualTo("the Pulumi Java SDK hangs on Java 25 when the common "
                + "ForkJoinPool parallelism is below 2; received: parallelism 1. Start the JVM with "
                + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4 (JAVA_TOOL_OPTIONS, MAVEN_OPTS or "
                + ".mvn/jvm.config)");
    }

    @Test
    void java25WithParallelismTwoOrMoreIsSafe() {
        assertThat(JdkCheck.problem(25, 2)).isNull();
        assertThat(JdkCheck.problem(26, 4)).isNull();
    }

    @Test
    void java17IsNeverAffected() {
        assertThat(JdkCheck.problem(17, 1)).isNull();
    }

    @Test
    void thisTestJvmIsSafe() {
        JdkCheck.requireNoCommonPoolStarvation();
    }
}
