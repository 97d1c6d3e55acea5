package io.github.aidatakeys.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The offline plan's command line ({@link OfflinePlan#main(String[])}), run inside a test: the same arguments CI
 * passes, with the exit code and what the command printed captured instead of the JVM exiting.
 *
 * <pre>{@code
 * PlanCommand.Result run = PlanCommand.run("--program", App.class.getName(), "--project", "my-stack",
 *         "--stack", "prod", "--stack-config", "Pulumi.prod.yaml",
 *         "--state", "src/test/resources/prod-state.json");
 * assertThat(run.exitCode()).as(run.out()).isZero();
 * assertThat(run.err()).isEmpty();
 * }</pre>
 */
public final class PlanCommand {
    private PlanCommand() {
    }

    /**
     * What one run of the command line gave.
     *
     * @param exitCode 0 when the plan may proceed, 1 when the program failed or the data-loss guard blocks it, 2 for
     *                 bad arguments (as {@link OfflinePlan#run(String[], PrintStream, PrintStream)})
     * @param out      what the command printed on standard output: the plan
     * @param err      what the command printed on standard error: usage errors and why the plan is blocked
     */
    public record Result(int exitCode, String out, String err) {
    }

    /**
     * Runs the command line with these arguments.
     *
     * @param args the command-line arguments, as {@link OfflinePlan#main(String[])} takes them
     * @return the exit code and the captured output, both streams decoded as UTF-8
     */
    public static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var code = OfflinePlan.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
