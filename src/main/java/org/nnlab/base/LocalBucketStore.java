package org.nnlab.base;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Rate-limit buckets kept in this JVM, for a node that is alone: a bucket is taken and put back by compare and
 * swap on the calling thread, where a cluster's map would send each request to a partition thread and wait
 * for its answer (two hand-overs between threads that, on a busy server, each wait for a core). As in the
 * cluster's map, an entry goes once its bucket would be full again plus {@code keepAfterFull}; expired entries
 * are swept every {@value #SWEEP_EVERY} writes, so memory stays bounded by recent clients.
 */
public final class LocalBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {
    static final int SWEEP_EVERY = 1024;

    private record Entry(byte[] state, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExpirationAfterWriteStrategy expiration;
    private final LongSupplier clockMillis;
    private final AtomicInteger writes = new AtomicInteger();

    public LocalBucketStore(Duration keepAfterFull) {
        this(keepAfterFull, System::currentTimeMillis);
    }

    LocalBucketStore(Duration keepAfterFull, LongSupplier clockMillis) {
        this(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterFull), clockMillis);
    }

    private LocalBucketStore(ExpirationAfterWriteStrategy expiration, LongSupplier clockMillis) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiration));
        this.expiration = expiration;
        this.clockMillis = clockMillis;
    }

    /** How many buckets are kept (expired ones not yet swept included). */
    int size() {
        return entries.size();
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Entry e = entries.get(key);
                return e == null || expired(e, clockMillis.getAsLong()) ? Optional.empty() : Optional.of(e.state());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                long now = clockMillis.getAsLong();
                long ttl = expiration.calculateTimeToLiveMillis(newState, currentTimeNanos());
                Entry next = new Entry(newData, ttl > 0 ? now + ttl : Long.MAX_VALUE);
                boolean[] swapped = {false};
                entries.compute(key, (k, current) -> {
                    boolean mine = originalData == null ? current == null || expired(current, now)
                            : current != null && current.state() == originalData;
                    swapped[0] = mine;
                    return mine ? next : current;
                });
                if (swapped[0] && writes.incrementAndGet() % SWEEP_EVERY == 0) {
                    sweep(now);
                }
                return swapped[0];
            }
        };
    }

    private static boolean expired(Entry e, long nowMillis) {
        return e.expiresAtMillis() <= nowMillis;
    }

    /** Drops every expired bucket. */
    void sweep(long nowMillis) {
        entries.values().removeIf(e -> expired(e, nowMillis));
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("local buckets are used synchronously");
    }

    @Override
    public void removeProxy(String key) {
        entries.remove(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        removeProxy(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
