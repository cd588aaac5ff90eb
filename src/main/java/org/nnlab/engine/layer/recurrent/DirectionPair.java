package org.nnlab.engine.layer.recurrent;

import java.util.concurrent.atomic.AtomicIntegerArray;
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

    /** Per direction: its stage, the next slice to hand out, the slices done, and how many there are. */
    private final AtomicIntegerArray stage = new AtomicIntegerArray(2);
    private final AtomicIntegerArray next = new AtomicIntegerArray(2);
    private final AtomicIntegerArray done = new AtomicIntegerArray(2);
    private final int[] parts = new int[2];
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
        }
    }

    /** One thread's share: its own direction's next stage, else the other's, until both ends have been taken. */
    private void work() {
        int own = Thread.currentThread() == caller ? 0 : 1;
        try {
            while (!failed && (stage.get(0) < FINISHING || stage.get(1) < FINISHING)) {
                if (!step(own) && !step(1 - own)) {
                    Thread.onSpinWait(); // the other thread is on the last slice, or setting a direction up
                }
            }
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        }
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
