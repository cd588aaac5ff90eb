package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsABurstThenRefusesUntilTheBucketRefills() {
        TokenBuckets buckets = new TokenBuckets(3, 2, now::get);
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(0, buckets.tryTake("a"));
        long wait = buckets.tryTake("a");
        assertEquals(500_000_000L, wait, "one token refills in 1/2 s");

        now.addAndGet(250_000_000L);
        assertEquals(250_000_000L, buckets.tryTake("a"), "half a token is not enough");
        now.addAndGet(250_000_000L);
        assertEquals(0, buckets.tryTake("a"));
        assertTrue(buckets.tryTake("a") > 0);
    }

    @Test
    void eachClientHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1, now::get);
        assertEquals(0, buckets.tryTake("10.0.0.1"));
        assertTrue(buckets.tryTake("10.0.0.1") > 0);
        assertEquals(0, buckets.tryTake("10.0.0.2"));
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheCapacity() {
        TokenBuckets buckets = new TokenBuckets(2, 10, now::get);
        buckets.tryTake("a");
        now.addAndGet(3_600_000_000_000L);
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(0, buckets.tryTake("a"));
        assertTrue(buckets.tryTake("a") > 0);
    }

    @Test
    void forgetsClientsWhoseBucketsAreFullAgain() {
        TokenBuckets buckets = new TokenBuckets(1, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            buckets.tryTake("client-" + i);
        }
        now.addAndGet(5_000_000_000L);
        for (int i = 0; i < 100; i++) {
            buckets.tryTake("late-" + i);
        }
        assertTrue(buckets.trackedClients() < 200, "tracked " + buckets.trackedClients());
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, Double.NaN));
    }
}
