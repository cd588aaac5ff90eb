package org.nnlab.engine.tensor;

import static org.nnlab.engine.tensor.BlockedKernel.L;
import static org.nnlab.engine.tensor.BlockedKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * The shapes {@link MatMul} multiplies without packing: one or two rows times B (single-image
 * inference), a few long dot products (A·Bᵀ with long k and a small C, as weight gradients are), and
 * tiny products in plain loops.
 */
final class ShortKernels {
    private ShortKernels() {
    }

    /**
     * C row (n values at cRow) += Σ_p A(i, p) · B[p, :], where A(i, p) = a[aOff + i·rowStep + p·colStep]
     * and B is [k, n] row-major: eight vectors of the row at a time in registers (eight independent sums
     * keep both multiply-add units busy; with four, each waited for its own previous result and a
     * 784 × 128 row took twice as long), then four, then a masked tail. Every value is summed along p in
     * order, whichever width takes it.
     */
    static void rowTimesB(float[] a, int aOff, int colStep, int rowStep, int i, float[] b, int bOff,
                                  float[] c, int cRow, int n, int k) {
        int ai = aOff + i * rowStep;
        int j = 0;
        for (; j + 8 * L <= n; j += 8 * L) {
            rowBlock8(a, ai, colStep, b, bOff + j, c, cRow + j, n, k);
        }
        for (; j + 4 * L <= n; j += 4 * L) {
            rowBlock4(a, ai, colStep, b, bOff + j, c, cRow + j, n, k);
        }
        for (; j < n; j += L) {
            jdk.incubator.vector.VectorMask<Float> mask = S.indexInRange(j, n);
            FloatVector acc = FloatVector.fromArray(S, c, cRow + j, mask);
            for (int p = 0, bi = bOff + j; p < k; p++, bi += n) {
                acc = FloatVector.fromArray(S, b, bi, mask).fma(FloatVector.broadcast(S, a[ai + p * colStep]), acc);
            }
            acc.intoArray(c, cRow + j, mask);
        }
    }

    static void rowBlock8(float[] a, int ai, int colStep, float[] b, int bCol, float[] c, int ci, int n, int k) {
        FloatVector c0 = FloatVector.fromArray(S, c, ci);
        FloatVector c1 = FloatVector.fromArray(S, c, ci + L);
        FloatVector c2 = FloatVector.fromArray(S, c, ci + 2 * L);
        FloatVector c3 = FloatVector.fromArray(S, c, ci + 3 * L);
        FloatVector c4 = FloatVector.fromArray(S, c, ci + 4 * L);
        FloatVector c5 = FloatVector.fromArray(S, c, ci + 5 * L);
        FloatVector c6 = FloatVector.fromArray(S, c, ci + 6 * L);
        FloatVector c7 = FloatVector.fromArray(S, c, ci + 7 * L);
        for (int p = 0, bi = bCol; p < k; p++, bi += n) {
            FloatVector x = FloatVector.broadcast(S, a[ai + p * colStep]);
            c0 = FloatVector.fromArray(S, b, bi).fma(x, c0);
            c1 = FloatVector.fromArray(S, b, bi + L).fma(x, c1);
            c2 = FloatVector.fromArray(S, b, bi + 2 * L).fma(x, c2);
            c3 = FloatVector.fromArray(S, b, bi + 3 * L).fma(x, c3);
            c4 = FloatVector.fromArray(S, b, bi + 4 * L).fma(x, c4);
            c5 = FloatVector.fromArray(S, b, bi + 5 * L).fma(x, c5);
            c6 = FloatVector.fromArray(S, b, bi + 6 * L).fma(x, c6);
            c7 = FloatVector.fromArray(S, b, bi + 7 * L).fma(x, c7);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + L);
        c2.intoArray(c, ci + 2 * L);
        c3.intoArray(c, ci + 3 * L);
        c4.intoArray(c, ci + 4 * L);
        c5.intoArray(c, ci + 5 * L);
        c6.intoArray(c, ci + 6 * L);
        c7.intoArray(c, ci + 7 * L);
    }

    private static void rowBlock4(float[] a, int ai, int colStep, float[] b, int bCol, float[] c, int ci, int n, int k) {
        FloatVector c0 = FloatVector.fromArray(S, c, ci);
        FloatVector c1 = FloatVector.fromArray(S, c, ci + L);
        FloatVector c2 = FloatVector.fromArray(S, c, ci + 2 * L);
        FloatVector c3 = FloatVector.fromArray(S, c, ci + 3 * L);
        for (int p = 0, bi = bCol; p < k; p++, bi += n) {
            FloatVector x = FloatVector.broadcast(S, a[ai + p * colStep]);
            c0 = FloatVector.fromArray(S, b, bi).fma(x, c0);
            c1 = FloatVector.fromArray(S, b, bi + L).fma(x, c1);
            c2 = FloatVector.fromArray(S, b, bi + 2 * L).fma(x, c2);
            c3 = FloatVector.fromArray(S, b, bi + 3 * L).fma(x, c3);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + L);
        c2.intoArray(c, ci + 2 * L);
        c3.intoArray(c, ci + 3 * L);
    }

    /**
     * C[i0:i1, :] += A[i0:i1, :] · Bᵀ with A [m, k] and B [n, k] both read along k: blocks of 4 × 4 dot
     * products in vector registers (8 loads for 16 multiply-adds), leftovers one row or one value at a time.
     */
    static void dots(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int i0, int i1, int n, int k) {
        int kv = S.loopBound(k);
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot4x4(a, aOff + i * k, b, bOff + j * k, k, kv, c, cOff + i * n + j, n);
            }
            for (; j < n; j++) {
                for (int r = 0; r < 4; r++) {
                    c[cOff + (i + r) * n + j] += dot(a, aOff + (i + r) * k, b, bOff + j * k, k, kv);
                }
            }
        }
        for (; i < i1; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * n + j] += dot(a, aOff + i * k, b, bOff + j * k, k, kv);
            }
        }
    }

    /** One dot product; the lanes are added in lane order (reduceLanes may add them in any order, run to run). */
    private static float dot(float[] a, int ai, float[] b, int bi, int k, int kv) {
        FloatVector acc = FloatVector.zero(S);
        int p = 0;
        for (; p < kv; p += L) {
            acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bi + p), acc);
        }
        float[] lanes = MatMulBuffers.get().tile;
        acc.intoArray(lanes, 0);
        float s = 0;
        for (int l = 0; l < L; l++) {
            s += lanes[l];
        }
        for (; p < k; p++) {
            s += a[ai + p] * b[bi + p];
        }
        return s;
    }

    private static void dot4x4(float[] a, int ai, float[] b, int bi, int k, int kv, float[] c, int ci, int ldc) {
        float[] t = MatMulBuffers.get().tile;
        dotPartials4x4(a, ai, k, b, bi, bi + k, bi + 2 * k, bi + 3 * k, kv, t);
        finishDots(t, a, ai, b, bi, k, kv, c, ci, ldc);
    }

    /**
     * The 16 partial-sum vectors of the dot products of A's rows ai, ai + lda, ai + 2·lda, ai + 3·lda with the
     * rows of {@code b} that start at b0 … b3, over their first {@code len} values (a multiple of the vector
     * length), into {@code t}: vector r·4 + q holds row r against row q, lane by lane.
     */
    static void dotPartials4x4(float[] a, int ai, int lda, float[] b, int b0i, int b1i, int b2i, int b3i, int len,
                               float[] t) {
        FloatVector z = FloatVector.zero(S);
        FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
        FloatVector s20 = z, s21 = z, s22 = z, s23 = z, s30 = z, s31 = z, s32 = z, s33 = z;
        for (int p = 0; p < len; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, b0i + p);
            FloatVector b1 = FloatVector.fromArray(S, b, b1i + p);
            FloatVector b2 = FloatVector.fromArray(S, b, b2i + p);
            FloatVector b3 = FloatVector.fromArray(S, b, b3i + p);
            FloatVector x = FloatVector.fromArray(S, a, ai + p);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            s03 = x.fma(b3, s03);
            x = FloatVector.fromArray(S, a, ai + lda + p);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            s13 = x.fma(b3, s13);
            x = FloatVector.fromArray(S, a, ai + 2 * lda + p);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            s23 = x.fma(b3, s23);
            x = FloatVector.fromArray(S, a, ai + 3 * lda + p);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            s33 = x.fma(b3, s33);
        }
        s00.intoArray(t, 0);
        s01.intoArray(t, L);
        s02.intoArray(t, 2 * L);
        s03.intoArray(t, 3 * L);
        s10.intoArray(t, 4 * L);
        s11.intoArray(t, 5 * L);
        s12.intoArray(t, 6 * L);
        s13.intoArray(t, 7 * L);
        s20.intoArray(t, 8 * L);
        s21.intoArray(t, 9 * L);
        s22.intoArray(t, 10 * L);
        s23.intoArray(t, 11 * L);
        s30.intoArray(t, 12 * L);
        s31.intoArray(t, 13 * L);
        s32.intoArray(t, 14 * L);
        s33.intoArray(t, 15 * L);
    }

    /** Sums each of the 16 partial vectors in {@code t} and adds the scalar tail p ≥ kv. */
    private static void finishDots(float[] t, float[] a, int ai, float[] b, int bi, int k, int kv, float[] c, int ci, int ldc) {
        for (int r = 0; r < 4; r++) {
            for (int q = 0; q < 4; q++) {
                int base = (r * 4 + q) * L;
                float s = 0;
                for (int l = 0; l < L; l++) {
                    s += t[base + l];
                }
                for (int p = kv; p < k; p++) {
                    s += a[ai + r * k + p] * b[bi + q * k + p];
                }
                c[ci + r * ldc + q] += s;
            }
        }
    }

    /** C += op(A) · op(B) with no packing, for tiny products. */
    static void direct(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                               float[] c, int cOff, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * n;
            for (int p = 0; p < k; p++) {
                float av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += av * b[bOff + j * k + p];
                    }
                } else {
                    int bRow = bOff + p * n;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += av * b[bRow + j];
                    }
                }
            }
        }
    }
}
