package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs that start together take their first turns {@code nnlab.training.start-spacing} apart (see {@link RunStarts}). */
class RunStartsTest {
    private static final long MS = 1_000_000L;

    @Test
    void runsAskingTogetherAreSpacedAndALaterOneStartsAtOnce() {
        RunStarts starts = new RunStarts(Duration.ofMillis(200), null);
        long t0 = 5_000 * MS;
        assertEquals(0, starts.delayNanos(t0));
        assertEquals(190 * MS, starts.delayNanos(t0 + 10 * MS));
        assertEquals(380 * MS, starts.delayNanos(t0 + 20 * MS));
        // after a quiet spell a run starts at once, and the next is spaced from it
        assertEquals(0, starts.delayNanos(t0 + 5_000 * MS));
        assertEquals(200 * MS, starts.delayNanos(t0 + 5_000 * MS));
    }

    @Test
    void zeroSpacingStartsEveryRunAtOnceAndNegativeIsRefused() {
        RunStarts none = new RunStarts(Duration.ZERO, null);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, none.delayNanos(i));
        }
        assertThrows(IllegalArgumentException.class, () -> new RunStarts(Duration.ofMillis(-1), null));
    }

    @Test
    void aClassStartingTogetherTrainsTheFirstRunAtOnceAndTheOthersWhenTheirTimeComes() throws InterruptedException {
        TrainingProperties properties = new TrainingProperties(2, 1_000_000, 2, 1, 40, 5, 1000, 100_000, 5, 3, 120);
        try (ManualTraining lab = new ManualTraining(properties, new SyntheticData())) {
            TrainingService service = lab.service();
            // 2 s apart: starting three runs and six slices took over 300 ms on a loaded 2-core CI machine
            service.spaceStarts(Duration.ofMillis(2_000));
            long began = System.nanoTime();
            List<JobId> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(service.start("learner" + i, SyntheticData.request(300, 5, 0.1)).id());
            }
            lab.runSlices(6);
            assertTrue(step(service, 0, ids) > 0, "the first run trains at once");
            assertEquals(0, step(service, 1, ids), "the second waits for its place in the spacing");
            assertEquals(0, step(service, 2, ids), "the third too");
            long[] firstStep = new long[3];
            while ((firstStep[1] == 0 || firstStep[2] == 0) && System.nanoTime() - began < 15_000 * MS) {
                lab.runSlices(3);
                for (int k = 1; k < 3; k++) {
                    if (firstStep[k] == 0 && step(service, k, ids) > 0) {
                        firstStep[k] = System.nanoTime() - began;
                    }
                }
                Thread.sleep(10);
            }
            assertTrue(firstStep[1] >= 1_990 * MS, "second run's first step after " + firstStep[1] / MS + " ms");
            assertTrue(firstStep[2] >= 3_990 * MS, "third run's first step after " + firstStep[2] / MS + " ms");
        }
    }

    private static int step(TrainingService service, int k, List<JobId> ids) {
        return service.snapshot("learner" + k, ids.get(k)).step();
    }
}
