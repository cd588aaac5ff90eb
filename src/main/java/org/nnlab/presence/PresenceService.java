package org.nnlab.presence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Counts the pages open on this server (and, through a {@link PresenceTally}, on the other servers of a cluster)
 * and tells every open page when the count changes, at most once a second with the count then. Listeners
 * are called on a background thread (never on the caller's), one change at a time, so that a slow
 * page cannot hold up the one that joined.
 * <p>
 * A page normally leaves by closing what {@link #join} returned. One that can no longer say so (its tab
 * closed without a word) is found by a sweep every few seconds: a page whose {@code alive} check fails
 * is counted out and its {@code onGone} runs on the sweeper thread, to free what the page held.
 */
@Service
public class PresenceService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PresenceService.class);
    private final Set<Page> pages = ConcurrentHashMap.newKeySet();
    private final PresenceTally tally;
    private final java.util.concurrent.atomic.AtomicBoolean announcing = new java.util.concurrent.atomic.AtomicBoolean();
    /** The count is worked out and told at most once in this many nanoseconds. */
    private final long minIntervalNanos;
    /** When it was last told ({@link System#nanoTime()}). */
    private volatile long lastTold;
    /** This server's count changed since it was last published to the others. */
    private final java.util.concurrent.atomic.AtomicBoolean changedHere = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "presence-notifier");
        t.setDaemon(true);
        return t;
    });

    /** A page as the service knows it; identity, not content, tells two apart. */
    private static final class Page {
        final IntConsumer listener;
        final BooleanSupplier alive;
        final Runnable onGone;

        Page(IntConsumer listener, BooleanSupplier alive, Runnable onGone) {
            this.listener = listener;
            this.alive = alive;
            this.onGone = onGone;
        }
    }

    public PresenceService() {
        this(10);
    }

    /** @param sweepSeconds how often pages that stopped answering are looked for */
    public PresenceService(int sweepSeconds) {
        this(sweepSeconds, PresenceTally.ALONE);
    }

    /**
     * @param sweepSeconds how often pages that stopped answering are looked for
     * @param tally        adds this server's count to the others' (in a cluster)
     */
    @Autowired
    public PresenceService(@Value("${nnlab.presence.sweep-seconds:10}") int sweepSeconds, PresenceTally tally) {
        this(sweepSeconds, tally, 1000);
    }

    /**
     * @param sweepSeconds   how often pages that stopped answering are looked for
     * @param tally          adds this server's count to the others' (in a cluster)
     * @param minIntervalMillis the count is told at most once in this time (later changes wait for the next round)
     */
    PresenceService(int sweepSeconds, PresenceTally tally, long minIntervalMillis) {
        this.tally = tally;
        this.minIntervalNanos = minIntervalMillis * 1_000_000;
        this.lastTold = System.nanoTime() - minIntervalNanos;
        if (sweepSeconds < 1) {
            throw new IllegalArgumentException("nnlab.presence.sweep-seconds must be at least 1, got " + sweepSeconds);
        }
        worker.scheduleWithFixedDelay(this::sweep, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
        tally.onChange(this::announce); // another server's count: told here too, not published again
    }

    /** Counts one more open page and subscribes it; closing the result counts it out again. */
    public AutoCloseable join(IntConsumer onCountChanged) {
        return join(onCountChanged, () -> true, () -> { });
    }

    /**
     * As {@link #join(IntConsumer)}, for a page that may vanish without closing the result: when
     * {@code alive} answers false at a sweep, the page is counted out and {@code onGone} runs.
     */
    public AutoCloseable join(IntConsumer onCountChanged, BooleanSupplier alive, Runnable onGone) {
        Page page = new Page(onCountChanged, alive, onGone);
        pages.add(page);
        changedHere.set(true);
        announce();
        return () -> leave(page);
    }

    /** Pages open on every server of the cluster (this server alone when it is not in one). */
    public int online() {
        return tally.total(pages.size());
    }

    /** Counts out every page whose {@code alive} check fails, and lets it free what it held. */
    public void sweep() {
        for (Page page : pages) {
            try {
                if (!page.alive.getAsBoolean() && leave(page)) {
                    page.onGone.run();
                }
            } catch (RuntimeException e) {
                log.warn("Could not check or release a page that left", e);
            }
        }
    }

    private boolean leave(Page page) {
        if (pages.remove(page)) {
            changedHere.set(true);
            announce();
            return true;
        }
        return false;
    }

    /**
     * Tells every page the new count, once for all the changes that came while an announcement was waiting, and
     * at most once a second: a class of 100 joining within seconds would otherwise push a new count to every open
     * page for nearly every join (100 joins, 100 pages: thousands of pushes while the server is busiest).
     */
    private void announce() {
        if (announcing.compareAndSet(false, true) && !worker.isShutdown()) {
            long wait = Math.max(0, lastTold + minIntervalNanos - System.nanoTime());
            try {
                worker.schedule(() -> {
                    announcing.set(false); // changes from now on announce again; this one reads the count after them
                    lastTold = System.nanoTime();
                    if (changedHere.getAndSet(false)) {
                        tally.publish(pages.size());
                    }
                    tell();
                }, wait, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                announcing.set(false);
            }
        }
    }

    private void tell() {
        int count = online();
        pages.forEach(p -> p.listener.accept(count));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
