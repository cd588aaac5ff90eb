package org.nnlab.engine.layer.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Parallelism;

/**
 * Both directions' stages run once each, in order, on two threads; a failing stage ends the pass; a thread
 * with nothing to take sleeps while the other holds a stage.
 */
class DirectionPairTest {

    /** Records per direction: the start, each slice, the end, with the order they ran in. */
    private static class Recorder implements DirectionPair.Pass {
        final int[] slices = {5, 3};
        final AtomicIntegerArray started = new AtomicIntegerArray(2);
        final AtomicIntegerArray sliceRuns = new AtomicIntegerArray(8);
        final AtomicIntegerArray doneSlices = new AtomicIntegerArray(2);
        final AtomicIntegerArray finished = new AtomicIntegerArray(2);
        volatile boolean outOfOrder;

        @Override
        public int start(int d) {
            started.incrementAndGet(d);
            return slices[d];
        }

        @Override
        public void slice(int d, int i) {
            outOfOrder |= started.get(d) != 1 || finished.get(d) != 0;
            sliceRuns.incrementAndGet(d * 5 + i);
            busy();
            doneSlices.incrementAndGet(d);
        }

        @Override
        public void finish(int d) {
            outOfOrder |= doneSlices.get(d) != slices[d];
            finished.incrementAndGet(d);
        }

        private static void busy() {
            long until = System.nanoTime() + 200_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void everyStageRunsOnceAndInOrder() {
        DirectionPair pair = new DirectionPair();
        for (int pass = 0; pass < 50; pass++) {
            Recorder r = new Recorder();
            Parallelism.withThreads(2, () -> pair.run(r));
            for (int d = 0; d < 2; d++) {
                assertEquals(1, r.started.get(d), "start of direction " + d);
                assertEquals(1, r.finished.get(d), "end of direction " + d);
                for (int i = 0; i < r.slices[d]; i++) {
                    assertEquals(1, r.sliceRuns.get(d * 5 + i), "slice " + i + " of direction " + d);
                }
            }
            assertTrue(!r.outOfOrder, "a slice ran before its direction's start or after its end");
        }
    }

    /**
     * Many passes of one tiny slice each, so that a thread often finds nothing to take just as the other takes and
     * completes the last end: it must not then wait for a completion that has already happened.
     */
    @Test
    void tinyPassesNeverLeaveAThreadWaiting() {
        DirectionPair pair = new DirectionPair();
        AtomicIntegerArray ends = new AtomicIntegerArray(2);
        DirectionPair.Pass tiny = new DirectionPair.Pass() {
            @Override
            public int start(int d) {
                return 1;
            }

            @Override
            public void slice(int d, int i) {
                spin(d == 0 ? 100 : 300);
            }

            @Override
            public void finish(int d) {
                spin(ends.incrementAndGet(d) % 7 * 200);
            }
        };
        int passes = 300_000;
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Parallelism.withThreads(2, () -> {
                    for (int p = 0; p < passes; p++) {
                        pair.run(tiny);
                    }
                }), "a pass never ended");
        assertEquals(passes, ends.get(0));
        assertEquals(passes, ends.get(1));
    }

    @Test
    void aFailingSliceEndsThePassWithItsException() {
        DirectionPair pair = new DirectionPair();
        Recorder failing = new Recorder() {
            @Override
            public void slice(int d, int i) {
                if (d == 1 && i == 1) {
                    throw new IllegalStateException("slice failed");
                }
                super.slice(d, i);
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Parallelism.withThreads(2, () -> pair.run(failing)));
            assertEquals("slice failed", e.getMessage());
        });
        // the pair is usable again after a failure
        Recorder r = new Recorder();
        Parallelism.withThreads(2, () -> pair.run(r));
        assertEquals(1, r.finished.get(0));
        assertEquals(1, r.finished.get(1));
    }

    /**
     * The helper takes direction 1's only slice and stalls in it (as when another process has its core); the
     * caller, its own direction done, has nothing to take: it must go to sleep (a thread that keeps checking
     * holds the core the stalled one needs) and wake when the slice is done.
     */
    @Test
    void aThreadWithNothingToTakeSleepsWhileTheOtherHoldsAStage() throws Exception {
        CountDownLatch helperStarted = new CountDownLatch(1);
        CountDownLatch callerDone = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DirectionPair.Pass stalling = new DirectionPair.Pass() {
            @Override
            public int start(int d) {
                if (d == 1) {
                    helperStarted.countDown();
                } else {
                    await(helperStarted); // the caller takes direction 0 first; let the helper take 1
                }
                return 1;
            }

            @Override
            public void slice(int d, int i) {
                if (d == 1) {
                    await(release);
                }
            }

            @Override
            public void finish(int d) {
                if (d == 0) {
                    callerDone.countDown();
                }
            }
        };
        DirectionPair pair = new DirectionPair();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                Parallelism.withThreads(2, () -> pair.run(stalling));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "direction-pair-caller");
        caller.start();
        try {
            assertTrue(helperStarted.await(10, TimeUnit.SECONDS), "no helper thread took direction 1");
            assertTrue(callerDone.await(10, TimeUnit.SECONDS), "the caller did not finish direction 0");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (caller.getState() == Thread.State.RUNNABLE && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            assertEquals(Thread.State.WAITING, caller.getState(),
                    "the caller kept checking while the helper held the last slice");
        } finally {
            release.countDown();
            caller.join(10_000);
        }
        assertTrue(!caller.isAlive(), "the caller was not woken when the slice was done");
        assertEquals(null, failure.get());
    }

    /** Keeps the thread busy for about {@code nanos}, so that the two threads' stages shift against each other. */
    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
