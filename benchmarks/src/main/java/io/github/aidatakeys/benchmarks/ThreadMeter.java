package io.github.aidatakeys.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the heap bytes allocated, and the CPU time used, by every Java thread of this JVM between two snapshots,
 * with HotSpot's per-thread counters ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long[])} and
 * {@link com.sun.management.ThreadMXBean#getThreadCpuTime(long[])}).
 *
 * <p>The allocation counters are exact (they advance by every TLAB and every allocation outside one); CPU time has
 * the operating system's per-thread resolution (nanoseconds on Linux). Neither counts the collector's or the JIT
 * compiler's own threads. Both belong to live threads: a thread that ends between two snapshots takes what it did
 * since the first with it, so a {@link Delta} says how many threads ended. The Pulumi SDK's mock engine runs on the
 * caller's thread and the common {@code ForkJoinPool}, whose workers stay alive while work keeps arriving, so in a
 * benchmark loop no thread ends.
 */
final class ThreadMeter {
    private final com.sun.management.ThreadMXBean threads;

    ThreadMeter() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported() || !bean.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes and CPU time per thread");
        }
        bean.setThreadAllocatedMemoryEnabled(true);
        bean.setThreadCpuTimeEnabled(true);
        this.threads = bean;
    }

    /**
     * Returns the bytes each live thread has allocated, and the CPU time it has used, so far.
     *
     * @return the bytes each live thread has allocated, and the CPU time it has used, so far
     */
    Snapshot snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        long[] cpu = threads.getThreadCpuTime(ids);
        var byThread = new HashMap<Long, long[]>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0 && cpu[i] >= 0) {
                byThread.put(ids[i], new long[]{bytes[i], cpu[i]});
            }
        }
        return new Snapshot(byThread);
    }

    /** The counters of every live thread at one moment: thread id to {bytes, cpu nanoseconds}. */
    record Snapshot(Map<Long, long[]> byThread) {
        /**
         * Returns what was done since an earlier snapshot.
         *
         * @param before an earlier snapshot
         * @return what was done in between by the threads alive now (threads started in between count fully)
         */
        Delta since(Snapshot before) {
            long bytes = 0;
            long cpu = 0;
            for (var e : byThread.entrySet()) {
                var earlier = before.byThread.getOrDefault(e.getKey(), new long[2]);
                bytes += e.getValue()[0] - earlier[0];
                cpu += e.getValue()[1] - earlier[1];
            }
            int ended = 0;
            for (var id : before.byThread.keySet()) {
                if (!byThread.containsKey(id)) {
                    ended++;
                }
            }
            return new Delta(bytes, cpu, ended);
        }
    }

    /**
     * @param bytes        heap bytes allocated between two snapshots by the threads alive at the second
     * @param cpuNanos     CPU time those threads used in between
     * @param threadsEnded threads alive at the first snapshot and gone at the second: their last work is missing
     */
    record Delta(long bytes, long cpuNanos, int threadsEnded) {
    }
}
