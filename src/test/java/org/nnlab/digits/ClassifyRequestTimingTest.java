package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Classify requests are timed in the server and a slow one is logged with where its time went; other requests
 * are left alone.
 */
class ClassifyRequestTimingTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ClassifyLatencies latencies = new ClassifyLatencies(registry);
    private final ClassifyRequestTiming timing = new ClassifyRequestTiming(latencies, Duration.ofMillis(40));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ClassifyRequestTiming.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    private long timed() {
        return registry.get("nnlab.classify.request").tag("path", "api").timer().count();
    }

    @Test
    void aSlowClassifyRequestIsTimedAndLoggedWithItsParts() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", ClassifyController.CLASSIFY);
        timing.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            req.setAttribute(ClassifyRequestTiming.RATE_LIMIT_NANOS, 2_000_000L);
            long end = System.nanoTime() + 60_000_000L;
            long spin = 0;
            while (System.nanoTime() < end) {
                spin++;
            }
            req.setAttribute(ClassifyRequestTiming.CLASSIFY_NANOS, 3_000_000L + spin % 2);
        });
        assertEquals(1, timed());
        assertEquals(1, logged.list.size(), "one line for the slow request");
        String line = logged.list.getFirst().getFormattedMessage();
        assertTrue(line.startsWith("Slow classify request: "), line);
        assertTrue(line.contains("on a core") && line.contains("collector pauses") && line.contains("rate limit 2.0 ms")
                && line.contains("classification 3.0 ms"), line);
    }

    @Test
    void aQuickOneIsTimedButNotLoggedAndOtherRequestsAreNotTimed() throws Exception {
        timing.doFilter(new MockHttpServletRequest("POST", ClassifyController.CLASSIFY), new MockHttpServletResponse(),
                (req, res) -> { });
        timing.doFilter(new MockHttpServletRequest("GET", ClassifyController.CLASSIFY), new MockHttpServletResponse(),
                (req, res) -> { });
        timing.doFilter(new MockHttpServletRequest("POST", "/draw"), new MockHttpServletResponse(), (req, res) -> { });
        assertEquals(1, timed());
        assertTrue(logged.list.isEmpty(), () -> logged.list.toString());
    }

    @Test
    void theLineNamesTheWaitForACoreOnlyWhenItWasMeasured() {
        String both = ClassifyRequestTiming.describe(120_000_000L, new ThreadTimes(5_000_000L, 90_000_000L, 12), 1_500_000L, -1);
        assertEquals("120.0 ms in the server: 5.0 ms on a core, 90.0 ms waiting for a core, 12 ms of collector pauses;"
                + " rate limit 1.5 ms", both);
        String noWait = ClassifyRequestTiming.describe(80_000_000L, new ThreadTimes(5_000_000L, -1, 0), -1, 4_000_000L);
        assertEquals("80.0 ms in the server: 5.0 ms on a core, 0 ms of collector pauses; classification 4.0 ms", noWait);
    }

    @Test
    void threadTimesSeparateWorkFromSleep() throws Exception {
        assertArrayEquals(new long[] {123456, 789}, ThreadTimes.parse("123456 789 17\n"));
        ThreadTimes start = ThreadTimes.now();
        Thread.sleep(50);
        ThreadTimes slept = ThreadTimes.now().since(start);
        assertTrue(slept.cpuNanos() < 20_000_000L, () -> "sleeping is not work: " + slept);
        start = ThreadTimes.now();
        long end = System.nanoTime() + 50_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        ThreadTimes worked = ThreadTimes.now().since(start);
        assertTrue(worked.cpuNanos() + Math.max(0, worked.waitNanos()) >= 40_000_000L,
                () -> "50 ms of work is on a core or waiting for one: " + worked);
        assertTrue(x > 0 && worked.gcPauseMillis() >= 0, () -> worked.toString());
    }
}
