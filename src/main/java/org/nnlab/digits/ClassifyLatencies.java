package org.nnlab.digits;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How fast drawings are read, measured where it happens and kept as Micrometer timers that publish
 * their median, 95th and 99th percentiles: {@code nnlab.classify} is the server's time from a drawing's
 * arrival to the probabilities being ready, tagged {@code path=page} for the draw page's pad
 * ({@link Kind#PAD_SERVER}) and {@code path=api} for the REST API ({@link Kind#API_SERVER});
 * {@code nnlab.classify.request} (tag {@code path=api}) is an API request's whole time in the server, from the
 * first filter to the written answer ({@link Kind#API_REQUEST}, see {@link ClassifyRequestTiming});
 * {@code nnlab.stroke} times the rest of a finished stroke, tagged {@code part=request} for the whole
 * HTTP request that carried it ({@link Kind#PAD_REQUEST}, see {@link StrokeTiming}), {@code part=server-cpu}
 * for the CPU time of the pad's handling ({@link Kind#PAD_SERVER_CPU}: on a busy machine the wall time
 * includes waiting for a core, the CPU time does not) and {@code part=browser-round-trip} for the browser's
 * round trip from stroke end to the updated bars, as the pad reports it ({@link Kind#BROWSER_ROUND_TRIP}).
 * Every {@value #LOG_EVERY} samples of a kind, its median and 95th percentile are logged.
 */
@Service
public class ClassifyLatencies {
    static final int LOG_EVERY = 200;
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};
    private static final Logger log = LoggerFactory.getLogger(ClassifyLatencies.class);

    /** What is timed: the timer's name and its one tag. */
    public enum Kind {
        PAD_REQUEST("nnlab.stroke", "part", "request"),
        PAD_SERVER("nnlab.classify", "path", "page"),
        PAD_SERVER_CPU("nnlab.stroke", "part", "server-cpu"),
        API_SERVER("nnlab.classify", "path", "api"),
        API_REQUEST("nnlab.classify.request", "path", "api"),
        BROWSER_ROUND_TRIP("nnlab.stroke", "part", "browser-round-trip");

        private final String timer;
        private final String tag;
        private final String value;

        Kind(String timer, String tag, String value) {
            this.timer = timer;
            this.tag = tag;
            this.value = value;
        }
    }

    /** Median, 95th percentile and maximum in milliseconds over {@code count} samples. */
    public record Summary(Kind kind, int count, double medianMs, double p95Ms, double maxMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: median %.2f ms, p95 %.2f ms, max %.2f ms (%d samples)",
                    kind, medianMs, p95Ms, maxMs, count);
        }
    }

    private final MeterRegistry registry;
    private final Map<Kind, Timer> timers = new ConcurrentHashMap<>();

    public ClassifyLatencies(MeterRegistry registry) {
        this.registry = registry;
        for (Kind kind : Kind.values()) {
            timers.put(kind, register(kind));
        }
    }

    private Timer register(Kind kind) {
        return Timer.builder(kind.timer)
                .tag(kind.tag, kind.value)
                .publishPercentiles(PERCENTILES)
                .percentilePrecision(2)
                .register(registry);
    }

    public void record(Kind kind, double millis) {
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            return;
        }
        recordNanos(kind, Math.round(millis * 1e6));
    }

    public void recordNanos(Kind kind, long nanos) {
        if (nanos < 0) {
            return;
        }
        Timer timer = timers.get(kind);
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (timer.count() % LOG_EVERY == 0) {
            log.info("Digit classification latency, last {}", summary(kind));
        }
    }

    /** Forgets every sample (e.g. those taken while the JIT compiler was still warming up). */
    public synchronized void clear() {
        for (Kind kind : Kind.values()) {
            registry.remove(timers.get(kind));
            timers.put(kind, register(kind));
        }
    }

    public Summary summary(Kind kind) {
        HistogramSnapshot snapshot = timers.get(kind).takeSnapshot();
        int count = (int) Math.min(Integer.MAX_VALUE, snapshot.count());
        if (count == 0) {
            return new Summary(kind, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(kind, count, percentile(snapshot, 0.5), percentile(snapshot, 0.95),
                snapshot.max(TimeUnit.MILLISECONDS));
    }

    private static double percentile(HistogramSnapshot snapshot, double q) {
        for (ValueAtPercentile v : snapshot.percentileValues()) {
            if (v.percentile() == q) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }
}
