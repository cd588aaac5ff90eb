package org.nnlab.training;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The open subscriptions to jobs' updates, each a coalescing {@link Feed}. A snapshot is made only when
 * somebody is subscribed to the job.
 */
final class Feeds {
    private final Map<JobId, Set<Feed>> byJob = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final long minGapNanos;

    Feeds(ScheduledExecutorService timer, long minGapNanos) {
        this.timer = timer;
        this.minGapNanos = minGapNanos;
    }

    /** Feeds {@code consumer} the job's snapshots, starting with {@code current}. */
    Subscription subscribe(JobId id, JobSnapshot current, Consumer<JobSnapshot> consumer) {
        Set<Feed> set = byJob.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>());
        Feed[] self = new Feed[1];
        self[0] = new Feed(consumer, minGapNanos, timer, () -> set.remove(self[0]));
        set.add(self[0]);
        self[0].offer(current);
        return self[0];
    }

    /** Whether anybody is subscribed to the job's updates (asking allocates nothing). */
    boolean watched(JobId id) {
        Set<Feed> set = byJob.get(id);
        return set != null && !set.isEmpty();
    }

    /** Offers the job's newest snapshot to its subscribers (made here only when there are any). */
    void publish(JobId id, Supplier<JobSnapshot> snapshot) {
        Set<Feed> set = byJob.get(id);
        if (set != null && !set.isEmpty()) {
            JobSnapshot s = snapshot.get();
            set.forEach(f -> f.offer(s));
        }
    }

    /** Runs {@code task} soon on the feeds' own thread (for updates that must not be made under a caller's lock). */
    void later(Runnable task) {
        timer.execute(task);
    }

    /** The job is forgotten: its subscriptions close. */
    void forget(JobId id) {
        Set<Feed> gone = byJob.remove(id);
        if (gone != null) {
            gone.forEach(Feed::close);
        }
    }

    int count() {
        return byJob.values().stream().mapToInt(Set::size).sum();
    }
}
