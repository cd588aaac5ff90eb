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
}
