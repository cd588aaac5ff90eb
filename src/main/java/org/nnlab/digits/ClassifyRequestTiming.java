package org.nnlab.digits;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Times each {@code POST /api/v1/classify} in the server, from the first filter to the written answer
 * ({@link ClassifyLatencies.Kind#API_REQUEST}), and says where a slow one's time went: a request slower than
 * {@code nnlab.classify.slow-request-log} (default 50 ms; 0 logs none) is logged with its time on a core,
 * its time runnable but waiting for a core, the collector's pauses meanwhile, the rate limit's check and the
 * classification itself ({@link #RATE_LIMIT_NANOS}, {@link #CLASSIFY_NANOS}, set by those steps). The rest is
 * reading the body, Spring's dispatch and writing the answer, or blocking on something not named here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClassifyRequestTiming implements Filter {
    static final String RATE_LIMIT_NANOS = ClassifyRequestTiming.class.getName() + ".rateLimit";
    static final String CLASSIFY_NANOS = ClassifyRequestTiming.class.getName() + ".classify";
    private static final Logger log = LoggerFactory.getLogger(ClassifyRequestTiming.class);

    private final ClassifyLatencies latencies;
    private final long slowNanos;

    public ClassifyRequestTiming(ClassifyLatencies latencies,
                                 @Value("${nnlab.classify.slow-request-log:50ms}") Duration slow) {
        if (slow.isNegative()) {
            throw new IllegalArgumentException("nnlab.classify.slow-request-log must not be negative, got " + slow);
        }
        this.latencies = latencies;
        this.slowNanos = slow.isZero() ? Long.MAX_VALUE : slow.toNanos();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !classify(http)) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        ThreadTimes before = ThreadTimes.now();
        try {
            chain.doFilter(request, response);
        } finally {
            long wall = System.nanoTime() - start;
            latencies.recordNanos(ClassifyLatencies.Kind.API_REQUEST, wall);
            if (wall >= slowNanos) {
                ThreadTimes spent = ThreadTimes.now().since(before);
                log.info("Slow classify request: {}", describe(wall, spent, nanos(http, RATE_LIMIT_NANOS),
                        nanos(http, CLASSIFY_NANOS)));
            }
        }
    }

    static boolean classify(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).equals(ClassifyController.CLASSIFY);
    }

    private static long nanos(HttpServletRequest request, String attribute) {
        return request.getAttribute(attribute) instanceof Long n ? n : -1;
    }

    /** One line: the wall time and its parts, in milliseconds; parts not measured are left out. */
    static String describe(long wallNanos, ThreadTimes spent, long rateLimitNanos, long classifyNanos) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.1f ms in the server: %.1f ms on a core",
                wallNanos / 1e6, spent.cpuNanos() / 1e6));
        if (spent.waitNanos() >= 0) {
            line.append(String.format(Locale.ROOT, ", %.1f ms waiting for a core", spent.waitNanos() / 1e6));
        }
        line.append(String.format(Locale.ROOT, ", %d ms of collector pauses", spent.gcPauseMillis()));
        if (rateLimitNanos >= 0) {
            line.append(String.format(Locale.ROOT, "; rate limit %.1f ms", rateLimitNanos / 1e6));
        }
        if (classifyNanos >= 0) {
            line.append(String.format(Locale.ROOT, "; classification %.1f ms", classifyNanos / 1e6));
        }
        return line.toString();
    }
}
