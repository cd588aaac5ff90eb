package org.nnlab.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product a recurrent layer makes at every step: a few rows (one slice of the batch) times a weight
 * matrix that stays the same for the whole sequence, on top of a starting value,
 * <pre>
 * out[r, :] = init[r, :] + a[r, :] · W        r in [0, rows), a [rows, k], W [k, n] row-major
 * </pre>
 * Forward, {@code init} is the input part of the pre-activation and {@code a} the previous state; backward,
 * {@code init} is the gradient that reached the state directly and {@code a} the pre-activation gradient
 * times W_hᵀ. {@link MatMul} would pack the rows and go through a scratch tile at each of the many small
 * steps; here W is read where it lies and the accumulators start from {@code init}, so no second pass
 * adds the two parts. Eight rows × two vectors of {@code out} stay in registers while k runs; rows left
 * over (single-image inference) keep eight vectors of one row instead.
 * <p>
 * Every value is summed in one order, {@code init} first and then p = 0 … k−1 with one fused
 * multiply-add each, in a full tile, a single row or a masked tail alike: a row's result does not depend
 * on how the batch was cut between threads. Runs on the calling thread.
 */
public final class RecurrentKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int TILE_ROWS = 8;
    /** Vectors of out one row keeps in registers. */
    private static final int WIDE = 8;

    private RecurrentKernel() {
    }

    /**
     * {@code out = init + a · W} for {@code rows} rows. Row r of a starts at {@code aOff + r·lda}, of init at
     * {@code initOff + r·initStride}, of out at {@code outOff + r·outStride}; W [k, n] starts at {@code wOff}.
     * With k = 0 it copies init. {@code out} may be {@code init} itself.
     */
    public static void rowsTimesWeights(int rows, int n, int k, float[] a, int aOff, int lda, float[] w, int wOff,
                                        float[] init, int initOff, int initStride,
                                        float[] out, int outOff, int outStride) {
        int r = 0;
        for (; r + TILE_ROWS <= rows; r += TILE_ROWS) {
            int ai = aOff + r * lda;
            int ii = initOff + r * initStride;
            int oi = outOff + r * outStride;
            int j = 0;
            for (; j + 2 * L <= n; j += 2 * L) {
                tile(a, ai, lda, w, wOff + j, n, k, init, ii + j, initStride, out, oi + j, outStride);
            }
            for (int t = 0; t < TILE_ROWS && j < n; t++) {
                row(a, ai + t * lda, w, wOff, n, k, j, init, ii + t * initStride, out, oi + t * outStride);
            }
        }
        for (; r < rows; r++) {
            int ai = aOff + r * lda;
            int ii = initOff + r * initStride;
            int oi = outOff + r * outStride;
            int j = 0;
            for (; j + WIDE * L <= n; j += WIDE * L) {
                wideRow(a, ai, w, wOff + j, n, k, init, ii + j, out, oi + j);
            }
            row(a, ai, w, wOff, n, k, j, init, ii, out, oi);
        }
    }

    /**
     * One row, eight vectors of out from column {@code wi − wOff} on: out starts as init, then
     * {@link ShortKernels#rowBlock8} adds the row's product (eight independent chains of fused multiply-adds,
     * since a single row has no other rows to share the loads of W with).
     */
    private static void wideRow(float[] a, int ai, float[] w, int wi, int n, int k, float[] init, int ii,
                                float[] out, int oi) {
        System.arraycopy(init, ii, out, oi, WIDE * L);
        ShortKernels.rowBlock8(a, ai, 1, w, wi, out, oi, n, k);
    }

    /** Eight rows × two vectors of out, from column {@code wi − wOff} on. */
    private static void tile(float[] a, int ai, int lda, float[] w, int wi, int n, int k,
                             float[] init, int ii, int is, float[] out, int oi, int os) {
        FloatVector c00 = FloatVector.fromArray(S, init, ii), c01 = FloatVector.fromArray(S, init, ii + L);
        FloatVector c10 = FloatVector.fromArray(S, init, ii + is), c11 = FloatVector.fromArray(S, init, ii + is + L);
        FloatVector c20 = FloatVector.fromArray(S, init, ii + 2 * is), c21 = FloatVector.fromArray(S, init, ii + 2 * is + L);
        FloatVector c30 = FloatVector.fromArray(S, init, ii + 3 * is), c31 = FloatVector.fromArray(S, init, ii + 3 * is + L);
        FloatVector c40 = FloatVector.fromArray(S, init, ii + 4 * is), c41 = FloatVector.fromArray(S, init, ii + 4 * is + L);
        FloatVector c50 = FloatVector.fromArray(S, init, ii + 5 * is), c51 = FloatVector.fromArray(S, init, ii + 5 * is + L);
        FloatVector c60 = FloatVector.fromArray(S, init, ii + 6 * is), c61 = FloatVector.fromArray(S, init, ii + 6 * is + L);
        FloatVector c70 = FloatVector.fromArray(S, init, ii + 7 * is), c71 = FloatVector.fromArray(S, init, ii + 7 * is + L);
        int a0 = ai, a1 = ai + lda, a2 = ai + 2 * lda, a3 = ai + 3 * lda;
        int a4 = ai + 4 * lda, a5 = ai + 5 * lda, a6 = ai + 6 * lda, a7 = ai + 7 * lda;
        for (int p = 0; p < k; p++, wi += n) {
            FloatVector b0 = FloatVector.fromArray(S, w, wi);
            FloatVector b1 = FloatVector.fromArray(S, w, wi + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, a[a6 + p]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, a[a7 + p]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        c00.intoArray(out, oi);
        c01.intoArray(out, oi + L);
        c10.intoArray(out, oi + os);
        c11.intoArray(out, oi + os + L);
        c20.intoArray(out, oi + 2 * os);
        c21.intoArray(out, oi + 2 * os + L);
        c30.intoArray(out, oi + 3 * os);
        c31.intoArray(out, oi + 3 * os + L);
        c40.intoArray(out, oi + 4 * os);
        c41.intoArray(out, oi + 4 * os + L);
        c50.intoArray(out, oi + 5 * os);
        c51.intoArray(out, oi + 5 * os + L);
        c60.intoArray(out, oi + 6 * os);
        c61.intoArray(out, oi + 6 * os + L);
        c70.intoArray(out, oi + 7 * os);
        c71.intoArray(out, oi + 7 * os + L);
    }

    /** One row of out from column j0 on (what the tiles leave over), one vector at a time, masked at the end. */
    private static void row(float[] a, int ai, float[] w, int wOff, int n, int k, int j0,
                            float[] init, int ii, float[] out, int oi) {
        for (int j = j0; j < n; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, n);
            FloatVector c = FloatVector.fromArray(S, init, ii + j, mask);
            for (int p = 0, wi = wOff + j; p < k; p++, wi += n) {
                c = FloatVector.fromArray(S, w, wi, mask).fma(FloatVector.broadcast(S, a[ai + p]), c);
            }
            c.intoArray(out, oi + j, mask);
        }
    }
}
