package org.nnlab.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products whose B is made of shifted views of one array: row p of B is {@code src[offsets[p] …]}. A
 * stride-1 convolution laid out on its (padded) input grid is such a product: row (c, i, j) of its
 * unfolded columns is the input itself, shifted by c·plane + i·width + j, so the columns need not be
 * copied out at all (an unfold writes kh·kw times the input, in rows as short as the output's width).
 * The price is that the product also computes the grid positions no window starts at (the last kw − 1
 * columns of each row, the last kh − 1 rows), which the caller drops.
 * <p>
 * {@link #multiply} is C = A · B with A packed by {@link #pack} into panels of {@value #MR} rows and an
 * {@value #MR} × 2-vector tile of C in registers (as in {@link BlockedKernel}, whose tile it copies);
 * {@link #dots} is C += A · Bᵀ as 4 × 4 blocks of long dot products (a weight gradient summed over
 * every position). Both run on the calling thread (a convolution shares its samples among the threads)
 * and sum along k (or q) in order, so a result does not depend on the caller's split.
 * <p>
 * Every vector call sits in a loop that runs at least once per call, whatever the shapes: a vector call
 * the JIT never saw run may be compiled out of line, each vector then an object on the heap.
 */
public final class ShiftedKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of the tile of C kept in registers. */
    public static final int MR = 8;
    /** Columns of the tile: two vectors. */
    public static final int NR = 2 * L;
    /** Values per vector, the unit of a dot product's length. */
    public static final int LANES = L;

    private ShiftedKernel() {
    }

    /** {@code n} rounded up to a multiple of {@code unit}. */
    public static int roundUp(int n, int unit) {
        return (n + unit - 1) / unit * unit;
    }

    /** Values {@link #pack} writes for an [m, k] matrix. */
    public static int packedSize(int m, int k) {
        return roundUp(m, MR) * k;
    }

    /** Packs A [m, k] (row-major) into panels of MR rows, each [k][MR]; rows past m are zero. */
    public static void pack(float[] a, int m, int k, float[] packed) {
        int mPad = roundUp(m, MR);
        for (int ir = 0; ir < mPad; ir += MR) {
            int base = ir * k;
            for (int r = 0; r < MR; r++) {
                int row = ir + r;
                for (int p = 0; p < k; p++) {
                    packed[base + p * MR + r] = row < m ? a[row * k + p] : 0f;
                }
            }
        }
    }

    /**
     * C[i, q] = Σ_p A[i, p] · src[srcOff + offsets[p] + q] for i below m rounded up to MR and q below n (a
     * multiple of NR): C's rows are {@code ldc} apart from {@code cOff}, and C must have room for the
     * rounded-up rows (zero where A has none). {@code src} must hold srcOff + offsets[p] + n values for every p.
     */
    public static void multiply(float[] packed, int m, int k, float[] src, int srcOff, int[] offsets, float[] c,
                                int cOff, int ldc, int n) {
        if (n % NR != 0 || k < 1) {
            throw new IllegalArgumentException("ShiftedKernel: n must be a multiple of " + NR + " and k at least 1, got n="
                    + n + " k=" + k);
        }
        int mPad = roundUp(m, MR);
        for (int q = 0; q < n; q += NR) {
            for (int ir = 0; ir < mPad; ir += MR) {
                tile(packed, ir * k, src, srcOff + q, offsets, k, c, cOff + ir * ldc + q, ldc);
            }
        }
    }

    /** C tile (MR × NR at cIdx) = A panel [k][MR] · the NR columns of the shifted rows from {@code base}. */
    private static void tile(float[] ap, int ai, float[] src, int base, int[] offsets, int k, float[] c, int cIdx, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0; p < k; p++, ai += MR) {
            int bi = base + offsets[p];
            FloatVector b0 = FloatVector.fromArray(S, src, bi);
            FloatVector b1 = FloatVector.fromArray(S, src, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        c00.intoArray(c, cIdx);
        c01.intoArray(c, cIdx + L);
        c10.intoArray(c, cIdx + ldc);
        c11.intoArray(c, cIdx + ldc + L);
        c20.intoArray(c, cIdx + 2 * ldc);
        c21.intoArray(c, cIdx + 2 * ldc + L);
        c30.intoArray(c, cIdx + 3 * ldc);
        c31.intoArray(c, cIdx + 3 * ldc + L);
        c40.intoArray(c, cIdx + 4 * ldc);
        c41.intoArray(c, cIdx + 4 * ldc + L);
        c50.intoArray(c, cIdx + 5 * ldc);
        c51.intoArray(c, cIdx + 5 * ldc + L);
        c60.intoArray(c, cIdx + 6 * ldc);
        c61.intoArray(c, cIdx + 6 * ldc + L);
        c70.intoArray(c, cIdx + 7 * ldc);
        c71.intoArray(c, cIdx + 7 * ldc + L);
    }

    /**
     * C[i, p] += Σ_{q < len} A[aOff + i·lda + q] · src[srcOff + offsets[p] + q] for i < m and p < n, with m and n
     * multiples of 4 and len a multiple of {@link #LANES}: blocks of 4 × 4 dot products in registers (8
     * loads for 16 multiply-adds); each sum's lanes are added in lane order. C's rows are {@code ldc} apart.
     */
    public static void dots(float[] a, int aOff, int lda, int m, float[] src, int srcOff, int[] offsets, int n,
                            int len, float[] c, int ldc) {
        if (m % 4 != 0 || n % 4 != 0 || len % L != 0 || len < 1) {
            throw new IllegalArgumentException("ShiftedKernel: m and n must be multiples of 4 and len a positive multiple of "
                    + L + ", got m=" + m + " n=" + n + " len=" + len);
        }
        float[] lanes = MatMulBuffers.get().tile;
        for (int i = 0; i < m; i += 4) {
            for (int p = 0; p < n; p += 4) {
                ShortKernels.dotPartials4x4(a, aOff + i * lda, lda, src, srcOff + offsets[p], srcOff + offsets[p + 1],
                        srcOff + offsets[p + 2], srcOff + offsets[p + 3], len, lanes);
                for (int r = 0; r < 4; r++) {
                    for (int s = 0; s < 4; s++) {
                        int base = (r * 4 + s) * L;
                        float sum = 0;
                        for (int l = 0; l < L; l++) {
                            sum += lanes[base + l];
                        }
                        c[(i + r) * ldc + p + s] += sum;
                    }
                }
            }
        }
    }
}
