package org.nnlab.training;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One subscriber's coalesced stream of a job's snapshots: an update goes out at once when the last one
 * left at least {@code minGapNanos} ago, otherwise only the newest waiting one goes out when the gap has
 * passed; a final snapshot always goes out at once and is the last. A consumer that throws (a page that
 * has gone) ends the feed.
 */
final class Feed implements Subscription {
    private final Consumer<JobSnapshot> consumer;
    private final long minGapNanos;
    private final ScheduledExecutorService timer;
    private final Runnable onClose;
    private JobSnapshot pending;
    private long lastSent;
    private boolean sentAny;
    private boolean scheduled;
    private boolean closed;
    private boolean finalSent;

    Feed(Consumer<JobSnapshot> consumer, long minGapNanos, ScheduledExecutorService timer, Runnable onClose) {
        this.consumer = consumer;
        this.minGapNanos = minGapNanos;
        this.timer = timer;
        this.onClose = onClose;
    }

    synchronized void offer(JobSnapshot snapshot) {
        if (closed || finalSent) {
            return;
        }
        pending = snapshot;
        long now = System.nanoTime();
        if (snapshot.isFinal() || !sentAny || now - lastSent >= minGapNanos) {
            deliver(now);
        } else if (!scheduled) {
            scheduled = true;
            timer.schedule(this::flush, lastSent + minGapNanos - now, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void flush() {
        scheduled = false;
        if (pending == null || closed || finalSent) {
            return;
        }
        long now = System.nanoTime();
        long wait = lastSent + minGapNanos - now;
        if (wait > 0) {
            scheduled = true;
            timer.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
        } else {
            deliver(now);
        }
    }

    private void deliver(long now) {
        JobSnapshot s = pending;
        pending = null;
        lastSent = now;
        sentAny = true;
        finalSent = s.isFinal();
        try {
            consumer.accept(s);
        } catch (RuntimeException gone) {
            close();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
        }
        onClose.run();
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
