package org.nnlab.engine.tensor;

import jdk.incubator.vector.FloatVector;

/**
 * A weight matrix W [k, n] (row-major, as a layer keeps it) copied into column strips for
 * {@link RecurrentKernel}: strip s holds columns [s·w, (s + 1)·w) of row 0, then of row 1, and so on
 * (w = two vectors, the width of the kernel's tiles), so a tile walks its weights in one contiguous run
 * instead of one short piece every n floats. Columns past the last whole strip stay out; the kernel
 * reads them from the original, which this object keeps. Filled again by {@link #pack} (once per pass,
 * while W stays the same for all its steps); allocates only when the size grows.
 */
public final class PackedWeights {
    /** Columns per strip. */
    static final int STRIP = 2 * FloatVector.SPECIES_PREFERRED.length();

    private float[] strips = new float[0];
    private float[] source;
    private int k;
    private int n;

    /** Copies W [k, n] from {@code w} into strips and keeps {@code w} for the columns past them. */
    public void pack(float[] w, int k, int n) {
        int whole = n / STRIP;
        if (strips.length < whole * STRIP * k) {
            strips = new float[whole * STRIP * k];
        }
        for (int s = 0; s < whole; s++) {
            int base = s * k * STRIP;
            for (int p = 0; p < k; p++) {
                System.arraycopy(w, p * n + s * STRIP, strips, base + p * STRIP, STRIP);
            }
        }
        this.source = w;
        this.k = k;
        this.n = n;
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
