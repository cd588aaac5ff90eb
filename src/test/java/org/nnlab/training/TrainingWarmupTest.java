package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The startup warm-up trains the number of mini-batches configured, in the background at training priority. */
class TrainingWarmupTest {
    @Test
    void itTrainsTheConfiguredBatchesOnABackgroundThreadBelowNormalPriority() throws Exception {
        TrainingWarmup warmup = new TrainingWarmup(3);
        warmup.run(null);
        Thread t = warmup.thread();
        assertTrue(t.isDaemon());
        assertEquals(Thread.NORM_PRIORITY - 1, t.getPriority(), "training priority: nice 15 in the server");
        t.join(60_000);
        assertEquals(3, new TrainingWarmup(3).warmUp());
    }

    @Test
    void zeroTurnsItOffAndANegativeCountIsRefused() {
        TrainingWarmup off = new TrainingWarmup(0);
        off.run(null);
        assertNull(off.thread());
        assertThrows(IllegalArgumentException.class, () -> new TrainingWarmup(-1));
    }
}
