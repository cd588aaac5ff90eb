package org.nnlab.engine.tensor;

import jdk.incubator.vector.FloatVector;

/**
 * A weight matrix W [k, n] (row-major, as a layer keeps it) copied into column strips for
 * {@link RecurrentKernel}: strip s holds columns [s·w, (s + 1)·w) of row 0, then of row 1, and so on
 * (w = two vectors, the width of the kernel's tiles), so a tile walks its weights in one contiguous run
 * instead of one short piece every n floats. Columns past the last whole strip stay out; the kernel
 * reads them from the original, which this object keeps. Filled again by {@link #pack} (once per pass,
 * while W stays the same for all its steps); allocates only when the size grows.
 * <p>
 * The filling can be cut by rows of W for several threads ({@link WeightPacking} does): {@link #fit}
 * first, on one thread, then {@link #packRows} (or {@link #transposeRows}) for disjoint row ranges in
 * any order; a row's strip entries depend on that row alone, so the strips come out the same however
 * the rows were shared.
 */
public final class PackedWeights {
    /** Columns per strip. */
    static final int STRIP = 2 * FloatVector.SPECIES_PREFERRED.length();
    /** Side of the square blocks {@link #transposeRows} copies: what it reads and writes stays in the first-level cache. */
    private static final int BLOCK = 16;

    private float[] strips = new float[0];
    private float[] source;
    private int k;
    private int n;

    /** Copies W [k, n] from {@code w} into strips and keeps {@code w} for the columns past them. */
    public void pack(float[] w, int k, int n) {
        fit(w, k, n);
        packRows(0, k);
    }

    /**
     * Makes room for the strips of W [k, n] held in {@code w} and keeps {@code w}; the strips are filled by
     * {@link #packRows} or {@link #transposeRows} next.
     */
    public void fit(float[] w, int k, int n) {
        int whole = n / STRIP;
        if (strips.length < whole * STRIP * k) {
            strips = new float[whole * STRIP * k];
        }
        this.source = w;
        this.k = k;
        this.n = n;
    }

    /** Copies rows [p0, p1) of the kept W into their places in the strips. */
    public void packRows(int p0, int p1) {
        int whole = n / STRIP;
        for (int s = 0; s < whole; s++) {
            int base = s * k * STRIP;
            for (int p = p0; p < p1; p++) {
                System.arraycopy(source, p * n + s * STRIP, strips, base + p * STRIP, STRIP);
            }
        }
    }

    /**
     * Writes rows [p0, p1) of the kept W as the transposition of {@code t} [n, k] (W = tᵀ: row p of W is
     * column p of t), then packs them: a layer's W_hᵀ made and packed in one pass over its row blocks.
     */
    public void transposeRows(float[] t, int p0, int p1) {
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int r1 = Math.min(n, r0 + BLOCK);
            for (int c0 = p0; c0 < p1; c0 += BLOCK) {
                int c1 = Math.min(p1, c0 + BLOCK);
                for (int r = r0; r < r1; r++) {
                    for (int c = c0, row = r * k; c < c1; c++) {
                        source[c * n + r] = t[row + c];
                    }
                }
            }
        }
        packRows(p0, p1);
    }

    float[] strips() {
        return strips;
    }

    float[] source() {
        return source;
    }

    int k() {
        return k;
    }

    int n() {
        return n;
    }

    /** Where strip {@code s} starts in {@link #strips()}. */
    int stripStart(int s) {
        return s * k * STRIP;
    }
}
