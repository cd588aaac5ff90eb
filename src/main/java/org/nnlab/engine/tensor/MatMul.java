package org.nnlab.engine.tensor;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float32 matrix multiply that dense, convolutional and recurrent layers all go through:
 * {@code C = op(A) · op(B)} (or {@code C += …} when accumulating), row-major, where op transposes
 * when asked. Shapes: op(A) is [m, k], op(B) is [k, n], C is [m, n]; A is stored [m, k] or, when
 * transposed, [k, m]; likewise B. Sums run in float32.
 * <p>
 * How it is fast: the classic blocked scheme (Goto and van de Geijn). Blocks of A (MC × KC) are
 * copied ("packed") into panels of MR rows laid out along k, so the inner kernel reads them in order
 * and never cares about transposition; B is packed the same way into NR-wide panels when it is
 * transposed, and read where it lies otherwise (its rows already run along n; skipping that copy
 * matters when k is short, as in convolutions). The kernel keeps an MR × NR tile of C (8 rows × two
 * vectors) in registers and updates it with fused multiply-adds through the JDK Vector API; the
 * first k block writes C, so C is never cleared first. Two shapes get their own paths: one or two
 * rows (single-image inference) stream B once per row, and A·Bᵀ with long k and a small C (weight
 * gradients) runs 4 × 4 blocks of vector dot products without packing.
 * <p>
 * Vector API or plain loops: measured on the project machine (Zen 5, AVX-512, one thread, CPU time
 * of the thread) the Vector API kernel gave about 95 GFLOP/s at 512³ and the same blocking written
 * as plain loops for the JIT to vectorise about 6 GFLOP/s, so the Vector API kernel is the default;
 * the loop kernel stays selectable as {@link Kernel#LOOPS} for that comparison ({@code MatMulBenchmark}).
 * <p>
 * Threads: the work is split across {@link Parallelism#threads()} threads (or the count passed in),
 * by columns of C, by rows, or, when C is small and k long, by k with one partial C per thread
 * summed at the end. Products under about {@link Parallelism#MIN_FLOPS_PER_THREAD} operations per
 * thread stay on the calling thread; tiny ones (≤ 4096 multiply-adds) use a direct loop.
 */
public final class MatMul {
    /** The inner kernels available; {@link #VECTOR} is the default. */
    public enum Kernel {
        /** JDK Vector API, MR × NR register tile, fused multiply-add. */
        VECTOR,
        /** The same blocking with plain Java loops that the JIT may auto-vectorise. */
        LOOPS
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 8;
    static final int NR = 2 * L;
    private static final int KC = 256;
    private static final int MC = 128;
    private static final int NC = 1024;
    /** Products with at most this many multiply-adds use the direct loop (packing would cost more). */
    private static final long SMALL = 4096;
    /** Largest B block (kc × nc values) read in place instead of packed; above it packing pays off. */
    private static final long DIRECT_B_LIMIT = Long.getLong("nnlab.matmul.directB", (long) KC * NC);

    private static volatile Kernel kernel = Kernel.valueOf(
            System.getProperty("nnlab.matmul.kernel", Kernel.VECTOR.name()).toUpperCase(java.util.Locale.ROOT));

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private MatMul() {
    }

    /** Chooses the inner kernel (for benchmarks comparing them); affects every later call. */
    public static void useKernel(Kernel k) {
        kernel = k;
    }

    public static Kernel kernel() {
        return kernel;
    }

    public static void multiply(float[] a, boolean transA, float[] b, boolean transB, float[] c,
                                int m, int n, int k, boolean accumulate) {
        multiply(a, 0, transA, b, 0, transB, c, 0, m, n, k, accumulate);
    }

    /** Multiplies on up to {@link Parallelism#threads()} threads. */
    public static void multiply(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                                float[] c, int cOff, int m, int n, int k, boolean accumulate) {
        multiply(a, aOff, transA, b, bOff, transB, c, cOff, m, n, k, accumulate, Parallelism.threads());
    }

    /** Multiplies on up to {@code threads} threads (fewer when the product is small). */
    public static void multiply(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                                float[] c, int cOff, int m, int n, int k, boolean accumulate, int threads) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("MatMul: sizes must not be negative, got m=" + m + " n=" + n + " k=" + k);
        }
        checkBounds("A", a, aOff, (long) m * k);
        checkBounds("B", b, bOff, (long) k * n);
        checkBounds("C", c, cOff, (long) m * n);
        if (m == 0 || n == 0) {
            return;
        }
        long macs = (long) m * n * k;
        boolean blockedPath = k > 0 && macs > SMALL && !(m <= 2 && !transB && kernel == Kernel.VECTOR);
        if (!accumulate && !blockedPath) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
        }
        if (k == 0) {
            return;
        }
        if (macs <= SMALL) {
            direct(a, aOff, transA, b, bOff, transB, c, cOff, m, n, k);
            return;
        }
        int t = (int) Math.min(Math.max(1, threads), Math.max(1, 2 * macs / Parallelism.MIN_FLOPS_PER_THREAD));
        if (m <= 2 && !transB && kernel == Kernel.VECTOR) {
            // one or two rows (single-image inference): stream B once per row, no packing
            for (int i = 0; i < m; i++) {
                rowTimesB(a, aOff, transA ? m : 1, transA ? 1 : k, i, b, bOff, c, cOff + i * n, n, k);
            }
            return;
        }
        if (!transA && transB && kernel == Kernel.VECTOR && k >= 4 * L && (long) m * n <= 16L * k) {
            // a few long dot products (a weight gradient summed over many positions): packing would
            // copy both operands for little arithmetic, so multiply rows of A with rows of B directly
            if (!accumulate) {
                Arrays.fill(c, cOff, cOff + m * n, 0f);
            }
            int rowThreads = Math.min(t, Math.max(1, m / 4));
            Parallelism.forEach(rowThreads, rowThreads, i -> dots(a, aOff, b, bOff, c, cOff,
                    m * i / rowThreads / 4 * 4, i == rowThreads - 1 ? m : m * (i + 1) / rowThreads / 4 * 4, n, k));
            return;
        }
        if (t == 1) {
            blocked(a, aOff, transA, b, bOff, transB, c, cOff, n, 0, m, 0, n, 0, k, m, k, !accumulate);
            return;
        }
        int nPanels = (n + NR - 1) / NR;
        int mPanels = (m + MR - 1) / MR;
        if (nPanels >= 2 * t || (nPanels >= t && nPanels >= mPanels)) {
            int[] cuts = cuts(nPanels, t, NR, n);
            Parallelism.forEach(t, t, i -> blocked(a, aOff, transA, b, bOff, transB, c, cOff, n,
                    0, m, cuts[i], cuts[i + 1], 0, k, m, k, !accumulate));
        } else if (mPanels >= t) {
            int[] cuts = cuts(mPanels, t, MR, m);
            Parallelism.forEach(t, t, i -> blocked(a, aOff, transA, b, bOff, transB, c, cOff, n,
                    cuts[i], cuts[i + 1], 0, n, 0, k, m, k, !accumulate));
        } else {
            if (!accumulate) {
                Arrays.fill(c, cOff, cOff + m * n, 0f);
            }
            splitK(a, aOff, transA, b, bOff, transB, c, cOff, m, n, k, t);
        }
    }

    /** Splits [0, total) in {@code parts} ranges of whole units, the last ending at {@code limit}. */
    private static int[] cuts(int units, int parts, int unit, int limit) {
        int[] cuts = new int[parts + 1];
        for (int i = 1; i <= parts; i++) {
            cuts[i] = Math.min(limit, (int) ((long) units * i / parts) * unit);
        }
        cuts[parts] = limit;
        return cuts;
    }

    /** Each thread multiplies a slice of k into its own partial C; the partials are then added to C. */
    private static void splitK(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                               float[] c, int cOff, int m, int n, int k, int t) {
        int size = m * n;
        // the caller's buffer holds every thread's partial: a worker's own buffers may be reused by
        // another job as soon as its task ends
        float[] parts = BUFFERS.get().partial(t * size);
        Arrays.fill(parts, 0, t * size, 0f);
        Parallelism.forEach(t, t, i -> {
            int k0 = (int) ((long) k * i / t);
            int k1 = (int) ((long) k * (i + 1) / t);
            blocked(a, aOff, transA, b, bOff, transB, parts, i * size, n, 0, m, 0, n, k0, k1, m, k, false);
        });
        for (int i = 0; i < t; i++) {
            add(parts, i * size, c, cOff, size);
        }
    }

    private static void add(float[] src, int sOff, float[] dst, int dOff, int len) {
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += L) {
            FloatVector.fromArray(S, dst, dOff + i).add(FloatVector.fromArray(S, src, sOff + i)).intoArray(dst, dOff + i);
        }
        for (; i < len; i++) {
            dst[dOff + i] += src[sOff + i];
        }
    }

    /**
     * C[i0:i1, j0:j1] += op(A)[i0:i1, k0:k1] · op(B)[k0:k1, j0:j1]. The leading dimensions of A and B
     * come from the full problem: op(A) is [mAll, kAll] and op(B) is [kAll, ldc]. With {@code overwrite}
     * the first k block sets C instead of adding to it (C need not be cleared first).
     */
    private static void blocked(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
                                float[] c, int cOff, int ldc, int i0, int i1, int j0, int j1, int k0, int k1,
                                int mAll, int kAll, boolean overwrite) {
        Buffers buf = BUFFERS.get();
        // lda / ldb: row lengths of A and B as stored
        int lda = transA ? mAll : kAll;
        int ldb = transB ? kAll : ldc;
        boolean vector = kernel == Kernel.VECTOR;
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

    /**
     * C row (n values at cRow) += Σ_p A(i, p) · B[p, :], where A(i, p) = a[aOff + i·rowStep + p·colStep]
     * and B is [k, n] row-major: four vectors of the row at a time in registers, a masked tail.
     */
    private static void rowTimesB(float[] a, int aOff, int colStep, int rowStep, int i, float[] b, int bOff,
                                  float[] c, int cRow, int n, int k) {
        int ai = aOff + i * rowStep;
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            FloatVector c0 = FloatVector.fromArray(S, c, cRow + j);
            FloatVector c1 = FloatVector.fromArray(S, c, cRow + j + L);
            FloatVector c2 = FloatVector.fromArray(S, c, cRow + j + 2 * L);
            FloatVector c3 = FloatVector.fromArray(S, c, cRow + j + 3 * L);
            for (int p = 0, bi = bOff + j; p < k; p++, bi += n) {
                FloatVector x = FloatVector.broadcast(S, a[ai + p * colStep]);
                c0 = FloatVector.fromArray(S, b, bi).fma(x, c0);
                c1 = FloatVector.fromArray(S, b, bi + L).fma(x, c1);
                c2 = FloatVector.fromArray(S, b, bi + 2 * L).fma(x, c2);
                c3 = FloatVector.fromArray(S, b, bi + 3 * L).fma(x, c3);
            }
            c0.intoArray(c, cRow + j);
            c1.intoArray(c, cRow + j + L);
            c2.intoArray(c, cRow + j + 2 * L);
            c3.intoArray(c, cRow + j + 3 * L);
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

    /**
     * C[i0:i1, :] += A[i0:i1, :] · Bᵀ with A [m, k] and B [n, k] both read along k: blocks of 4 × 4 dot
     * products in vector registers (8 loads for 16 multiply-adds), leftovers one row or one value at a time.
     */
    private static void dots(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int i0, int i1, int n, int k) {
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

    private static float dot(float[] a, int ai, float[] b, int bi, int k, int kv) {
        FloatVector acc = FloatVector.zero(S);
        int p = 0;
        for (; p < kv; p += L) {
            acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bi + p), acc);
        }
        float s = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        for (; p < k; p++) {
            s += a[ai + p] * b[bi + p];
        }
        return s;
    }

    private static void dot4x4(float[] a, int ai, float[] b, int bi, int k, int kv, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector s00 = z, s01 = z, s02 = z, s03 = z, s10 = z, s11 = z, s12 = z, s13 = z;
        FloatVector s20 = z, s21 = z, s22 = z, s23 = z, s30 = z, s31 = z, s32 = z, s33 = z;
        for (int p = 0; p < kv; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi + p);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + k + p);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * k + p);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * k + p);
            FloatVector x = FloatVector.fromArray(S, a, ai + p);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            s03 = x.fma(b3, s03);
            x = FloatVector.fromArray(S, a, ai + k + p);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            s13 = x.fma(b3, s13);
            x = FloatVector.fromArray(S, a, ai + 2 * k + p);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            s23 = x.fma(b3, s23);
            x = FloatVector.fromArray(S, a, ai + 3 * k + p);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            s33 = x.fma(b3, s33);
        }
        float[] t = BUFFERS.get().tile;
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
        finishDots(t, a, ai, b, bi, k, kv, c, ci, ldc);
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
    private static void direct(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
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

    private static void checkBounds(String name, float[] array, int offset, long size) {
        if (offset < 0 || offset + size > array.length) {
            throw new IllegalArgumentException("MatMul: " + name + " needs " + size + " values from offset "
                    + offset + " but its array has " + array.length);
        }
    }

    /** Packing space and a scratch tile, one set per thread, grown as needed and then reused. */
    private static final class Buffers {
        final float[] tile = new float[MR * NR];
        private float[] a = new float[0];
        private float[] b = new float[0];
        private float[] partial = new float[0];

        float[] packA(int kc, int mc) {
            int need = kc * ((mc + MR - 1) / MR) * MR;
            if (a.length < need) {
                a = new float[Math.max(need, KC * MC)];
            }
            return a;
        }

        float[] packB(int kc, int nc) {
            int need = kc * ((nc + NR - 1) / NR) * NR;
            if (b.length < need) {
                b = new float[need];
            }
            return b;
        }

        float[] partial(int size) {
            if (partial.length < size) {
                partial = new float[size];
            }
            return partial;
        }
    }
}
