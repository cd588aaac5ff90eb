package org.nnlab.digits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A rate limit per client: each key (an IP address) has a bucket of {@code capacity} tokens that
 * refills at {@code perSecond} tokens a second; a request takes one token or is refused. So a client
 * may send a burst of {@code capacity} requests and then {@code perSecond} a second on average.
 * Buckets that have been full for a while are dropped, so memory stays bounded by recent clients.
 */
final class TokenBuckets {
    private static final long NANOS = 1_000_000_000L;
    private static final int SWEEP_EVERY = 1024;

    private final double capacity;
    private final double perSecond;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int calls;

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public TokenBuckets(int capacity, double perSecond) {
        this(capacity, perSecond, System::nanoTime);
    }

    TokenBuckets(int capacity, double perSecond, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("rate limit capacity must be at least 1, got " + capacity);
        }
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate limit refill must be a positive number per second, got " + perSecond);
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a token for {@code key}. Returns 0 when allowed, otherwise how many nanoseconds until a
     * token will be there (for a Retry-After header).
     */
    public long tryTake(String key) {
        long now = nanoClock.getAsLong();
        if (++calls % SWEEP_EVERY == 0) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perSecond * NANOS);
        }
    }

    private void refill(Bucket bucket, long now) {
        double added = (now - bucket.updated) / (double) NANOS * perSecond;
        bucket.tokens = Math.min(capacity, bucket.tokens + added);
        bucket.updated = now;
    }

    /** Drops buckets that would be full by now: forgetting them changes nothing. */
    private void sweep(long now) {
        buckets.values().removeIf(b -> {
            synchronized (b) {
                return b.tokens + (now - b.updated) / (double) NANOS * perSecond >= capacity;
            }
        });
    }

    int trackedClients() {
        return buckets.size();
    }
}
