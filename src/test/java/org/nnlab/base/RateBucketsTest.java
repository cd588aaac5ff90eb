package org.nnlab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.cluster.TestMembers;

/** A rate limit kept by bucket4j in Hazelcast maps: one member, and two members sharing one limit. */
class RateBucketsTest {
    private static List<HazelcastInstance> members;
    /** A wall clock the test moves by hand (bucket4j accepts only wall clocks for shared buckets). */
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    @BeforeAll
    static void startCluster() {
        members = TestMembers.cluster(2);
    }

    @AfterAll
    static void stopCluster() {
        members.forEach(HazelcastInstance::shutdown);
    }

    private ProxyManager<String> store(HazelcastInstance member, String map) {
        return Bucket4jHazelcast.<String>entryProcessorBasedBuilder(member.<String, byte[]>getMap(map))
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return now.get();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }

    private RateBuckets buckets(HazelcastInstance member, String map, int capacity, double perSecond) {
        return new RateBuckets(store(member, map), capacity, perSecond);
    }

    private static String freshMap() {
        return "buckets-" + UUID.randomUUID();
    }

    @Test
    void allowsABurstThenRefusesUntilTheBucketRefills() {
        RateBuckets buckets = buckets(members.get(0), freshMap(), 3, 2);
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(500_000_000L, buckets.tryTake("a"), "one token refills in 1/2 s");

        now.addAndGet(250_000_000L);
        assertEquals(250_000_000L, buckets.tryTake("a"), "half a token is not enough");
        now.addAndGet(250_000_000L);
        assertEquals(0, buckets.tryTake("a"));
        assertTrue(buckets.tryTake("a") > 0);
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateBuckets buckets = buckets(members.get(0), freshMap(), 1, 1);
        assertEquals(0, buckets.tryTake("10.0.0.1"));
        assertTrue(buckets.tryTake("10.0.0.1") > 0);
        assertEquals(0, buckets.tryTake("10.0.0.2"));
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheCapacity() {
        RateBuckets buckets = buckets(members.get(0), freshMap(), 2, 10);
        buckets.tryTake("a");
        now.addAndGet(3_600_000_000_000L);
        assertEquals(0, buckets.tryTake("a"));
        assertEquals(0, buckets.tryTake("a"));
        assertTrue(buckets.tryTake("a") > 0);
    }

    @Test
    void aClientMeetsOneLimitOnEveryMember() {
        String map = freshMap();
        RateBuckets first = buckets(members.get(0), map, 4, 1);
        RateBuckets second = buckets(members.get(1), map, 4, 1);
        assertEquals(0, first.tryTake("10.0.0.9"));
        assertEquals(0, second.tryTake("10.0.0.9"));
        assertEquals(0, first.tryTake("10.0.0.9"));
        assertEquals(0, second.tryTake("10.0.0.9"));
        assertEquals(1_000_000_000L, second.tryTake("10.0.0.9"), "four taken over two members: the burst is spent");
        assertEquals(1_000_000_000L, first.tryTake("10.0.0.9"));
        assertEquals(0, second.tryTake("10.0.0.10"), "another client still has its own burst");
    }

    @Test
    void refusesNonsenseSettings() {
        ProxyManager<String> store = store(members.get(0), freshMap());
        assertThrows(IllegalArgumentException.class, () -> new RateBuckets(store, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateBuckets(store, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateBuckets(store, 1, Double.NaN));
    }
}
