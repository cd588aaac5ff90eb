package org.nnlab.engine.tensor;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The blocked product behind {@link MatMul} (Goto and van de Geijn): blocks of op(A) packed into MR-tall
 * panels along k, op(B) packed into NR-wide panels (or read where it lies when not transposed), and an
 * MR × NR tile of C kept in registers by the inner kernel.
 */
final class BlockedKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 8;
    static final int NR = 2 * L;
    static final int KC = 256;
    static final int MC = 128;
    private static final int NC = 1024;
    /** Largest B block (kc × nc values) read in place instead of packed; above it packing pays off. */
    private static final long DIRECT_B_LIMIT = (long) KC * NC;

    private BlockedKernel() {
    }

    /**
     * C[i0:i1, j0:j1] += op(A)[i0:i1, k0:k1] · op(B)[k0:k1, j0:j1]. The leading dimensions of A and B
     * come from the full problem: op(A) is [mAll, kAll] and op(B) is [kAll, ldc]. With {@code overwrite}
     * the first k block sets C instead of adding to it (C need not be cleared first). {@code vector}
     * chooses the Vector API kernel, else plain loops.
     * <p>
     * Each value of C gets the same operations in the same order whatever part of C or of k the call
     * covers, as long as k0 is a multiple of {@link #KC}: one sum per KC block of k, started from zero, and
     * the block sums added to C in order. {@link MatMul} relies on this to split work among threads
     * without changing a result.
     */
    static void blocked(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                                float[] c, int cOff, int ldc, int i0, int i1, int j0, int j1, int k0, int k1,
                                int mAll, int kAll, boolean overwrite, boolean vector) {
        MatMulBuffers buf = MatMulBuffers.get();
        // lda / ldb: row lengths of A and B as stored
        int lda = transA ? mAll : kAll;
        int ldb = transB ? kAll : ldc;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = k0; pc < k1; pc += KC) {
                int kc = Math.min(KC, k1 - pc);
                // B as stored already has its rows along n: the kernel can read it in place (saves a copy
                // that costs as much as the arithmetic when k is short), except for a last narrow panel
                boolean inPlace = vector && !transB && (long) kc * nc <= DIRECT_B_LIMIT;
                float[] bp = buf.packB(kc, inPlace ? NR : nc);
                if (!inPlace) {
                    packB(b, bOff, transB, ldb, pc, kc, jc, nc, bp);
                }
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    float[] ap = buf.packA(kc, mc);
                    packA(a, aOff, transA, lda, ic, mc, pc, kc, ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        boolean direct = inPlace && nr == NR;
                        if (inPlace && !direct && ic == i0) {
                            packB(b, bOff, false, ldb, pc, kc, jc + jr, nr, bp);
                        }
                        boolean set = overwrite && pc == k0;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int cIdx = cOff + (ic + ir) * ldc + jc + jr;
                            if (direct) {
                                vectorKernel(ap, ir * kc, b, bOff + pc * ldb + jc + jr, ldb, kc, c, cIdx, ldc, mr, nr, buf.tile, set);
                            } else if (vector) {
                                vectorKernel(ap, ir * kc, bp, inPlace ? 0 : jr * kc, NR, kc, c, cIdx, ldc, mr, nr, buf.tile, set);
                            } else {
                                loopKernel(ap, ir * kc, bp, jr * kc, kc, c, cIdx, ldc, mr, nr, buf.tile, set);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Packs op(B)[pc:pc+kc, jc:jc+nc] as NR-wide panels, each [kc][NR], zero beyond n. */
    private static void packB(float[] b, int bOff, boolean transB, int ldb, int pc, int kc, int jc, int nc, float[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = jr * kc;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr;
                    int dst = base + p * NR;
                    System.arraycopy(b, src, bp, dst, nr);
                    if (nr < NR) {
                        Arrays.fill(bp, dst + nr, dst + NR, 0f);
                    }
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (jc + jr + j) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * NR + j] = b[src + p];
                    }
                }
                for (int j = nr; j < NR; j++) {
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * NR + j] = 0f;
                    }
                }
            }
        }
    }

    /** Packs op(A)[ic:ic+mc, pc:pc+kc] as MR-tall panels, each [kc][MR], zero beyond m. */
    private static void packA(float[] a, int aOff, boolean transA, int lda, int ic, int mc, int pc, int kc, float[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ir * kc;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + ir;
                    int dst = base + p * MR;
                    System.arraycopy(a, src, ap, dst, mr);
                    if (mr < MR) {
                        Arrays.fill(ap, dst + mr, dst + MR, 0f);
                    }
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (ic + ir + r) * lda + pc;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = a[src + p];
                    }
                }
                for (int r = mr; r < MR; r++) {
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * MR + r] = 0f;
                    }
                }
            }
        }
    }

    /**
     * C tile (mr × nr at cIdx, row stride ldc) += A panel [kc][MR] · B panel (kc rows of NR values,
     * {@code ldb} apart: a packed panel, or B itself when it is not transposed). The tile goes
     * through a scratch array: C2 compiles this method well only while it stays this small.
     */
    private static void vectorKernel(float[] ap, int ai, float[] bp, int bi, int ldb, int kc,
                                     float[] c, int cIdx, int ldc, int mr, int nr, float[] tile, boolean set) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0; p < kc; p++, ai += MR, bi += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
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
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        addTile(tile, c, cIdx, ldc, mr, nr, set);
    }

    /**
     * C tile += the scratch tile, or C tile = the scratch tile when {@code set} (kept apart from the
     * kernel so the kernel stays small enough to compile well).
     */
    private static void addTile(float[] tile, float[] c, int cIdx, int ldc, int mr, int nr, boolean set) {
        if (set) {
            for (int r = 0; r < mr; r++) {
                System.arraycopy(tile, r * NR, c, cIdx + r * ldc, nr);
            }
            return;
        }
        if (nr == NR) {
            for (int r = 0; r < mr; r++) {
                int row = cIdx + r * ldc;
                int t = r * NR;
                FloatVector.fromArray(S, tile, t).add(FloatVector.fromArray(S, c, row)).intoArray(c, row);
                FloatVector.fromArray(S, tile, t + L).add(FloatVector.fromArray(S, c, row + L)).intoArray(c, row + L);
            }
            return;
        }
        for (int r = 0; r < mr; r++) {
            int row = cIdx + r * ldc;
            int t = r * NR;
            for (int j = 0; j < nr; j++) {
                c[row + j] += tile[t + j];
            }
        }
    }

    /** The same tile update as {@link #vectorKernel} in plain loops over a scratch tile. */
    private static void loopKernel(float[] ap, int ai, float[] bp, int bi, int kc,
                                   float[] c, int cIdx, int ldc, int mr, int nr, float[] tile, boolean set) {
        Arrays.fill(tile, 0f);
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            for (int r = 0; r < MR; r++) {
                float x = ap[ai + r];
                int t = r * NR;
                for (int j = 0; j < NR; j++) {
                    tile[t + j] += x * bp[bi + j];
                }
            }
        }
        addTile(tile, c, cIdx, ldc, mr, nr, set);
    }
}
