package org.nnlab.digits;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the calling thread's time has gone so far: on a core ({@code cpuNanos}), waiting for one while
 * runnable ({@code waitNanos}, the kernel's run-queue delay from {@code /proc/thread-self/schedstat};
 * -1 where Linux's scheduler statistics are not available) and, for the whole JVM, in collector pauses
 * ({@code gcPauseMillis}). Two readings taken around a request say how much of its wall time was work,
 * waiting for a core behind other threads or processes, and the collector stopping everyone.
 */
record ThreadTimes(long cpuNanos, long waitNanos, long gcPauseMillis) {
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Collectors whose time is pauses: not the concurrent cycles (G1's "Concurrent GC", ZGC's "Cycles"). */
    private static final List<GarbageCollectorMXBean> PAUSES = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(b -> !b.getName().contains("Concurrent") && !b.getName().contains("Cycles")).toList();
    private static volatile boolean schedstat = Files.isReadable(SCHEDSTAT);

    static ThreadTimes now() {
        long gc = 0;
        for (GarbageCollectorMXBean b : PAUSES) {
            gc += Math.max(0, b.getCollectionTime());
        }
        if (schedstat) {
            try {
                long[] fields = parse(Files.readString(SCHEDSTAT));
                return new ThreadTimes(fields[0], fields[1], gc);
            } catch (IOException | RuntimeException e) {
                schedstat = false;
            }
        }
        return new ThreadTimes(THREADS.getCurrentThreadCpuTime(), -1, gc);
    }

    /** The first two numbers of a schedstat line: time on a core and time waiting to run, in nanoseconds. */
    static long[] parse(String line) {
        String[] parts = line.strip().split("\\s+");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    /** What happened between {@code earlier} and this reading. */
    ThreadTimes since(ThreadTimes earlier) {
        long wait = waitNanos < 0 || earlier.waitNanos < 0 ? -1 : waitNanos - earlier.waitNanos;
        return new ThreadTimes(cpuNanos - earlier.cpuNanos, wait, gcPauseMillis - earlier.gcPauseMillis);
    }
}
