package org.nnlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time per thread of this process over a stretch of a benchmark, to see which threads took the cores:
 * the process's cores used ({@code own_cores}) and the busiest threads with their share of the wall time.
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();
    private final long processBefore;
    private final long wallBefore = System.nanoTime();

    private ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            before.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        processBefore = processCpu();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** Prints the cores the process used since {@link #start} and the eight busiest threads. */
    void print(String what) {
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        List<Object[]> rows = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            double used = (now - before.getOrDefault(info.getThreadId(), 0L)) / 1e9;
            rows.add(new Object[] {info.getThreadName(), used});
        }
        rows.sort((a, b) -> Double.compare((double) b[1], (double) a[1]));
        System.out.printf(Locale.ROOT, "%s: own_cores %.2f over %.1f s; busiest threads:", what,
                (processCpu() - processBefore) / 1e9 / wall, wall);
        for (int i = 0; i < Math.min(8, rows.size()); i++) {
            System.out.printf(Locale.ROOT, " %s %.2f", rows.get(i)[0], (double) rows.get(i)[1] / wall);
        }
        System.out.println();
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
