package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Parallelism;

class SliceSchedulerTest {
    /** Turns are run by the test, one {@code runNext()} each. */
    private final SliceScheduler scheduler = new SliceScheduler(2, turn -> { });

    private static SliceScheduler.Slice counting(String name, int slices, List<String> log) {
        int[] left = {slices};
        return () -> {
            log.add(name);
            return --left[0] > 0;
        };
    }

    @Test
    void submissionsTakeTurnsRoundRobinUntilNothingRemains() {
        List<String> log = new ArrayList<>();
        SliceScheduler.Handle a = scheduler.submit("ann", counting("a", 3, log));
        SliceScheduler.Handle b = scheduler.submit("bob", counting("b", 1, log));
        SliceScheduler.Handle c = scheduler.submit("cy", counting("c", 2, log));
        while (scheduler.runNext()) {
            // one slice per turn
        }
        assertEquals(List.of("a", "b", "c", "a", "c", "a"), log);
        assertTrue(a.isDone() && b.isDone() && c.isDone());
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aCancelledSubmissionGetsNoFurtherTurnAndAThrowingOneEnds() {
        List<String> log = new ArrayList<>();
        SliceScheduler.Handle a = scheduler.submit("ann", counting("a", 10, log));
        SliceScheduler.Handle b = scheduler.submit("bob", () -> {
            throw new IllegalStateException("broken demo");
        });
        scheduler.runNext();
        assertFalse(a.isDone());
        a.cancel();
        assertTrue(a.isDone(), "it waited in the line: cancelled at once");
        assertTrue(scheduler.runNext());
        assertTrue(b.isDone(), "a slice that throws ends its work");
        assertFalse(scheduler.runNext(), "nothing left");
        assertEquals(List.of("a"), log);
    }

    @Test
    void realWorkersRunEverySubmissionToTheEndWithoutOverlappingItsSlices() throws InterruptedException {
        try (SliceScheduler pool = new SliceScheduler(TrainingProperties.defaults().withWorkers(2))) {
            int works = 5;
            CountDownLatch finished = new CountDownLatch(works);
            AtomicInteger overlaps = new AtomicInteger();
            for (int w = 0; w < works; w++) {
                AtomicInteger inside = new AtomicInteger();
                int[] left = {20};
                pool.submit("owner-" + w, () -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    boolean more = --left[0] > 0;
                    inside.decrementAndGet();
                    if (!more) {
                        finished.countDown();
                    }
                    return more;
                });
            }
            assertTrue(finished.await(30, TimeUnit.SECONDS), "every submission ran its 20 slices");
            assertEquals(0, overlaps.get());
        }
    }

    /** Spring's test framework stops an idle context's lifecycle beans and starts them again when it is reused. */
    @Test
    void aStoppedSchedulerRunsWorkAgainOnceStartedAgain() throws InterruptedException {
        try (SliceScheduler pool = new SliceScheduler(TrainingProperties.defaults().withWorkers(2))) {
            pool.start();
            pool.stop();
            assertFalse(pool.isRunning());
            CountDownLatch waiting = new CountDownLatch(1);
            pool.submit("before-restart", () -> {
                waiting.countDown();
                return false;
            });
            pool.start();
            CountDownLatch after = new CountDownLatch(1);
            pool.submit("after-restart", () -> {
                after.countDown();
                return false;
            });
            assertTrue(after.await(30, TimeUnit.SECONDS), "work submitted after the restart runs");
            assertTrue(waiting.await(30, TimeUnit.SECONDS), "work submitted while stopped runs after the restart");
        }
    }

    /** A lone submission's kernels may use every core; two running at once split them. */
    @Test
    void aLoneSubmissionsKernelsGetEveryCoreAndTwoShareThem() {
        List<Integer> seen = new ArrayList<>();
        SliceScheduler.Slice recording = () -> {
            seen.add(Parallelism.threads());
            return false;
        };
        scheduler.submit("ann", recording);
        scheduler.runNext();
        assertEquals(List.of(Parallelism.defaultThreads()), seen, "alone: every core");
        seen.clear();
        scheduler.submit("ann", recording);
        scheduler.submit("bob", recording);
        scheduler.runNext();
        assertEquals(List.of(Math.max(1, Parallelism.defaultThreads() / 2)), seen, "one of two busy workers: half");
    }
}
