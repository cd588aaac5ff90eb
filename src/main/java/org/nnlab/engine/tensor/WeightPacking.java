package org.nnlab.engine.tensor;

import java.util.function.IntConsumer;

/**
 * Fills {@link PackedWeights} on the job's kernel threads, cut by blocks of rows of W: what a recurrent
 * layer does before each pass (W_x and W_h before forward, W_hᵀ made from W_h and packed before
 * backward). On one thread that copying was the serial part of the pass, and while it ran the other
 * thread went to sleep, so the time loop that followed started on one thread and ended unevenly. Each
 * block is a plain copy of its own rows, so the strips are the same bits however the blocks were shared.
 * One object per layer, reused from pass to pass; it allocates nothing.
 */
public final class WeightPacking {
    /** Floats of W per block: a block is worth a hand-over to another thread (a few microseconds of copying). */
    static final int BLOCK_FLOATS = 8192;
    /** Block heights are a multiple of this, the side of the transposition's square blocks. */
    private static final int ROW_UNIT = 16;

    private final PackedWeights[] targets = new PackedWeights[2];
    /** Per target: the matrix to transpose into it, or null to pack its kept W as it is. */
    private final float[][] transposed = new float[2][];
    /** Per target: its first block's number, and the rows per block; {@code first[2]} is the number of blocks. */
    private final int[] first = new int[3];
    private final int[] rowsPerBlock = new int[2];
    private final IntConsumer block = this::block;

    /**
     * Packs the rows of {@code a} and {@code b} (each already {@link PackedWeights#fit fitted} to its W;
     * {@code b} may be null) on up to {@code threads} threads, and returns when both are filled.
     */
    public void pack(PackedWeights a, PackedWeights b, int threads) {
        Parallelism.forEach(plan(a, b), threads, block);
    }

    /**
     * Makes {@code w}'s kept W [k, n] the transposition of {@code t} [n, k] and packs it (w fitted to W),
     * on up to {@code threads} threads.
     */
    public void packTransposed(PackedWeights w, float[] t, int threads) {
        Parallelism.forEach(planTransposed(w, t), threads, block);
    }

    /**
     * Cuts the packing of {@code a} and {@code b} (as {@link #pack}) into blocks and returns how many; each
     * block is then filled by {@link #block}, once, on any thread, in any order, until the next plan.
     */
    public int plan(PackedWeights a, PackedWeights b) {
        return plan(a, null, b);
    }

    /** Cuts the work of {@link #packTransposed} into blocks for {@link #block} and returns how many. */
    public int planTransposed(PackedWeights w, float[] t) {
        return plan(w, t, null);
    }

    /** Fills block {@code i} of the last plan. */
    public void block(int i) {
        int t = i < first[1] ? 0 : 1;
        PackedWeights w = targets[t];
        int p0 = (i - first[t]) * rowsPerBlock[t];
        int p1 = Math.min(w.k(), p0 + rowsPerBlock[t]);
        if (transposed[t] == null) {
            w.packRows(p0, p1);
        } else {
            w.transposeRows(transposed[t], p0, p1);
        }
    }

    /** {@link #block} as a task for {@link Parallelism#forEach} (one object, made once). */
    public IntConsumer blocks() {
        return block;
    }

    private int plan(PackedWeights a, float[] ta, PackedWeights b) {
        targets[0] = a;
        targets[1] = b;
        transposed[0] = ta;
        transposed[1] = null;
        first[0] = 0;
        for (int i = 0; i < 2; i++) {
            PackedWeights w = targets[i];
            int blocks = 0;
            if (w != null && w.k() > 0) {
                rowsPerBlock[i] = rowsPerBlock(w.n());
                blocks = (w.k() + rowsPerBlock[i] - 1) / rowsPerBlock[i];
            }
            first[i + 1] = first[i] + blocks;
        }
        return first[2];
    }

    /** Rows of a W with n columns per block: about {@link #BLOCK_FLOATS} floats, a whole number of row units. */
    static int rowsPerBlock(int n) {
        return Math.max(1, BLOCK_FLOATS / Math.max(1, n) / ROW_UNIT) * ROW_UNIT;
    }
}
