package org.nnlab.engine.layer.recurrent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.nnlab.engine.tensor.Parallelism;

/**
 * Runs a recurrent layer's time loop for disjoint sample ranges. Samples do not interact inside the loop,
 * so with several kernel threads each thread runs the whole loop for its own share of the batch, with
 * single-threaded per-step products (a slice that is not the whole batch asks its products for one
 * thread): one hand-off per pass instead of one per step. The ranges follow
 * from the batch and the work alone, not from the thread count (a product's rows may be summed
 * differently when there are fewer of them), so the result is the same on any number of threads.
 */
final class BatchSlices {
    /**
     * Most units a batch is cut into: more ranges than threads, so that a thread that loses its core for
     * a while (another process wants it) leaves its remaining ranges to the others instead of holding up
     * the pass, and so that the threads end a pass close together: the last range one thread takes is what
     * the other may have to wait for (with eight ranges of a 64-sample LSTM batch that was 100–190 µs of
     * a pass of about 1 ms).
     */
    private static final int MAX_UNITS = 16;
    /** How many ranges at the end of a pass are single units: the small pieces that even out the threads' ends. */
    private static final int SINGLE_TAIL = 4;

    /** Work on samples [b0, b1) of the batch. */
    interface Slice {
        void run(int b0, int b1);
    }

    private final Slice slice;
    private final IntConsumer task = this::task;
    private int batch;
    private int parts;
    private int units;
    private int group;
    /** How many ranges, the first ones, hold {@link #group} units. */
    private int grouped;
    /** Work that must be done before any range starts (packing the weights), in pieces, for the next run only. */
    private IntConsumer before;
    private int beforeTasks;
    private final AtomicInteger beforeLeft = new AtomicInteger();
    /** Whether the slices run among other layers' tasks (see {@link #share}) rather than as this layer's own. */
    private boolean shared;

    /** Runs of {@code slice}; one such object per layer pass kind, reused from batch to batch. */
    BatchSlices(Slice slice) {
        this.slice = slice;
    }

    /**
     * Cuts a batch of {@code batch} samples, a pass of about {@code flops} operations, into ranges and
     * returns how many: {@link #part} then runs each one. The batch is first cut into units of at least
     * {@code minRows} samples (what the per-step products need to fill a register tile); the ranges taken
     * first hold {@code group} units each (the products' larger tile), the last {@value #SINGLE_TAIL} one unit
     * each, so the pass ends in small pieces. The cut follows from the batch, the work and the cell alone,
     * never from the thread count.
     */
    int plan(int batch, long flops, int minRows, int group) {
        this.batch = batch;
        this.units = (int) Math.max(1, Math.min(Math.min(flops / Parallelism.MIN_FLOPS_PER_THREAD, batch / minRows),
                MAX_UNITS));
        this.group = group;
        this.grouped = group <= 1 ? 0 : Math.max(0, units - SINGLE_TAIL) / group;
        this.parts = grouped + units - grouped * group;
        return parts;
    }

    /**
     * Has {@code tasks} pieces of {@code work} done before the ranges of the next {@link #run(int)}: in the
     * same hand-over to the threads, so the thread that helps with the ranges is already awake and working
     * when they start (a hand-over of its own just before would often find the helper still leaving it,
     * or asleep). A range waits until every piece is done. Run at once on this thread when {@link #shared}.
     */
    void before(int tasks, IntConsumer work) {
        if (shared) {
            for (int i = 0; i < tasks; i++) {
                work.accept(i);
            }
        } else {
            before = work;
            beforeTasks = tasks;
        }
    }

    /** Runs the pieces set by {@link #before}, then the {@code parts} planned ranges, on this job's threads. */
    void run(int parts) {
        int first = beforeTasks;
        try {
            if (first == 0 && parts <= 1) {
                slice.run(0, batch);
            } else {
                beforeLeft.set(first);
                Parallelism.forEach(first + parts, Parallelism.threads(), task);
            }
        } finally {
            before = null;
            beforeTasks = 0;
        }
    }

    /** Task {@code i} of {@link #run(int)}: a piece of the work before, or a range once all those are done. */
    private void task(int i) {
        if (i < beforeTasks) {
            try {
                before.accept(i);
            } finally {
                beforeLeft.decrementAndGet();
            }
            return;
        }
        // every piece has been claimed (tasks are claimed in order): wait for the last ones, a few microseconds
        while (beforeLeft.get() > 0) {
            Thread.onSpinWait();
        }
        part(i - beforeTasks);
    }

    /** Runs planned range {@code i}. */
    void part(int i) {
        slice.run(batch * firstUnit(i) / units, batch * firstUnit(i + 1) / units);
    }

    /** The first unit of range {@code i}: the grouped ranges come first, then the single units. */
    private int firstUnit(int i) {
        return i <= grouped ? i * group : grouped * group + i - grouped;
    }

    /**
     * Marks the ranges as run among other work on the caller's threads ({@link Bidirectional} runs the ranges
     * of both directions as one list): then even a range that is the whole batch keeps its products on the
     * thread running it.
     */
    void share(boolean on) {
        shared = on;
    }

    boolean shared() {
        return shared;
    }
}
