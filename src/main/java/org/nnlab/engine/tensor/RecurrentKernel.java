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
 * adds the two parts. Eight rows × two vectors of {@code out} stay in registers while k runs (with weights
 * in strips, four rows left over take four rows × four vectors, as fast per row); rows left over
 * (single-image inference) keep eight vectors of one row instead.
 * <p>
 * Every value is summed in one order, {@code init} first and then p = 0 … k−1 with one fused
 * multiply-add each, in a full tile, a single row or a masked tail alike: a row's result does not depend
 * on how the batch was cut between threads. Runs on the calling thread.
 */
public final class RecurrentKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int TILE_ROWS = 8;
    /** Rows of the packed path's smaller tile: a slice of four samples (see {@link #halfTile}). */
    private static final int HALF_TILE_ROWS = 4;
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
        rowsTimesWeights(rows, n, k, a, aOff, lda, w, wOff, 0, a, aOff, lda, w, wOff,
                init, initOff, initStride, out, outOff, outStride);
    }

    /**
     * {@code out = init + x · W_x + h · W_h} for {@code rows} rows in one pass: the whole pre-activation of
     * a recurrent step from the step's input rows x [rows, kx] and the previous states h [rows, kh], with
     * W_x [kx, n] at {@code wxOff} and W_h [kh, n] at {@code whOff}; init may repeat one row
     * ({@code initStride} 0, the bias). Each value is summed init first, then along x, then along h. Row
     * strides and offsets as in the method above; kh = 0 leaves h out.
     */
    public static void rowsTimesWeights(int rows, int n, int kx, float[] x, int xOff, int ldx, float[] wx, int wxOff,
                                        int kh, float[] h, int hOff, int ldh, float[] wh, int whOff,
                                        float[] init, int initOff, int initStride,
                                        float[] out, int outOff, int outStride) {
        int r = 0;
        for (; r + TILE_ROWS <= rows; r += TILE_ROWS) {
            int xi = xOff + r * ldx;
            int hi = hOff + r * ldh;
            int ii = initOff + r * initStride;
            int oi = outOff + r * outStride;
            int j = 0;
            for (; j + 2 * L <= n; j += 2 * L) {
                tile(x, xi, ldx, wx, wxOff + j, kx, h, hi, ldh, wh, whOff + j, kh, n,
                        init, ii + j, initStride, out, oi + j, outStride);
            }
            for (int t = 0; t < TILE_ROWS && j < n; t++) {
                row(x, xi + t * ldx, wx, wxOff, kx, h, hi + t * ldh, wh, whOff, kh, n, j,
                        init, ii + t * initStride, out, oi + t * outStride);
            }
        }
        for (; r < rows; r++) {
            int xi = xOff + r * ldx;
            int hi = hOff + r * ldh;
            int ii = initOff + r * initStride;
            int oi = outOff + r * outStride;
            int j = 0;
            for (; j + WIDE * L <= n; j += WIDE * L) {
                System.arraycopy(init, ii + j, out, oi + j, WIDE * L);
                ShortKernels.rowBlock8(x, xi, 1, wx, wxOff + j, out, oi + j, n, kx);
                ShortKernels.rowBlock8(h, hi, 1, wh, whOff + j, out, oi + j, n, kh);
            }
            row(x, xi, wx, wxOff, kx, h, hi, wh, whOff, kh, n, j, init, ii, out, oi);
        }
    }

    /**
     * The same sum as the method above, {@code out = init + x · W_x + h · W_h} with the same order and
     * bits, reading W_x [kx, n] and W_h [kh, n] from their strips ({@link PackedWeights}) in the 8-row
     * tiles; rows past the last whole tile and columns past the last whole strip read the originals.
     * kh = 0 leaves h out (then {@code wh} is not read).
     */
    public static void rowsTimesWeights(int rows, int kx, float[] x, int xOff, int ldx, PackedWeights wx,
                                        int kh, float[] h, int hOff, int ldh, PackedWeights wh,
                                        float[] init, int initOff, int initStride,
                                        float[] out, int outOff, int outStride) {
        int n = wx.n();
        int whole = n / PackedWeights.STRIP;
        float[] whStrips = kh == 0 ? wx.strips() : wh.strips();
        float[] whSource = kh == 0 ? wx.source() : wh.source();
        int r = 0;
        for (; r + TILE_ROWS <= rows; r += TILE_ROWS) {
            int xi = xOff + r * ldx;
            int hi = hOff + r * ldh;
            int ii = initOff + r * initStride;
            int oi = outOff + r * outStride;
            for (int st = 0; st < whole; st++) {
                int j = st * PackedWeights.STRIP;
                tile(x, xi, ldx, wx.strips(), wx.stripStart(st), kx, h, hi, ldh, whStrips,
                        kh == 0 ? 0 : wh.stripStart(st), kh, PackedWeights.STRIP,
                        init, ii + j, initStride, out, oi + j, outStride);
            }
            for (int t = 0; t < TILE_ROWS && whole * PackedWeights.STRIP < n; t++) {
                row(x, xi + t * ldx, wx.source(), 0, kx, h, hi + t * ldh, whSource, 0, kh, n,
                        whole * PackedWeights.STRIP, init, ii + t * initStride, out, oi + t * outStride);
            }
        }
        // four to seven rows left (a slice of four samples): four rows × two strips, then the last odd strip
        // and the columns past the strips one row at a time
        for (; r + HALF_TILE_ROWS <= rows; r += HALF_TILE_ROWS) {
            int xi = xOff + r * ldx;
            int hi = hOff + r * ldh;
            int ii = initOff + r * initStride;
            int oi = outOff + r * outStride;
            int st = 0;
            for (; st + 1 < whole; st += 2) {
                int j = st * PackedWeights.STRIP;
                halfTile(x, xi, ldx, wx.strips(), wx.stripStart(st), wx.stripStart(st + 1), kx, h, hi, ldh, whStrips,
                        kh == 0 ? 0 : wh.stripStart(st), kh == 0 ? 0 : wh.stripStart(st + 1), kh,
                        init, ii + j, initStride, out, oi + j, outStride);
            }
            for (int t = 0; t < HALF_TILE_ROWS && st * PackedWeights.STRIP < n; t++) {
                row(x, xi + t * ldx, wx.source(), 0, kx, h, hi + t * ldh, whSource, 0, kh, n,
                        st * PackedWeights.STRIP, init, ii + t * initStride, out, oi + t * outStride);
            }
        }
        if (r < rows) {
            rowsTimesWeights(rows - r, n, kx, x, xOff + r * ldx, ldx, wx.source(), 0, kh, h, hOff + r * ldh, ldh,
                    whSource, 0, init, initOff + r * initStride, initStride, out, outOff + r * outStride, outStride);
        }
    }

    /**
     * Eight rows × two vectors of out: the accumulators start from init, then take the x part and the h
     * part in turn (one loop body for both: the second pass runs it again on h's rows and W_h). Row p + 1
     * of either W lies {@code wStride} floats after row p (n in place, a strip's width when packed).
     */
    private static void tile(float[] x, int xi, int ldx, float[] wx, int wxi, int kx,
                             float[] h, int hi, int ldh, float[] wh, int whi, int kh, int wStride,
                             float[] init, int ii, int is, float[] out, int oi, int os) {
        FloatVector c00 = FloatVector.fromArray(S, init, ii), c01 = FloatVector.fromArray(S, init, ii + L);
        FloatVector c10 = FloatVector.fromArray(S, init, ii + is), c11 = FloatVector.fromArray(S, init, ii + is + L);
        FloatVector c20 = FloatVector.fromArray(S, init, ii + 2 * is), c21 = FloatVector.fromArray(S, init, ii + 2 * is + L);
        FloatVector c30 = FloatVector.fromArray(S, init, ii + 3 * is), c31 = FloatVector.fromArray(S, init, ii + 3 * is + L);
        FloatVector c40 = FloatVector.fromArray(S, init, ii + 4 * is), c41 = FloatVector.fromArray(S, init, ii + 4 * is + L);
        FloatVector c50 = FloatVector.fromArray(S, init, ii + 5 * is), c51 = FloatVector.fromArray(S, init, ii + 5 * is + L);
        FloatVector c60 = FloatVector.fromArray(S, init, ii + 6 * is), c61 = FloatVector.fromArray(S, init, ii + 6 * is + L);
        FloatVector c70 = FloatVector.fromArray(S, init, ii + 7 * is), c71 = FloatVector.fromArray(S, init, ii + 7 * is + L);
        float[] a = x;
        float[] w = wx;
        int ai = xi, lda = ldx, wi = wxi, k = kx;
        for (int part = 0; part < 2; part++) {
            int a0 = ai, a1 = ai + lda, a2 = ai + 2 * lda, a3 = ai + 3 * lda;
            int a4 = ai + 4 * lda, a5 = ai + 5 * lda, a6 = ai + 6 * lda, a7 = ai + 7 * lda;
            for (int p = 0; p < k; p++, wi += wStride) {
                FloatVector b0 = FloatVector.fromArray(S, w, wi);
                FloatVector b1 = FloatVector.fromArray(S, w, wi + L);
                FloatVector v = FloatVector.broadcast(S, a[a0 + p]);
                c00 = b0.fma(v, c00);
                c01 = b1.fma(v, c01);
                v = FloatVector.broadcast(S, a[a1 + p]);
                c10 = b0.fma(v, c10);
                c11 = b1.fma(v, c11);
                v = FloatVector.broadcast(S, a[a2 + p]);
                c20 = b0.fma(v, c20);
                c21 = b1.fma(v, c21);
                v = FloatVector.broadcast(S, a[a3 + p]);
                c30 = b0.fma(v, c30);
                c31 = b1.fma(v, c31);
                v = FloatVector.broadcast(S, a[a4 + p]);
                c40 = b0.fma(v, c40);
                c41 = b1.fma(v, c41);
                v = FloatVector.broadcast(S, a[a5 + p]);
                c50 = b0.fma(v, c50);
                c51 = b1.fma(v, c51);
                v = FloatVector.broadcast(S, a[a6 + p]);
                c60 = b0.fma(v, c60);
                c61 = b1.fma(v, c61);
                v = FloatVector.broadcast(S, a[a7 + p]);
                c70 = b0.fma(v, c70);
                c71 = b1.fma(v, c71);
            }
            a = h;
            w = wh;
            ai = hi;
            lda = ldh;
            wi = whi;
            k = kh;
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

    /**
     * Four rows × four vectors of out, the columns of two neighbouring strips (starting at {@code wxA} and
     * {@code wxB} in W_x's strips, {@code whA} and {@code whB} in W_h's): the same sums in the same order as
     * {@link #tile}, for a slice of four samples, which reads each weight once for four rows instead of eight.
     */
    private static void halfTile(float[] x, int xi, int ldx, float[] wx, int wxA, int wxB, int kx,
                                 float[] h, int hi, int ldh, float[] wh, int whA, int whB, int kh,
                                 float[] init, int ii, int is, float[] out, int oi, int os) {
        int q = PackedWeights.STRIP;
        FloatVector c00 = FloatVector.fromArray(S, init, ii), c01 = FloatVector.fromArray(S, init, ii + L);
        FloatVector c02 = FloatVector.fromArray(S, init, ii + q), c03 = FloatVector.fromArray(S, init, ii + q + L);
        FloatVector c10 = FloatVector.fromArray(S, init, ii + is), c11 = FloatVector.fromArray(S, init, ii + is + L);
        FloatVector c12 = FloatVector.fromArray(S, init, ii + is + q), c13 = FloatVector.fromArray(S, init, ii + is + q + L);
        FloatVector c20 = FloatVector.fromArray(S, init, ii + 2 * is), c21 = FloatVector.fromArray(S, init, ii + 2 * is + L);
        FloatVector c22 = FloatVector.fromArray(S, init, ii + 2 * is + q);
        FloatVector c23 = FloatVector.fromArray(S, init, ii + 2 * is + q + L);
        FloatVector c30 = FloatVector.fromArray(S, init, ii + 3 * is), c31 = FloatVector.fromArray(S, init, ii + 3 * is + L);
        FloatVector c32 = FloatVector.fromArray(S, init, ii + 3 * is + q);
        FloatVector c33 = FloatVector.fromArray(S, init, ii + 3 * is + q + L);
        float[] a = x;
        float[] w = wx;
        int ai = xi, lda = ldx, wa = wxA, wb = wxB, k = kx;
        for (int part = 0; part < 2; part++) {
            int a0 = ai, a1 = ai + lda, a2 = ai + 2 * lda, a3 = ai + 3 * lda;
            for (int p = 0; p < k; p++, wa += q, wb += q) {
                FloatVector b0 = FloatVector.fromArray(S, w, wa);
                FloatVector b1 = FloatVector.fromArray(S, w, wa + L);
                FloatVector b2 = FloatVector.fromArray(S, w, wb);
                FloatVector b3 = FloatVector.fromArray(S, w, wb + L);
                FloatVector v = FloatVector.broadcast(S, a[a0 + p]);
                c00 = b0.fma(v, c00);
                c01 = b1.fma(v, c01);
                c02 = b2.fma(v, c02);
                c03 = b3.fma(v, c03);
                v = FloatVector.broadcast(S, a[a1 + p]);
                c10 = b0.fma(v, c10);
                c11 = b1.fma(v, c11);
                c12 = b2.fma(v, c12);
                c13 = b3.fma(v, c13);
                v = FloatVector.broadcast(S, a[a2 + p]);
                c20 = b0.fma(v, c20);
                c21 = b1.fma(v, c21);
                c22 = b2.fma(v, c22);
                c23 = b3.fma(v, c23);
                v = FloatVector.broadcast(S, a[a3 + p]);
                c30 = b0.fma(v, c30);
                c31 = b1.fma(v, c31);
                c32 = b2.fma(v, c32);
                c33 = b3.fma(v, c33);
            }
            a = h;
            w = wh;
            ai = hi;
            lda = ldh;
            wa = whA;
            wb = whB;
            k = kh;
        }
        c00.intoArray(out, oi);
        c01.intoArray(out, oi + L);
        c02.intoArray(out, oi + q);
        c03.intoArray(out, oi + q + L);
        c10.intoArray(out, oi + os);
        c11.intoArray(out, oi + os + L);
        c12.intoArray(out, oi + os + q);
        c13.intoArray(out, oi + os + q + L);
        c20.intoArray(out, oi + 2 * os);
        c21.intoArray(out, oi + 2 * os + L);
        c22.intoArray(out, oi + 2 * os + q);
        c23.intoArray(out, oi + 2 * os + q + L);
        c30.intoArray(out, oi + 3 * os);
        c31.intoArray(out, oi + 3 * os + L);
        c32.intoArray(out, oi + 3 * os + q);
        c33.intoArray(out, oi + 3 * os + q + L);
    }

    /** One row of out from column j0 on (what the tiles leave over), one vector at a time, masked at the end. */
    private static void row(float[] x, int xi, float[] wx, int wxOff, int kx, float[] h, int hi, float[] wh,
                            int whOff, int kh, int n, int j0, float[] init, int ii, float[] out, int oi) {
        for (int j = j0; j < n; j += L) {
            VectorMask<Float> mask = S.indexInRange(j, n);
            FloatVector c = FloatVector.fromArray(S, init, ii + j, mask);
            for (int p = 0, wi = wxOff + j; p < kx; p++, wi += n) {
                c = FloatVector.fromArray(S, wx, wi, mask).fma(FloatVector.broadcast(S, x[xi + p]), c);
            }
            for (int p = 0, wi = whOff + j; p < kh; p++, wi += n) {
                c = FloatVector.fromArray(S, wh, wi, mask).fma(FloatVector.broadcast(S, h[hi + p]), c);
            }
            c.intoArray(out, oi + j, mask);
        }
    }
}
