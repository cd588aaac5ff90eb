package org.nnlab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rate-limit buckets kept in this JVM limit as the cluster's map does, per key, and forget idle clients. */
class LocalBucketStoreTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final LocalBucketStore store = new LocalBucketStore(Duration.ofSeconds(10), clock::get);

    @Test
    void aClientGetsItsBurstThenWaitsAndAnotherClientHasItsOwnBucket() {
        RateBuckets buckets = new RateBuckets(store, 3, 0.5);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.tryTake("10.0.0.1"), "request " + (i + 1) + " of the burst");
        }
        long wait = buckets.tryTake("10.0.0.1");
        assertTrue(wait > 1_000_000_000L && wait <= 2_000_000_000L, "a token comes every 2 s: " + wait);
        assertEquals(0, buckets.tryTake("10.0.0.2"), "another address has a full bucket");
        buckets.giveBack("10.0.0.1");
        assertEquals(0, buckets.tryTake("10.0.0.1"), "the token given back is there");
        assertTrue(buckets.tryTake("10.0.0.1") > 0);
    }

    @Test
    void bucketsAreForgottenOnceTheyWouldBeFullAgainAndTheKeepTimeHasPassed() {
        RateBuckets buckets = new RateBuckets(store, 2, 100);
        for (int i = 0; i < 50; i++) {
            buckets.tryTake("client-" + i);
        }
        assertEquals(50, store.size());
        store.sweep(clock.get() + 5_000);
        assertEquals(50, store.size(), "kept for 10 s after they would be full");
        store.sweep(clock.get() + 11_000);
        assertEquals(0, store.size());
    }

    @Test
    void anExpiredBucketStartsFullAgain() {
        RateBuckets buckets = new RateBuckets(store, 1, 0.001);
        assertEquals(0, buckets.tryTake("a"));
        assertTrue(buckets.tryTake("a") > 0);
        clock.addAndGet(Duration.ofDays(20).toMillis());
        assertEquals(0, buckets.tryTake("a"), "an expired entry is not read back");
    }

    @Test
    void writesSweepNowAndThen() {
        RateBuckets buckets = new RateBuckets(store, 10_000, 100);
        buckets.tryTake("old");
        clock.addAndGet(60_000);
        for (int i = 0; i < LocalBucketStore.SWEEP_EVERY; i++) {
            buckets.tryTake("new");
        }
        assertEquals(1, store.size(), "the old client's bucket went at a sweep");
    }
}
