package org.nnlab.engine.layer.recurrent;

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
    /** Fewest samples per range worth a thread of its own. */
    private static final int MIN_SLICE = 8;
    /**
     * Most ranges a batch is cut into: more ranges than threads, so that a thread that loses its core for
     * a while (another process wants it) leaves its remaining ranges to the others instead of holding up
     * the pass; a range of 8 samples still fills the matrix kernel's 8-row register tile.
     */
    private static final int MAX_SLICES = 8;

    /** Work on samples [b0, b1) of the batch. */
    interface Slice {
        void run(int b0, int b1);
    }

    private final Slice slice;
    private final IntConsumer range = this::part;
    private int batch;
    private int parts;
    /** Whether the slices run among other layers' tasks (see {@link #share}) rather than as this layer's own. */
    private boolean shared;

    /** Runs of {@code slice}; one such object per layer pass kind, reused from batch to batch. */
    BatchSlices(Slice slice) {
        this.slice = slice;
    }

    /** Runs the slice over the batch of {@code batch} samples, a pass of about {@code flops} operations. */
    void run(int batch, long flops) {
        run(plan(batch, flops));
    }

    /**
     * Cuts a batch of {@code batch} samples, a pass of about {@code flops} operations, into ranges and
     * returns how many: {@link #part} then runs each one. The cut follows from the batch and the work alone.
     */
    int plan(int batch, long flops) {
        this.batch = batch;
        this.parts = (int) Math.max(1, Math.min(Math.min(flops / Parallelism.MIN_FLOPS_PER_THREAD, batch / MIN_SLICE),
                MAX_SLICES));
        return parts;
    }

    /** Runs the {@code parts} planned ranges on this job's threads. */
    void run(int parts) {
        if (parts <= 1) {
            slice.run(0, batch);
        } else {
            Parallelism.forEach(parts, Parallelism.threads(), range);
        }
    }

    /** Runs planned range {@code i}. */
    void part(int i) {
        slice.run(batch * i / parts, batch * (i + 1) / parts);
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
