package org.nnlab.engine.tensor;

import static org.nnlab.engine.tensor.BlockedKernel.KC;
import static org.nnlab.engine.tensor.BlockedKernel.L;
import static org.nnlab.engine.tensor.BlockedKernel.MR;
import static org.nnlab.engine.tensor.BlockedKernel.NR;
import static org.nnlab.engine.tensor.BlockedKernel.S;

import java.util.Arrays;
import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;

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
 * the loop kernel stays for that comparison ({@code MatMulBenchmark}, through a package-private entry).
 * <p>
 * Threads: the work is split across {@link Parallelism#threads()} threads (or the count passed in),
 * by columns of C, by rows, or, when C is small and k long, by k. A split never changes a result: the
 * k split is one partial C per block of {@value BlockedKernel#KC} values of k (the blocks a single
 * thread sums one after the other), added to C in the order of k, so every thread count gives the same
 * bits (a training run's result does not depend on how busy the machine is). Products under about {@link Parallelism#MIN_FLOPS_PER_THREAD} operations per
 * thread stay on the calling thread; tiny ones (≤ 4096 multiply-adds) use a direct loop.
 */
public final class MatMul {
    /** The inner kernels of the blocked product: {@link #VECTOR} is the one used. */
    enum Kernel {
        /** JDK Vector API, MR × NR register tile, fused multiply-add. */
        VECTOR,
        /** The same blocking with plain Java loops that the JIT may auto-vectorise. */
        LOOPS
    }

    /** Products with at most this many multiply-adds use the direct loop (packing would cost more). */
    private static final long SMALL = 4096;

    private MatMul() {
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
        multiply(Kernel.VECTOR, a, aOff, transA, b, bOff, transB, c, cOff, m, n, k, accumulate, threads);
    }

    /** The product with a chosen inner kernel (tests and the kernel benchmark compare them). */
    static void multiply(Kernel kernel, float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB,
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
        boolean vector = kernel == Kernel.VECTOR;
        long macs = (long) m * n * k;
        boolean blockedPath = k > 0 && macs > SMALL && !(m <= 2 && !transB && vector);
        if (!accumulate && !blockedPath) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
        }
        if (k == 0) {
            return;
        }
        if (macs <= SMALL) {
            ShortKernels.direct(a, aOff, transA, b, bOff, transB, c, cOff, m, n, k);
            return;
        }
        int t = (int) Math.min(Math.max(1, threads), Math.max(1, 2 * macs / Parallelism.MIN_FLOPS_PER_THREAD));
        if (m <= 2 && !transB && vector) {
            // one or two rows (single-image inference): stream B once per row, no packing, no threads
            for (int i = 0; i < m; i++) {
                ShortKernels.rowTimesB(a, aOff, transA ? m : 1, transA ? 1 : k, i, b, bOff, c, cOff + i * n, n, k);
            }
            return;
        }
        Product p = Product.take(a, aOff, transA, b, bOff, transB, c, cOff, m, n, k, accumulate, vector);
        try {
            p.run(t);
        } finally {
            p.release();
        }
    }

    /**
     * The operands of one product and how it is cut into tasks for {@link Parallelism#forEach}. Each thread
     * keeps one and fills it for every product it starts, so multiplying allocates nothing (the threads
     * that help only read it, and are done with it when {@link #run} returns).
     */
    private static final class Product implements IntConsumer {
        private static final ThreadLocal<Product> LAST = ThreadLocal.withInitial(Product::new);
        private static final int COLUMNS = 0;
        private static final int ROWS = 1;
        private static final int K_BLOCKS = 2;
        private static final int DOTS = 3;

        private float[] a;
        private float[] b;
        private float[] c;
        private int aOff;
        private int bOff;
        private int cOff;
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private boolean accumulate;
        private boolean vector;
        private boolean inUse;
        /** How tasks are cut: by columns or rows of C at {@link #cuts}, by blocks of k, or by blocks of dot rows. */
        private int mode;
        private int[] cuts = new int[3];
        private int parts;
        /** For the k split: the first block of this wave, the partials' storage and one partial's size. */
        private int firstBlock;
        private float[] partials;
        private int size;

        static Product take(float[] a, int aOff, boolean transA, float[] b, int bOff, boolean transB, float[] c,
                            int cOff, int m, int n, int k, boolean accumulate, boolean vector) {
            Product p = LAST.get();
            if (p.inUse) {
                // a product started from inside another one's task on this thread (not done today): its own
                p = new Product();
            }
            p.inUse = true;
            p.a = a;
            p.aOff = aOff;
            p.transA = transA;
            p.b = b;
            p.bOff = bOff;
            p.transB = transB;
            p.c = c;
            p.cOff = cOff;
            p.m = m;
            p.n = n;
            p.k = k;
            p.accumulate = accumulate;
            p.vector = vector;
            return p;
        }

        void release() {
            a = null;
            b = null;
            c = null;
            partials = null;
            inUse = false;
        }

        /** Computes C on up to {@code t} threads. */
        void run(int t) {
            if (!transA && transB && vector && k >= 4 * L && (long) m * n <= 16L * k) {
                // a few long dot products (a weight gradient summed over many positions): packing would
                // copy both operands for little arithmetic, so multiply rows of A with rows of B directly;
                // threads take whole blocks of 4 rows, so every row is summed the same way whatever the split
                if (!accumulate) {
                    Arrays.fill(c, cOff, cOff + m * n, 0f);
                }
                parts = Math.min(t, Math.max(1, m / 4));
                mode = DOTS;
                Parallelism.forEach(parts, parts, this);
                return;
            }
            if (t == 1) {
                block(c, cOff, 0, m, 0, n, 0, k, !accumulate);
                return;
            }
            int nPanels = (n + NR - 1) / NR;
            int mPanels = (m + MR - 1) / MR;
            if (nPanels >= 2 * t || (nPanels >= t && nPanels >= mPanels)) {
                cut(nPanels, t, NR, n);
                mode = COLUMNS;
                Parallelism.forEach(t, t, this);
            } else if (mPanels >= t) {
                cut(mPanels, t, MR, m);
                mode = ROWS;
                Parallelism.forEach(t, t, this);
            } else {
                splitK(t);
            }
        }

        @Override
        public void accept(int i) {
            switch (mode) {
                case COLUMNS -> block(c, cOff, 0, m, cuts[i], cuts[i + 1], 0, k, !accumulate);
                case ROWS -> block(c, cOff, cuts[i], cuts[i + 1], 0, n, 0, k, !accumulate);
                case K_BLOCKS -> {
                    int q = firstBlock + i;
                    int k1 = Math.min(k, (q + 1) * KC);
                    if (q == 0 && !accumulate) {
                        block(c, cOff, 0, m, 0, n, 0, k1, true);
                    } else {
                        block(partials, i * size, 0, m, 0, n, q * KC, k1, true);
                    }
                }
                default -> ShortKernels.dots(a, aOff, b, bOff, c, cOff, m * i / parts / 4 * 4,
                        i == parts - 1 ? m : m * (i + 1) / parts / 4 * 4, n, k);
            }
        }

        /** Target[i0:i1, j0:j1] (+)= op(A)[i0:i1, k0:k1] · op(B)[k0:k1, j0:j1]; the target is C or a partial. */
        private void block(float[] target, int tOff, int i0, int i1, int j0, int j1, int k0, int k1, boolean overwrite) {
            BlockedKernel.blocked(a, aOff, transA, b, bOff, transB, target, tOff, n, i0, i1, j0, j1, k0, k1,
                    m, k, overwrite, vector);
        }

        /** Splits [0, limit) in {@code parts} ranges of whole units into {@link #cuts}, the last ending at {@code limit}. */
        private void cut(int units, int count, int unit, int limit) {
            if (cuts.length < count + 1) {
                cuts = new int[count + 1];
            }
            cuts[0] = 0;
            for (int i = 1; i <= count; i++) {
                cuts[i] = Math.min(limit, (int) ((long) units * i / count) * unit);
            }
            cuts[count] = limit;
        }

        /**
         * C small, k long: every block of KC values of k gets its own partial C (threads take blocks in turn),
         * and the partials are added to C in the order of k, exactly the sums one thread makes alone. At most
         * a few blocks per thread are held at a time, so the memory stays small however long k is.
         */
        private void splitK(int t) {
            size = m * n;
            int blocks = (k + KC - 1) / KC;
            int wave = 4 * t;
            // the caller's buffer holds the partials: a worker's own buffers may be reused by another job
            // as soon as its task ends
            partials = MatMulBuffers.get().partial(Math.min(wave, blocks) * size);
            mode = K_BLOCKS;
            for (int first = 0; first < blocks; first += wave) {
                firstBlock = first;
                int count = Math.min(wave, blocks - first);
                Parallelism.forEach(count, t, this);
                for (int i = 0; i < count; i++) {
                    if (first + i > 0 || accumulate) {
                        add(partials, i * size, c, cOff, size);
                    }
                }
            }
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

    private static void checkBounds(String name, float[] array, int offset, long size) {
        if (offset < 0 || offset + size > array.length) {
            throw new IllegalArgumentException("MatMul: " + name + " needs " + size + " values from offset "
                    + offset + " but its array has " + array.length);
        }
    }
}
