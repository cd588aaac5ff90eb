package org.nnlab.workshop;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.nnlab.base.RateBuckets;
import org.nnlab.base.i18n.LocalizedException;

/**
 * Slows down guessing join codes per client address: each address has a token bucket of {@code perMinute}
 * attempts that refills evenly over a minute, so a person who mistypes a code twice does not notice, while
 * trying codes by the thousand would take years. An attempt with a right code costs nothing: a whole class
 * behind one address (a school's network) joins at once without being slowed. The buckets are kept where the classify limit keeps its own
 * (a map of the cluster), so an address meets one limit however a load balancer spreads its attempts.
 */
final class JoinLimiter {
    private final RateBuckets buckets;

    JoinLimiter(ProxyManager<String> store, int perMinute) {
        this.buckets = new RateBuckets(store, perMinute, perMinute / 60.0);
    }

    /** Counts one attempt from {@code address}, or refuses it saying how many seconds to wait. */
    void attempt(String address) {
        long wait = buckets.tryTake(key(address));
        if (wait > 0) {
            long seconds = RateBuckets.seconds(wait);
            throw new LocalizedException("workshop.join.slowDown", "too many join attempts from " + address
                    + "; try again in " + seconds + " s", seconds);
        }
    }

    /** The attempt {@code address} just made had a right code: it is not counted. */
    void rightCode(String address) {
        buckets.giveBack(key(address));
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
