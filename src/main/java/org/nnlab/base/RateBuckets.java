package org.nnlab.base;

import com.hazelcast.map.IMap;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A rate limit per client, kept by bucket4j: each key (an IP address) has a bucket of {@code capacity} tokens
 * that refills at {@code perSecond} tokens a second; a request takes one token or is refused. So a client may
 * send a burst of {@code capacity} requests and then {@code perSecond} a second on average. The buckets live
 * where the {@link ProxyManager} keeps them (a map of the cluster, see {@link #inMap}: one limit over all
 * nodes; or {@link LocalBucketStore} for a node alone), and expire there once they would be full again, so
 * memory stays bounded by recent clients.
 */
public final class RateBuckets {
    /** How long a bucket is kept once it would be full again. */
    public static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);
    private final ProxyManager<String> store;
    private final Supplier<BucketConfiguration> configuration;

    public RateBuckets(ProxyManager<String> store, int capacity, double perSecond) {
        if (capacity < 1) {
            throw new IllegalArgumentException("rate limit capacity must be at least 1, got " + capacity);
        }
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate limit refill must be a positive number per second, got " + perSecond);
        }
        long nanosPerToken = Math.max(1, Math.round(1e9 / perSecond));
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder().capacity(capacity)
                        .refillGreedy(1, Duration.ofNanos(nanosPerToken)).build())
                .build();
        this.store = store;
        this.configuration = () -> config;
    }

    /**
     * Buckets kept in a Hazelcast map, which every member of the cluster sees; an entry goes a little while
     * after its bucket would be full again (a client that has stopped costs nothing).
     */
    public static ProxyManager<String> inMap(IMap<String, byte[]> map) {
        return Bucket4jHazelcast.<String>entryProcessorBasedBuilder(map)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .build();
    }

    /**
     * Takes a token for {@code key}. Returns 0 when allowed, otherwise how many nanoseconds until a token will
     * be there (for a Retry-After header).
     */
    public long tryTake(String key) {
        ConsumptionProbe probe = store.getProxy(key, configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Returns a token taken for {@code key} (never above the capacity), for a request that turned out not to count. */
    public void giveBack(String key) {
        store.getProxy(key, configuration).addTokens(1);
    }

    /** {@link #tryTake}'s wait in whole seconds, rounded up (at least 1). */
    public static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
