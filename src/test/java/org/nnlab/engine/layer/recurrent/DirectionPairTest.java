package org.nnlab.engine.layer.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Parallelism;

/** Both directions' stages run once each, in order, on two threads; a failing stage ends the pass. */
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
}
