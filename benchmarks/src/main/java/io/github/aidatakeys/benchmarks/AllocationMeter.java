package io.github.aidatakeys.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the bytes allocated on the Java heap by every thread of this JVM between two snapshots, using
 * HotSpot's per-thread allocation counters ({@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long[])}).
 *
 * <p>The counters are exact (they advance by every TLAB and every allocation outside one) but belong to live
 * threads: a thread that ends between two snapshots takes what it allocated since the first with it. A
 * {@link Delta} therefore says how many threads ended, so that a measurement can be discarded or flagged. The
 * Pulumi SDK's mock engine runs on the caller's thread and the common {@code ForkJoinPool}, whose workers stay
 * alive while work keeps arriving, so in a benchmark loop no thread ends.
 */
final class AllocationMeter {
    private final com.sun.management.ThreadMXBean threads;

    AllocationMeter() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        bean.setThreadAllocatedMemoryEnabled(true);
        this.threads = bean;
    }

    /** @return the bytes each live thread has allocated so far */
    Snapshot snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        var byThread = new HashMap<Long, Long>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return new Snapshot(byThread);
    }

    /** The counters of every live thread at one moment. */
    record Snapshot(Map<Long, Long> bytesByThread) {
        /**
         * @param before an earlier snapshot
         * @return what was allocated in between, by threads alive now (threads started in between count fully)
         */
        Delta since(Snapshot before) {
            long total = 0;
            for (var e : bytesByThread.entrySet()) {
                total += e.getValue() - before.bytesByThread.getOrDefault(e.getKey(), 0L);
            }
            int ended = 0;
            for (var id : before.bytesByThread.keySet()) {
                if (!bytesByThread.containsKey(id)) {
                    ended++;
                }
            }
            return new Delta(total, ended);
        }
    }

    /**
     * @param bytes         bytes allocated between two snapshots by the threads alive at the second
     * @param threadsEnded  threads alive at the first snapshot and gone at the second: their last allocations are
     *                      missing from {@code bytes}
     */
    record Delta(long bytes, int threadsEnded) {
    }
}
