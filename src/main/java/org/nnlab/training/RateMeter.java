package org.nnlab.training;

/**
 * Samples per second over the last few seconds of wall time (time spent waiting for other jobs
 * included: that is the speed a person sees). Not thread-safe.
 */
final class RateMeter {
    private static final int SIZE = 64;
    private static final long WINDOW_NANOS = 5_000_000_000L;
    /** A time left is worth showing after this many readings past the first ... */
    private static final int SETTLED_READINGS = 5;
    /** ... spread over at least this long (the first slices are slow while the JIT warms up). */
    private static final long SETTLED_NANOS = 2_000_000_000L;
    private long first;
    private final long[] times = new long[SIZE];
    private final long[] samples = new long[SIZE];
    private int count;
    private int next;
    private long readings;

    void add(long nanoTime, long samplesSoFar) {
        if (readings++ == 0) {
            first = nanoTime;
        }
        times[next] = nanoTime;
        samples[next] = samplesSoFar;
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
    }

    /** Whether the speed has been measured long enough for an estimate of the time left to mean something. */
    boolean isSettled() {
        int newest = (next - 1 + SIZE) % SIZE;
        return readings > SETTLED_READINGS && times[newest] - first >= SETTLED_NANOS;
    }

    /** NaN until two readings exist. */
    double perSecond() {
        if (count < 2) {
            return Double.NaN;
        }
        int newest = (next - 1 + SIZE) % SIZE;
        int oldest = newest;
        for (int k = 1; k < count; k++) {
            int i = (newest - k + SIZE) % SIZE;
            oldest = i;
            if (times[newest] - times[i] >= WINDOW_NANOS) {
                break;
            }
        }
        long dt = times[newest] - times[oldest];
        return dt <= 0 ? Double.NaN : (samples[newest] - samples[oldest]) * 1e9 / dt;
    }
}
