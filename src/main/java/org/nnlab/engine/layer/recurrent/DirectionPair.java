package org.nnlab.engine.layer.recurrent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.nnlab.engine.tensor.Parallelism;

/**
 * One pass of a bidirectional layer on two threads, each direction kept on one thread where it can be.
 * A direction's pass has three stages: its set-up ({@link Pass#start}, which says into how many slices its
 * time loop is cut), the slices (independent of each other), and its end ({@link Pass#finish}, once all
 * its slices are done). The thread that called owns direction 0, the helper direction 1: each takes its own
 * direction's stages first, in order, and only then helps with the other's (a slice not yet started, or its
 * end), so a helper that starts late or loses its core for a while holds nothing up, yet in a steady run
 * each direction's buffers stay in the cache of the core that wrote them (spreading both directions' slices
 * over both threads was measured 10–15 % slower: the buffers moved between cores at every pass).
 * <p>
 * A thread with nothing to take (the other holds the last slice, a start or an end) checks for
 * {@link #SPIN_NANOS}, then sleeps until the other completes a stage. On a machine where another process
 * wants a core, the other thread may have lost its core in the middle of a stage: a thread that kept checking
 * would hold the one core it could run on, and the pass would wait until the system took a core from
 * someone (milliseconds); sleeping hands the core over at once.
 * <p>
 * What runs where never changes a result: the slices are those the layer cuts alone and each end runs on
 * one thread. One object per layer, reused from pass to pass; it allocates nothing.
 */
final class DirectionPair {
    /** One direction's stages of the pass under way. */
    interface Pass {
        /** Sets direction {@code d} up and returns the number of slices of its time loop (at least 1). */
        int start(int d);

        void slice(int d, int i);

        void finish(int d);
    }

    private static final int NEW = 0;
    private static final int STARTING = 1;
    private static final int SLICING = 2;
    private static final int READY_TO_FINISH = 3;
    private static final int FINISHING = 4;

    /**
     * How long a thread with nothing to take checks before it sleeps: longer than most waits for the
     * other thread's last slice on a quiet machine, far shorter than the time a thread that has lost its
     * core waits for it again.
     */
    static final long SPIN_NANOS = 100_000;

    /** Per direction: its stage, the next slice to hand out, the slices done, and how many there are. */
    private final AtomicIntegerArray stage = new AtomicIntegerArray(2);
    private final AtomicIntegerArray next = new AtomicIntegerArray(2);
    private final AtomicIntegerArray done = new AtomicIntegerArray(2);
    private final int[] parts = new int[2];
    /** Stages completed in this pass: what a thread with nothing to take waits to see change. */
    private final AtomicInteger completed = new AtomicInteger();
    /** Per side (0 the caller, 1 the helper): its thread in this pass, and whether it sleeps or is about to. */
    private final Thread[] threads = new Thread[2];
    private final AtomicIntegerArray sleeping = new AtomicIntegerArray(2);
    private final IntConsumer worker = i -> work();
    private volatile boolean failed;
    private Pass pass;
    private Thread caller;

    /** Runs both directions of {@code p} on two threads (the caller and one helper, if one is free). */
    void run(Pass p) {
        pass = p;
        caller = Thread.currentThread();
        failed = false;
        for (int d = 0; d < 2; d++) {
            stage.set(d, NEW);
            next.set(d, 0);
            done.set(d, 0);
        }
        try {
            Parallelism.forEach(2, 2, worker);
        } finally {
            pass = null;
            caller = null;
            threads[0] = null;
            threads[1] = null;
        }
    }

    /** One thread's share: its own direction's next stage, else the other's, until both ends have been taken. */
    private void work() {
        int own = Thread.currentThread() == caller ? 0 : 1;
        threads[own] = Thread.currentThread();
        boolean interrupted = false;
        try {
            // the count is read before the stages: an end taken and completed after this is seen either way
            for (int seen = completed.get(); !failed && (stage.get(0) < FINISHING || stage.get(1) < FINISHING);
                    seen = completed.get()) {
                if (step(own) || step(1 - own)) {
                    completedOne(own);
                } else {
                    // the other thread is on the last slice, or setting a direction up
                    interrupted |= awaitStage(own, seen);
                }
            }
        } catch (RuntimeException | Error e) {
            failed = true;
            completedOne(own);
            throw e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Tells the other side that a stage is complete (or the pass has failed), waking it if it sleeps. */
    private void completedOne(int own) {
        completed.incrementAndGet();
        if (sleeping.get(1 - own) != 0) {
            LockSupport.unpark(threads[1 - own]);
        }
    }

    /**
     * Side {@code own}, with nothing to take: checks, then sleeps, until a stage has been completed since
     * {@code seen}. Returns whether the thread was interrupted meanwhile (the interrupt is kept for later:
     * it would end every sleep at once).
     */
    private boolean awaitStage(int own, int seen) {
        long since = System.nanoTime();
        boolean interrupted = false;
        while (completed.get() == seen && !failed) {
            if (System.nanoTime() - since < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                sleeping.set(own, 1);
                if (completed.get() == seen && !failed) {
                    LockSupport.park(this);
                }
                sleeping.set(own, 0);
                interrupted |= Thread.interrupted();
            }
        }
        return interrupted;
    }

    /** Takes one stage of direction {@code d} if one is free; false when there was none. */
    private boolean step(int d) {
        int s = stage.get(d);
        if (s == NEW) {
            if (stage.compareAndSet(d, NEW, STARTING)) {
                parts[d] = pass.start(d);
                stage.set(d, SLICING); // publishes parts[d]
                return true;
            }
            return false;
        }
        if (s == SLICING) {
            int i = next.get(d) < parts[d] ? next.getAndIncrement(d) : parts[d];
            if (i < parts[d]) {
                pass.slice(d, i);
                if (done.incrementAndGet(d) == parts[d]) {
                    stage.set(d, READY_TO_FINISH);
                }
                return true;
            }
            return false;
        }
        if (s == READY_TO_FINISH && stage.compareAndSet(d, READY_TO_FINISH, FINISHING)) {
            pass.finish(d);
            return true;
        }
        return false;
    }
}
