package io.github.aidatakeys.benchmarks;

import com.pulumi.Context;
import io.github.aidatakeys.testing.OfflinePlan;
import io.github.aidatakeys.testing.OfflineStack;
import io.github.aidatakeys.testing.PlanOptions;
import io.github.aidatakeys.testing.StackState;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What planning against a stack's state costs: the offline plan of a stack of N components with the state of
 * that stack ({@code --state}, every resource matched and compared, the data-loss guard run) against the plan of
 * the same program as a new stack, in the same run. It prints figures; it asserts nothing.
 *
 * <p>One measurement is what the command line does: {@link OfflinePlan#plan} (the program under the mock engine)
 * and the text of the plan. The state is parsed once, before the measurements, as it would be read once per run.
 * With and without state run as pairs, back to back, alternating which goes first; the ratio is the median of
 * the per-pair ratios.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests}):
 * <pre>
 * java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
 *      -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath)" \
 *      io.github.aidatakeys.benchmarks.PlanBenchmark [--rounds 8] [--warmup 2] [--sizes 1,100]
 * </pre>
 */
public final class PlanBenchmark {
    private static final PrintStream OUT = System.out;

    private PlanBenchmark() {
    }

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param args {@code --rounds R}, {@code --warmup W}, {@code --sizes 1,100}
     */
    public static void main(String[] args) {
        int rounds = 8;
        int warmup = 2;
        int[] sizes = {1, 100};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        OUT.printf(Locale.ROOT, "== Offline plan with and without the stack's state (%s, %d CPUs, %d rounds after %d "
                        + "warm-up)%n", System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), rounds, warmup);
        for (int n : sizes) {
            var program = Programs.component(n, true);
            var state = stateOf(program, n);
            int pairs = Math.max(1, (int) Math.round(Math.sqrt(100.0 / n)) * 4);
            var without = new ArrayList<Double>();
            var with = new ArrayList<Double>();
            var ratios = new ArrayList<Double>();
            for (int round = 0; round < warmup + rounds; round++) {
                for (int p = 0; p < pairs; p++) {
                    boolean stateFirst = (round + p) % 2 == 0;
                    double a;
                    double b;
                    if (stateFirst) {
                        b = time(program, state);
                        a = time(program, null);
                    } else {
                        a = time(program, null);
                        b = time(program, state);
                    }
                    if (round >= warmup) {
                        without.add(a);
                        with.add(b);
                        ratios.add(b / a);
                    }
                }
            }
            OUT.printf(Locale.ROOT, "  N = %4d components (%d resources in the state): without state %.1f ms, "
                            + "with state %.1f ms (medians of %d); with/without %.2f (median of the per-pair ratios, "
                            + "min %.2f, max %.2f)%n", n, state.resources().size(), median(without), median(with),
                    with.size(), median(ratios), ratios.stream().mapToDouble(d -> d).min().orElse(0),
                    ratios.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    /** The state {@code pulumi up} of the program leaves: every resource the plan will find unchanged. */
    static StackState stateOf(Consumer<Context> program, int n) {
        var run = OfflineStack.builder().projectName("bench").build().run(program);
        if (!run.succeeded()) {
            throw new IllegalStateException("the program failed: " + run.errors());
        }
        var state = StackState.parse(StackState.export(run, "bench", "dev"), "N=" + n);
        var plan = OfflinePlan.plan(program, PlanOptions.builder().project("bench").state(state).build());
        var changed = plan.changes().orElseThrow().stream()
                .filter(c -> c.kind() != io.github.aidatakeys.testing.ResourceChange.Kind.UNCHANGED).toList();
        if (!changed.isEmpty() || plan.exitCode() != 0) {
            throw new IllegalStateException("the state should match the program; changes: " + changed);
        }
        return state;
    }

    static double time(Consumer<Context> program, StackState state) {
        var options = PlanOptions.builder().project("bench").state(state).build();
        long start = System.nanoTime();
        var plan = OfflinePlan.plan(program, options);
        var text = plan.text();
        long elapsed = System.nanoTime() - start;
        if (text.isEmpty() || plan.exitCode() != 0) {
            throw new IllegalStateException("the plan failed:\n" + text);
        }
        return elapsed / 1e6;
    }

    static double median(List<Double> values) {
        return values.isEmpty() ? Double.NaN
                : StackBenchmark.Stats.median(values.stream().mapToDouble(d -> d).toArray());
    }
}
