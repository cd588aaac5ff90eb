package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void theSpeedIsMeasuredAtOnceButSettlesOnlyAfterSeveralReadingsOverTwoSeconds() {
        RateMeter meter = new RateMeter();
        meter.add(0, 0);
        assertTrue(Double.isNaN(meter.perSecond()));
        meter.add(100 * MS, 50);
        assertEquals(500, meter.perSecond(), 1e-9);
        assertFalse(meter.isSettled(), "one slice says little");
        for (int i = 2; i <= 10; i++) {
            meter.add(i * 100 * MS, i * 50L);
        }
        assertFalse(meter.isSettled(), "many readings, but within one second");
        meter.add(2500 * MS, 1250);
        assertTrue(meter.isSettled());
        assertEquals(500, meter.perSecond(), 1e-9);
    }

    @Test
    void fewReadingsOverALongTimeAreNotEnough() {
        RateMeter meter = new RateMeter();
        meter.add(0, 0);
        meter.add(3000 * MS, 100);
        meter.add(6000 * MS, 200);
        assertFalse(meter.isSettled(), "two slices, each slow: the first ones include warming up");
    }
}
