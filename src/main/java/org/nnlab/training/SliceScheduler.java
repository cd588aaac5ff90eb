package org.nnlab.training;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nnlab.engine.tensor.Parallelism;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shares a fixed number of worker threads ({@code nnlab.training.workers}) fairly among long pieces of
 * live work: training runs, and anything else that must keep going while people watch (a lab's demo).
 * Work is cut into short slices. Each submission waits in one round-robin line; a worker takes the
 * submission at the head, runs one slice of it, and when more remains puts it at the back again. With
 * n submissions each advances at about 1/n of its solo speed, and no one can hold a worker for longer
 * than one slice. The engine's kernels inside a slice get the cores the other busy workers leave.
 * <p>
 * A slice of one submission never runs at the same time as another slice of the same submission, so
 * the work needs no lock of its own against itself. When the application stops, the workers stop early
 * (before the database and the rest go): a slice running then finishes, no further one starts.
 */
@Component
public class SliceScheduler implements AutoCloseable, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SliceScheduler.class);

    /** One short piece of work (aim for well under 100 ms); returns true while more remains. */
    @FunctionalInterface
    public interface Slice {
        boolean run();
    }

    /** A submitted piece of work, to cancel it or to ask whether it is over. */
    public interface Handle {
        /** Runs no further slice (one that is running now ends as usual). */
        void cancel();

        /** True once a slice said nothing more remains, a slice threw, or it was cancelled. */
        boolean isDone();
    }

    private final int workers;
    /** Makes the executor again after a stop (Spring's test framework stops and restarts idle contexts). */
    private final java.util.function.Supplier<Executor> executors;
    private volatile Executor executor;
    private final Object lock = new Object();
    private final ArrayDeque<Entry> line = new ArrayDeque<>();
    private int running;
    private volatile boolean started;
    /** One turn, handed to the executor for every place in the line (made once, not per slice). */
    private final Runnable turn = this::runNext;

    @Autowired
    public SliceScheduler(TrainingProperties properties) {
        this(properties.workerCount(), () -> pool(properties.workerCount()));
    }

    /** With {@code executor} running the turns; tests give one that runs nothing and call {@link #runNext} themselves. */
    SliceScheduler(int workers, Executor executor) {
        this(workers, () -> executor);
    }

    private SliceScheduler(int workers, java.util.function.Supplier<Executor> executors) {
        this.workers = workers;
        this.executors = executors;
        this.executor = executors.get();
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "slice-worker-" + count.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Puts {@code slice} at the back of the line; its slices run until one returns false, one throws (logged),
     * or the handle is cancelled. {@code owner} names who the work is for (a session or participant id).
     */
    public Handle submit(String owner, Slice slice) {
        return submit(owner, slice, false);
    }

    /** As {@link #submit(String, Slice)}, but {@code first} puts it at the head of the line (e.g. to end a run soon). */
    Handle submit(String owner, Slice slice, boolean first) {
        if (owner == null || slice == null) {
            throw new IllegalArgumentException("a slice needs an owner and work to do");
        }
        Entry entry = new Entry(owner, slice);
        enqueue(entry, first);
        return entry;
    }

    /**
     * Takes the submission out of the line when it is waiting there, and returns true: then none of its slices
     * runs any more. False when a slice of it is running now or it is over (that slice ends as it would).
     */
    boolean withdraw(Handle handle) {
        Entry entry = (Entry) handle;
        synchronized (lock) {
            if (!line.remove(entry)) {
                return false;
            }
        }
        entry.cancelled = true;
        entry.done = true;
        return true;
    }

    private void enqueue(Entry entry, boolean first) {
        synchronized (lock) {
            if (first) {
                line.addFirst(entry);
            } else {
                line.addLast(entry);
            }
        }
        // one turn per place in the line: a turn runs whichever submission is at the head then
        try {
            executor.execute(turn);
        } catch (RejectedExecutionException stopped) {
            log.debug("the workers have stopped: {}'s work waits for nobody", entry.owner);
        }
    }

    /** One turn: runs one slice of the submission at the head of the line. False when the line was empty. */
    boolean runNext() {
        Entry entry;
        int threads;
        synchronized (lock) {
            entry = line.pollFirst();
            if (entry == null) {
                return false;
            }
            running++;
            int busy = Math.min(workers, line.size() + running);
            threads = Math.max(1, Parallelism.defaultThreads() / Math.max(1, busy));
        }
        boolean more = false;
        try {
            more = !entry.cancelled && Parallelism.withThreads(threads, entry.run);
        } catch (RuntimeException | Error e) {
            log.error("a slice of {}'s work failed; it gets no more turns", entry.owner, e);
        } finally {
            synchronized (lock) {
                running--;
            }
        }
        if (more && !entry.cancelled) {
            enqueue(entry, false);
        } else {
            entry.done = true;
        }
        return true;
    }

    /** Submissions waiting for a turn or running one now. */
    int pending() {
        synchronized (lock) {
            return line.size() + running;
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (executor instanceof ExecutorService service && service.isShutdown()) {
                executor = executors.get();
                for (int i = 0; i < line.size(); i++) {
                    executor.execute(turn);
                }
            }
        }
        started = true;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public void stop() {
        started = false;
        close();
    }

    @Override
    public void close() {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    private final class Entry implements Handle {
        final String owner;
        final Slice slice;
        /** The slice as the kernels' thread binding runs it, made once (not per turn). */
        final ScopedValue.CallableOp<Boolean, RuntimeException> run;
        volatile boolean cancelled;
        volatile boolean done;

        Entry(String owner, Slice slice) {
            this.owner = owner;
            this.slice = slice;
            this.run = slice::run;
        }

        @Override
        public void cancel() {
            cancelled = true;
            withdraw(this);
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
