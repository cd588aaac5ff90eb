package org.nnlab.workshop;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.nnlab.base.i18n.LocalizedException;

/**
 * Slows down join attempts per client address: each address has a token bucket of {@code perMinute}
 * attempts that refills evenly over a minute, so a person who mistypes a code twice does not notice, while
 * trying codes by the thousand would take years. Buckets that have filled up again are dropped by
 * {@link #forgetIdle}.
 */
final class JoinLimiter {
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    JoinLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts one attempt from {@code address}, or refuses it saying how many seconds to wait. */
    void attempt(String address) {
        Bucket bucket = buckets.computeIfAbsent(address == null ? "" : address, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new LocalizedException("workshop.join.slowDown", "too many join attempts from " + address
                    + "; try again in " + seconds + " s", seconds);
        }
    }

    /** Drops the buckets of addresses that have not tried for long enough to be full again. */
    void forgetIdle() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= perMinute);
    }
}
