package org.nnlab.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatMulTest {
    private final SplittableRandom rng = new SplittableRandom(42);

    @Test
    void matchesNaiveLoopForEveryTransposeAndOddSizes() {
        int[][] sizes = {{1, 1, 1}, {3, 5, 7}, {17, 33, 9}, {8, 32, 256}, {9, 31, 257}, {130, 70, 300},
                {6, 25, 3000}, {64, 10, 128}, {1, 200, 50}, {2, 70, 33}, {1, 784, 128}, {200, 1, 50}, {37, 1100, 13}};
        for (int[] s : sizes) {
            for (boolean ta : new boolean[]{false, true}) {
                for (boolean tb : new boolean[]{false, true}) {
                    for (int threads : new int[]{1, 2, 3}) {
                        check(s[0], s[1], s[2], ta, tb, false, threads);
                        check(s[0], s[1], s[2], ta, tb, true, threads);
                    }
                }
            }
        }
    }

    @Test
    void loopKernelGivesTheSameResults() {
        for (boolean ta : new boolean[]{false, true}) {
            for (boolean tb : new boolean[]{false, true}) {
                check(MatMul.Kernel.LOOPS, 45, 67, 300, ta, tb, true, 2);
                check(MatMul.Kernel.LOOPS, 6, 25, 3000, ta, tb, false, 3);
            }
        }
    }

    /** However the work is split among threads (columns, rows, blocks of k), every value gets the same bits. */
    @Test
    void everyThreadCountGivesTheSameBits() {
        int[][] sizes = {{6, 25, 3000}, {8, 32, 2000}, {130, 70, 300}, {37, 1100, 13}, {20, 200, 900}, {64, 10, 5000}};
        for (int[] s : sizes) {
            for (boolean ta : new boolean[]{false, true}) {
                for (boolean tb : new boolean[]{false, true}) {
                    for (boolean accumulate : new boolean[]{false, true}) {
                        int m = s[0], n = s[1], k = s[2];
                        float[] a = random(m * k);
                        float[] b = random(k * n);
                        float[] c0 = random(m * n);
                        float[] one = c0.clone();
                        MatMul.multiply(a, 0, ta, b, 0, tb, one, 0, m, n, k, accumulate, 1);
                        for (int threads = 2; threads <= 5; threads++) {
                            float[] c = c0.clone();
                            MatMul.multiply(a, 0, ta, b, 0, tb, c, 0, m, n, k, accumulate, threads);
                            for (int i = 0; i < c.length; i++) {
                                if (Float.floatToRawIntBits(one[i]) != Float.floatToRawIntBits(c[i])) {
                                    throw new AssertionError("m=" + m + " n=" + n + " k=" + k + " transA=" + ta
                                            + " transB=" + tb + " accumulate=" + accumulate + ": C[" + i + "] = "
                                            + c[i] + " with " + threads + " threads, " + one[i] + " with 1");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void respectsOffsetsAndLeavesTheRestOfCAlone() {
        int m = 20, n = 40, k = 30;
        float[] a = random(5 + m * k);
        float[] b = random(7 + k * n);
        float[] c = random(3 + m * n + 4);
        float[] before = c.clone();
        MatMul.multiply(a, 5, true, b, 7, false, c, 3, m, n, k, false, 2);
        float[] expected = naive(a, 5, true, b, 7, false, m, n, k);
        for (int i = 0; i < 3; i++) {
            assertEquals(before[i], c[i]);
        }
        for (int i = 0; i < m * n; i++) {
            assertEquals(expected[i], c[3 + i], 1e-4 * k);
        }
        for (int i = 3 + m * n; i < c.length; i++) {
            assertEquals(before[i], c[i]);
        }
    }

    @Test
    void threadCountComesFromParallelism() {
        assertEquals(Parallelism.defaultThreads(), Parallelism.threads());
        int seen = Parallelism.withThreads(3, () -> Parallelism.threads());
        assertEquals(3, seen);
        Parallelism.withThreads(1, () -> check(100, 300, 200, false, false, false, Parallelism.threads()));
        assertThrows(IllegalArgumentException.class, () -> Parallelism.withThreads(0, () -> { }));
    }

    @Test
    void rejectsArraysTooSmall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.multiply(new float[5], false, new float[6], false, new float[4], 2, 2, 3, false));
        assertEquals("MatMul: A needs 6 values from offset 0 but its array has 5", e.getMessage());
    }

    private void check(int m, int n, int k, boolean ta, boolean tb, boolean accumulate, int threads) {
        check(MatMul.Kernel.VECTOR, m, n, k, ta, tb, accumulate, threads);
    }

    private void check(MatMul.Kernel kernel, int m, int n, int k, boolean ta, boolean tb, boolean accumulate,
                       int threads) {
        float[] a = random(m * k);
        float[] b = random(k * n);
        float[] c = random(m * n);
        float[] expected = naive(a, 0, ta, b, 0, tb, m, n, k);
        if (accumulate) {
            for (int i = 0; i < expected.length; i++) {
                expected[i] += c[i];
            }
        }
        MatMul.multiply(kernel, a, 0, ta, b, 0, tb, c, 0, m, n, k, accumulate, threads);
        for (int i = 0; i < expected.length; i++) {
            float tol = 1e-5f * k + 1e-5f;
            if (Math.abs(expected[i] - c[i]) > tol) {
                throw new AssertionError("m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB=" + tb
                        + " accumulate=" + accumulate + " threads=" + threads + ": C[" + i + "] = " + c[i]
                        + ", expected " + expected[i]);
            }
        }
    }

    private static float[] naive(float[] a, int aOff, boolean ta, float[] b, int bOff, boolean tb, int m, int n, int k) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float av = ta ? a[aOff + p * m + i] : a[aOff + i * k + p];
                    float bv = tb ? b[bOff + j * k + p] : b[bOff + p * n + j];
                    s += (double) av * bv;
                }
                c[i * n + j] = (float) s;
            }
        }
        return c;
    }

    private float[] random(int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }
}
