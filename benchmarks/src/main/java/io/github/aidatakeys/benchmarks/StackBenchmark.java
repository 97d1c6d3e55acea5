package io.github.aidatakeys.benchmarks;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.github.aidatakeys.EncryptedAiDataKey;
import io.github.aidatakeys.testing.AwsMocks;
import io.github.aidatakeys.testing.OfflineResult;
import io.github.aidatakeys.testing.OfflineStack;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Measures what {@link EncryptedAiDataKey} costs a stack program, against the same four resources written by
 * hand, under the Pulumi SDK's mock engine: wall time and heap allocation per instance for stacks of N instances.
 *
 * <p>Each measurement is one whole stack run ({@code PulumiTest.runTest} with {@link AwsMocks}): the SDK sets up a
 * deployment, runs the program, registers every resource with the mocks and waits until all outputs resolve. The
 * hand-written program (a) and the component program (b) are run as <em>pairs</em>, back to back, alternating
 * which goes first, and the stack sizes are interleaved within every round, so that a noisy machine slows both
 * sides alike. Smaller stacks get more pairs per round (about {@code sqrt(1000 / N)}) so every size gets a
 * comparable share of the time. Warm-up rounds run first and are discarded.
 *
 * <p>It also prints the machine, the component's footprint (see {@link Footprint}) and the depth of its resource
 * graph (see {@link ResourceGraph}), computed from an {@link OfflineStack} run.
 *
 * <p>Usage (from the repository root, after {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests}):
 * <pre>
 * java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
 *      -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath)" \
 *      io.github.aidatakeys.benchmarks.StackBenchmark [--rounds 8] [--warmup 2] [--sizes 1,10,100,1000]
 * </pre>
 * Options:
 * <ul>
 *   <li>{@code --rounds R}: measured rounds (default 8); a round runs one pair at the largest size and more
 *       pairs at smaller sizes;</li>
 *   <li>{@code --warmup W}: rounds run first and discarded (default 2);</li>
 *   <li>{@code --sizes 1,10,100,1000}: the stack sizes N;</li>
 *   <li>{@code --with-instance-profile}: let each component create the EC2 instance profile it creates by
 *       default (the hand-written program has none, so by default the comparison turns it off);</li>
 *   <li>{@code --no-footprint}, {@code --no-graph}: skip those sections.</li>
 * </ul>
 * With the defaults it takes about two minutes on two idle cores, longer on a busy machine.
 */
public final class StackBenchmark {
    private static final PrintStream OUT = System.out;
    private static final TestOptions OPTIONS = TestOptions.builder().projectName("bench").stackName("dev").build();

    private final ThreadMeter meter = new ThreadMeter();
    private final boolean instanceProfile;
    /** Resources a run registers: {@code [variant][0]} with one instance, {@code [variant][1]} per further one. */
    private final Map<Variant, int[]> resourceCounts = new EnumMap<>(Variant.class);
    private int flaggedSamples;

    private StackBenchmark(boolean instanceProfile) {
        this.instanceProfile = instanceProfile;
    }

    private Consumer<Context> program(Variant variant, int n) {
        return variant == Variant.HAND_WRITTEN ? Programs.handWritten(n) : Programs.component(n, instanceProfile);
    }

    /** The two programs compared. */
    enum Variant {
        HAND_WRITTEN("a hand-written"), COMPONENT("b component");

        final String label;

        Variant(String label) {
            this.label = label;
        }

    }

    /**
     * One stack run.
     *
     * @param wallNanos elapsed time of {@code runTest}
     * @param cpuNanos  CPU time the JVM's Java threads used meanwhile (the program and the SDK; not GC, not JIT)
     * @param gcMillis  time the collectors reported meanwhile
     * @param bytes     heap bytes allocated by all threads (see {@link ThreadMeter})
     */
    record Sample(long wallNanos, long cpuNanos, long gcMillis, long bytes) {
    }

    /** What is reported of a sample, per instance. */
    enum Metric {
        WALL("wall ms", 1e6, "%.3f"), CPU("cpu ms", 1e6, "%.3f"), GC("gc ms", 1, "%.3f"), ALLOCATED("alloc KiB", 1024, "%.0f");

        final String label;
        /** The label's first word, for narrow columns. */
        final String name;
        final double unit;
        final String format;

        Metric(String label, double unit, String format) {
            this.label = label;
            this.name = label.contains(" ") ? label.substring(0, label.indexOf(' ')) : label;
            this.unit = unit;
            this.format = format;
        }

        /**
         * Returns the value in this metric's unit, for the whole run.
         *
         * @return the value in this metric's unit, for the whole run
         */
        double of(Sample s) {
            return switch (this) {
                case WALL -> s.wallNanos();
                case CPU -> s.cpuNanos();
                case GC -> s.gcMillis();
                case ALLOCATED -> s.bytes();
            } / unit;
        }
    }

    /** The samples of one stack size. */
    static final class Series {
        final int n;
        final List<Sample> a = new ArrayList<>();
        final List<Sample> b = new ArrayList<>();
        final List<Sample> empty = new ArrayList<>();

        Series(int n) {
            this.n = n;
        }
    }

    /**
     * Runs the benchmark and prints the results.
     *
     * @param args see the class documentation
     * @throws Exception if a stack run fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = 8;
        int warmup = 2;
        int[] sizes = {1, 10, 100, 1000};
        boolean footprint = true;
        boolean graph = true;
        boolean instanceProfile = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--no-footprint" -> footprint = false;
                case "--no-graph" -> graph = false;
                case "--with-instance-profile" -> instanceProfile = true;
                case "--help", "-h" -> {
                    OUT.println("usage: StackBenchmark [--rounds R] [--warmup W] [--sizes 1,10,100,1000] "
                            + "[--no-footprint] [--no-graph] [--with-instance-profile]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i] + " (try --help)");
            }
        }
        if (rounds < 1 || warmup < 0 || sizes.length == 0 || Arrays.stream(sizes).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("need --rounds >= 1, --warmup >= 0 and sizes >= 1");
        }
        long start = System.nanoTime();
        printMachine();
        if (footprint) {
            OUT.println();
            Footprint.print(OUT);
        }
        int depth = -1;
        if (graph) {
            OUT.println();
            depth = printGraph(instanceProfile);
        }
        OUT.println();
        new StackBenchmark(instanceProfile).run(rounds, warmup, sizes, depth);
        OUT.printf(Locale.ROOT, "%nTotal time: %.0f s; load average at the end: %.2f%n",
                (System.nanoTime() - start) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void printMachine() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        OUT.println("== Machine");
        OUT.println("  cpu: " + cpuModel() + "; available processors (nproc): "
                + Runtime.getRuntime().availableProcessors()
                + "; load average now: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        OUT.println("  java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        OUT.println("  jvm flags: " + runtime.getInputArguments() + "; max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; gc "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList()
                + "; common pool parallelism " + ForkJoinPool.getCommonPoolParallelism());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Prints what one instance of each program registers, how their inputs differ, and the critical path of the
     * component's resource graph; returns the graph's depth for one instance.
     */
    private static int printGraph(boolean instanceProfile) {
        var component = checked(OfflineStack.builder().build().run(Programs.component(1, instanceProfile)));
        var hand = checked(OfflineStack.builder().build().run(Programs.handWritten(1)));
        OUT.println("== What one instance registers (OfflineStack)");
        OUT.println("  a hand-written: " + describe(hand));
        OUT.println("  b component:    " + describe(component) + (instanceProfile
                ? " (with the EC2 instance profile it creates by default)"
                : " (createInstanceProfile(false): the EC2 default would add an instance profile)"));
        var differences = Comparison.differences(hand, component);
        OUT.println(differences.isEmpty()
                ? "  inputs and options of the common resources: identical (ids derived from names aside)"
                : "  differences (ids derived from names aside):");
        differences.forEach(d -> OUT.println("    " + d));
        OUT.println();
        OUT.println("== Resource graph (dependencies Pulumi computed from inputs, recorded by OfflineStack)");
        var one = ResourceGraph.of(component);
        var name = Programs.instanceName(0);
        var key = Programs.KEY + "::" + name + "-key";
        var role = Programs.ROLE + "::" + name + "-role";
        for (var node : one.nodes()) {
            OUT.printf(Locale.ROOT, "  %-52s depth %d, waits for %s%n", node, one.depthOf(node),
                    one.dependenciesOf(node).isEmpty() ? "nothing" : one.dependenciesOf(node));
        }
        OUT.println("  component, 1 instance: depth " + one.depth() + "; critical path "
                + String.join(" -> ", one.criticalPath()) + "; key waits for role: " + one.waitsFor(key, role));
        var ten = ResourceGraph.of(checked(OfflineStack.builder().build().run(Programs.component(10, true))));
        OUT.println("  component, 10 instances with instance profiles in one stack: depth " + ten.depth()
                + " (instances are independent; the instance profile waits for the role only)");
        var handGraph = ResourceGraph.of(hand);
        OUT.println("  hand-written, 1 instance: depth " + handGraph.depth() + "; critical path "
                + String.join(" -> ", handGraph.criticalPath()));
        return one.depth();
    }

    private static String describe(OfflineResult result) {
        var custom = Comparison.customResources(result);
        int components = result.withoutStack().size() - custom.size();
        return custom.size() + " custom resources " + custom.stream().map(r -> r.type().substring(
                r.type().lastIndexOf(':') + 1)).toList() + (components > 0 ? " + " + components + " component" : "")
                + " per instance";
    }

    private static OfflineResult checked(OfflineResult r) {
        if (!r.succeeded()) {
            throw new IllegalStateException("the stack failed: " + r.errors() + " " + r.failure().orElse(null));
        }
        return r;
    }

    /** Pairs per round for stack size {@code n}: about {@code sqrt(largest / n)}, at least one. */
    static int pairsPerRound(int n, int largest) {
        return Math.max(1, (int) Math.round(Math.sqrt((double) largest / n)));
    }

    private void run(int rounds, int warmup, int[] sizes, int depth) {
        int largest = Arrays.stream(sizes).max().orElseThrow();
        var series = new LinkedHashMap<Integer, Series>();
        for (int n : sizes) {
            series.put(n, new Series(n));
        }
        OUT.println("== Stack runs under the mock engine (PulumiTest.runTest with AwsMocks)");
        OUT.printf(Locale.ROOT, "  %d warm-up + %d measured rounds; pairs per round:", warmup, rounds);
        for (int n : sizes) {
            OUT.printf(Locale.ROOT, " N=%d: %d", n, pairsPerRound(n, largest));
        }
        OUT.println();
        OUT.println("  allocated bytes and cpu time = sum over all live Java threads of HotSpot's per-thread "
                + "counters (com.sun.management.ThreadMXBean), after the run minus before, common pool quiescent "
                + "before and after: every heap allocation of the run counts, the SDK's included.");
        OUT.flush();
        // How many resources a correct run registers, to check every measured run.
        for (var v : Variant.values()) {
            int one = countResources(program(v, 1));
            resourceCounts.put(v, new int[]{one, countResources(program(v, 2)) - one});
        }
        long order = 0;
        for (int round = -warmup; round < rounds; round++) {
            System.err.printf(Locale.ROOT, "%s round %d/%d%n", round < 0 ? "warm-up" : "measured",
                    round < 0 ? round + warmup + 1 : round + 1, round < 0 ? warmup : rounds);
            // Alternate the order of sizes from round to round too.
            for (int k = 0; k < sizes.length; k++) {
                int n = sizes[(round & 1) == 0 ? k : sizes.length - 1 - k];
                var s = series.get(n);
                for (int p = 0; p < pairsPerRound(n, largest); p++) {
                    boolean aFirst = (order++ & 1) == 0;
                    var first = measure(aFirst ? Variant.HAND_WRITTEN : Variant.COMPONENT, n);
                    var second = measure(aFirst ? Variant.COMPONENT : Variant.HAND_WRITTEN, n);
                    Sample empty = n == sizes[0] ? measureEmpty() : null;
                    if (round >= 0) {
                        s.a.add(aFirst ? first : second);
                        s.b.add(aFirst ? second : first);
                        if (empty != null) {
                            s.empty.add(empty);
                        }
                    }
                }
            }
        }
        report(series, depth);
    }

    private Sample measure(Variant variant, int n) {
        var counts = resourceCounts.get(variant);
        return measure(program(variant, n), counts[0] + counts[1] * (n - 1), variant.label + " N=" + n);
    }

    private static int countResources(Consumer<Context> program) {
        try {
            return PulumiTest.withMocks(new AwsMocks()).withOptions(OPTIONS).runTest(program).throwOnError()
                    .resources().size();
        } finally {
            PulumiTest.cleanup();
        }
    }

    private Sample measureEmpty() {
        return measure(ctx -> { }, 1, "empty stack");
    }

    private Sample measure(Consumer<Context> program, int expectedResources, String what) {
        var pool = ForkJoinPool.commonPool();
        pool.awaitQuiescence(10, TimeUnit.SECONDS);
        System.gc();
        long gc0 = gcMillis();
        var before = meter.snapshot();
        long t0 = System.nanoTime();
        TestResult result = PulumiTest.withMocks(new AwsMocks()).withOptions(OPTIONS).runTest(program);
        long wall = System.nanoTime() - t0;
        PulumiTest.cleanup();
        pool.awaitQuiescence(10, TimeUnit.SECONDS);
        var delta = meter.snapshot().since(before);
        long gc = gcMillis() - gc0;
        if (result.exitCode() != 0 || !result.errors().isEmpty() || !result.exceptions().isEmpty()
                || result.resources().size() != expectedResources) {
            throw new IllegalStateException(what + " failed: exit code " + result.exitCode() + ", "
                    + result.resources().size() + " resources (expected " + expectedResources + "), errors "
                    + result.errors() + ", exceptions " + result.exceptions());
        }
        if (delta.threadsEnded() > 0) {
            flaggedSamples++;
        }
        return new Sample(wall, delta.cpuNanos(), gc, delta.bytes());
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private void report(Map<Integer, Series> series, int depth) {
        var ratios = new LinkedHashMap<Metric, Map<Integer, Double>>();
        var perInstanceA = new LinkedHashMap<Metric, Map<Integer, Double>>();
        var perInstanceB = new LinkedHashMap<Metric, Map<Integer, Double>>();
        for (var m : Metric.values()) {
            ratios.put(m, new LinkedHashMap<>());
            perInstanceA.put(m, new LinkedHashMap<>());
            perInstanceB.put(m, new LinkedHashMap<>());
        }
        Series first = series.values().iterator().next();
        OUT.println();
        OUT.println("  per instance (a run's figure divided by N): min / median / max over the measured runs; "
                + "cpu = CPU time of the Java threads (program, SDK), gc = collector time");
        if (!first.empty.isEmpty()) {
            OUT.printf(Locale.ROOT, "  empty stack (fixed cost of a run, %d runs):", first.empty.size());
            for (var m : Metric.values()) {
                OUT.printf(Locale.ROOT, "  %s %s", m.label, Stats.summary(first.empty, 1, m));
            }
            OUT.println();
        }
        for (var s : series.values()) {
            OUT.printf(Locale.ROOT, "%n  N = %d (%d pairs)%n", s.n, s.a.size());
            for (var v : Variant.values()) {
                var samples = v == Variant.HAND_WRITTEN ? s.a : s.b;
                OUT.printf(Locale.ROOT, "    %-16s", v.label);
                for (var m : Metric.values()) {
                    OUT.printf(Locale.ROOT, "  %s %-24s", m.label, Stats.summary(samples, s.n, m));
                }
                OUT.println();
            }
            OUT.print("    b/a (median of the per-pair ratios; ratio of medians):");
            for (var m : Metric.values()) {
                if (m == Metric.GC) {
                    continue;
                }
                double paired = Stats.pairedRatio(s.a, s.b, m);
                ratios.get(m).put(s.n, paired);
                perInstanceA.get(m).put(s.n, Stats.median(s.a, m) / s.n);
                perInstanceB.get(m).put(s.n, Stats.median(s.b, m) / s.n);
                OUT.printf(Locale.ROOT, "  %s %.2f (%.2f)", m.name, paired,
                        Stats.median(s.b, m) / Stats.median(s.a, m));
            }
            OUT.println();
            if (!first.empty.isEmpty()) {
                double e = Stats.median(first.empty, Metric.WALL);
                double a = (Stats.median(s.a, Metric.WALL) - e) / s.n;
                double b = (Stats.median(s.b, Metric.WALL) - e) / s.n;
                OUT.printf(Locale.ROOT, "    wall beyond the empty stack: a %.3f ms, b %.3f ms per instance (b/a %.2f)%n",
                        a, b, b / a);
            }
        }
        OUT.println();
        OUT.println("== Summary (ratios measured in this run)");
        for (var m : List.of(Metric.WALL, Metric.CPU, Metric.ALLOCATED)) {
            OUT.printf(Locale.ROOT, "  b/a %-10s", m.name + ":");
            ratios.get(m).forEach((n, r) -> OUT.printf(Locale.ROOT, "  N=%d %.2f", n, r));
            OUT.println();
        }
        for (int n : new int[]{1, 1000}) {
            if (ratios.get(Metric.WALL).containsKey(n)) {
                double wall = ratios.get(Metric.WALL).get(n);
                OUT.printf(Locale.ROOT, "  target b/a <= 1.10 at N=%d: wall %.3f %s (cpu %.2f, allocated %.2f)%n", n,
                        wall, verdict(wall <= 1.10), ratios.get(Metric.CPU).get(n), ratios.get(Metric.ALLOCATED).get(n));
            }
        }
        if (perInstanceA.get(Metric.WALL).containsKey(100) && perInstanceA.get(Metric.WALL).containsKey(1000)) {
            for (var m : List.of(Metric.WALL, Metric.CPU, Metric.ALLOCATED)) {
                double a = perInstanceA.get(m).get(1000) / perInstanceA.get(m).get(100);
                double b = perInstanceB.get(m).get(1000) / perInstanceB.get(m).get(100);
                OUT.printf(Locale.ROOT, "  per-instance %-10s N=1000 vs N=100: a %.2f, b %.2f%s%n",
                        m.name, a, b, m == Metric.WALL
                                ? "; target <= 1.2: a " + verdict(a <= 1.2) + ", b " + verdict(b <= 1.2) : "");
            }
        }
        if (depth >= 0) {
            OUT.printf(Locale.ROOT, "  graph depth of one component: %d; target 2: %s%n", depth, verdict(depth == 2));
        }
        if (flaggedSamples > 0) {
            OUT.println("  note: in " + flaggedSamples + " runs a thread ended between the allocation snapshots: "
                    + "their allocated bytes are undercounted");
        }
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }

    /** Order statistics over samples. */
    static final class Stats {
        private Stats() {
        }

        static double median(List<Sample> samples, Metric metric) {
            return median(samples.stream().mapToDouble(metric::of).toArray());
        }

        static double median(double[] values) {
            var sorted = values.clone();
            Arrays.sort(sorted);
            int m = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        }

        /** The median of b[i] / a[i] over the pairs. */
        static double pairedRatio(List<Sample> a, List<Sample> b, Metric metric) {
            var ratios = new double[a.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = metric.of(b.get(i)) / metric.of(a.get(i));
            }
            return median(ratios);
        }

        /** {@code min / median / max}, per instance. */
        static String summary(List<Sample> samples, int n, Metric metric) {
            var values = samples.stream().mapToDouble(s -> metric.of(s) / n).sorted().toArray();
            return String.format(Locale.ROOT, metric.format + "/" + metric.format + "/" + metric.format,
                    values[0], median(values), values[values.length - 1]);
        }
    }
}
