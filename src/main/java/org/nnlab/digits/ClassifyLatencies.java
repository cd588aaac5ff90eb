package org.nnlab.digits;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How fast drawings are read, measured where it happens and kept for the last {@value #WINDOW}
 * samples of each kind: the server's time from a stroke's arrival to the probabilities being ready to
 * send ({@link Kind#PAD_SERVER}), the same for the REST API ({@link Kind#API_SERVER}), and the browser's
 * round trip from stroke end to the updated bars, as the pad reports it ({@link Kind#BROWSER_ROUND_TRIP}).
 * {@link Kind#PAD_REQUEST} is the whole HTTP request that carried the stroke, from its arrival to the
 * written answer (see {@link StrokeTiming}); {@code PAD_SERVER} only the view's handling of it.
 * {@link Kind#PAD_SERVER_CPU} is the CPU time of the same work as {@code PAD_SERVER}: on a busy machine
 * the wall time includes waiting for a core, the CPU time does not.
 * Every {@value #LOG_EVERY} samples of a kind, its median and 95th percentile are logged.
 */
@Service
public class ClassifyLatencies {
    public static final int WINDOW = 1000;
    static final int LOG_EVERY = 200;
    private static final Logger log = LoggerFactory.getLogger(ClassifyLatencies.class);

    public enum Kind { PAD_REQUEST, PAD_SERVER, PAD_SERVER_CPU, API_SERVER, BROWSER_ROUND_TRIP }

    /** Median, 95th percentile and maximum in milliseconds over {@code count} samples. */
    public record Summary(Kind kind, int count, double medianMs, double p95Ms, double maxMs) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: median %.2f ms, p95 %.2f ms, max %.2f ms (%d samples)",
                    kind, medianMs, p95Ms, maxMs, count);
        }
    }

    private static final class Ring {
        final double[] ms = new double[WINDOW];
        int size;
        int next;
        long total;
    }

    private final Map<Kind, Ring> rings = new EnumMap<>(Kind.class);

    public ClassifyLatencies() {
        for (Kind k : Kind.values()) {
            rings.put(k, new Ring());
        }
    }

    public void record(Kind kind, double millis) {
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            return;
        }
        Ring r = rings.get(kind);
        boolean logNow;
        synchronized (r) {
            r.ms[r.next] = millis;
            r.next = (r.next + 1) % WINDOW;
            r.size = Math.min(r.size + 1, WINDOW);
            logNow = ++r.total % LOG_EVERY == 0;
        }
        if (logNow) {
            log.info("Digit classification latency, last {}", summary(kind));
        }
    }

    /** Forgets every sample (e.g. those taken while the JIT compiler was still warming up). */
    public void clear() {
        for (Ring r : rings.values()) {
            synchronized (r) {
                r.size = 0;
                r.next = 0;
            }
        }
    }

    public void recordNanos(Kind kind, long nanos) {
        record(kind, nanos / 1e6);
    }

    public Summary summary(Kind kind) {
        Ring r = rings.get(kind);
        double[] copy;
        synchronized (r) {
            copy = Arrays.copyOf(r.ms, r.size);
        }
        if (copy.length == 0) {
            return new Summary(kind, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(copy);
        return new Summary(kind, copy.length, percentile(copy, 0.5), percentile(copy, 0.95), copy[copy.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
