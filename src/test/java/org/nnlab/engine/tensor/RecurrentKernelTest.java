package org.nnlab.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecurrentKernelTest {
    private static final int[][] SHAPES = { // rows, n, k
        {1, 5, 3}, {3, 40, 7}, {8, 32, 1}, {8, 512, 128}, {13, 77, 20}, {17, 128, 512}, {9, 64, 0}, {2, 300, 9},
        // four-row tiles of the packed path (slices of four samples): two strips, an odd last strip, columns past
        {4, 512, 128}, {6, 96, 5}, {12, 130, 7}, {20, 128, 512}};

    @Test
    void addsTheProductToTheStartingValueOnStridedRows() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int[] s : SHAPES) {
            int rows = s[0], n = s[1], k = s[2];
            int lda = k + 3, initStride = n + 5, outStride = n + 2;
            float[] a = random(rows * lda + 2, rng);
            float[] w = random(k * n + 4, rng);
            float[] init = random(rows * initStride + 1, rng);
            float[] out = new float[rows * outStride + 3];
            RecurrentKernel.rowsTimesWeights(rows, n, k, a, 2, lda, w, 4, init, 1, initStride, out, 3, outStride);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < n; j++) {
                    double expected = init[1 + r * initStride + j];
                    for (int p = 0; p < k; p++) {
                        expected += (double) a[2 + r * lda + p] * w[4 + p * n + j];
                    }
                    assertEquals(expected, out[3 + r * outStride + j], 1e-4 * (1 + Math.sqrt(k)),
                            Arrays.toString(s) + " row " + r + " column " + j);
                }
            }
        }
    }

    @Test
    void aRowGetsTheSameBitsWhetherAloneOrInATile() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int[] s : SHAPES) {
            int rows = s[0], n = s[1], k = s[2];
            float[] a = random(rows * k, rng);
            float[] w = random(k * n, rng);
            float[] init = random(rows * n, rng);
            float[] together = new float[rows * n];
            RecurrentKernel.rowsTimesWeights(rows, n, k, a, 0, k, w, 0, init, 0, n, together, 0, n);
            float[] alone = new float[rows * n];
            for (int r = 0; r < rows; r++) {
                RecurrentKernel.rowsTimesWeights(1, n, k, a, r * k, k, w, 0, init, r * n, n, alone, r * n, n);
            }
            assertArrayEquals(together, alone, Arrays.toString(s));
            float[] inPlace = init.clone();
            RecurrentKernel.rowsTimesWeights(rows, n, k, a, 0, k, w, 0, inPlace, 0, n, inPlace, 0, n);
            assertArrayEquals(together, inPlace, Arrays.toString(s) + " with out = init");
        }
    }

    @Test
    void aStepsWholePreActivationInOnePassEqualsTheInputPartThenTheStatePart() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int[] s : SHAPES) {
            Step in = Step.random(s, 2, rng);
            int rows = in.rows, n = in.n, kh = in.kh, kx = in.kx, ldx = in.ldx;
            float[] x = in.x, h = in.h, wx = in.wx, wh = in.wh, bias = in.bias;
            float[] fused = new float[rows * n];
            RecurrentKernel.rowsTimesWeights(rows, n, kx, x, 0, ldx, wx, 0, kh, h, 0, kh, wh, 2,
                    bias, 0, 0, fused, 0, n);
            float[] twoPasses = new float[rows * n];
            for (int r = 0; r < rows; r++) {
                RecurrentKernel.rowsTimesWeights(1, n, kx, x, r * ldx, ldx, wx, 0, bias, 0, 0, twoPasses, r * n, n);
            }
            RecurrentKernel.rowsTimesWeights(rows, n, kh, h, 0, kh, wh, 2, twoPasses, 0, n, twoPasses, 0, n);
            assertArrayEquals(twoPasses, fused, Arrays.toString(s));
        }
    }

    @Test
    void weightsInStripsGiveTheSameBitsAsWeightsInPlace() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int[] s : SHAPES) {
            Step in = Step.random(s, 0, rng);
            int rows = in.rows, n = in.n, kh = in.kh, kx = in.kx, ldx = in.ldx;
            float[] x = in.x, h = in.h, wx = in.wx, wh = in.wh, bias = in.bias;
            float[] inPlace = new float[rows * n];
            RecurrentKernel.rowsTimesWeights(rows, n, kx, x, 0, ldx, wx, 0, kh, h, 0, kh, wh, 0, bias, 0, 0, inPlace, 0, n);
            PackedWeights px = new PackedWeights();
            PackedWeights ph = new PackedWeights();
            px.pack(wx, kx, n);
            ph.pack(wh, kh, n);
            float[] packed = new float[rows * n];
            RecurrentKernel.rowsTimesWeights(rows, kx, x, 0, ldx, px, kh, h, 0, kh, ph, bias, 0, 0, packed, 0, n);
            assertArrayEquals(inPlace, packed, Arrays.toString(s));
            float[] xOnly = new float[rows * n];
            RecurrentKernel.rowsTimesWeights(rows, n, kx, x, 0, ldx, wx, 0, bias, 0, 0, xOnly, 0, n);
            RecurrentKernel.rowsTimesWeights(rows, kx, x, 0, ldx, px, 0, null, 0, 0, null, bias, 0, 0, packed, 0, n);
            assertArrayEquals(xOnly, packed, Arrays.toString(s) + " without h");
        }
    }

    /**
     * One step's random inputs for a shape {rows, n, kh}: x rows with one spare column, the state, both weights
     * (W_h with {@code whOffset} values before it) and the bias; the input width kx is derived from kh.
     */
    private record Step(int rows, int n, int kh, int kx, int ldx, float[] x, float[] h, float[] wx, float[] wh,
            float[] bias) {
        static Step random(int[] s, int whOffset, SplittableRandom rng) {
            int rows = s[0], n = s[1], kh = s[2], kx = 1 + s[2] % 29, ldx = kx + 1;
            float[] x = RecurrentKernelTest.random(rows * ldx, rng);
            float[] h = RecurrentKernelTest.random(rows * kh, rng);
            float[] wx = RecurrentKernelTest.random(kx * n, rng);
            float[] wh = RecurrentKernelTest.random(kh * n + whOffset, rng);
            return new Step(rows, n, kh, kx, ldx, x, h, wx, wh, RecurrentKernelTest.random(n, rng));
        }
    }

    private static float[] random(int size, SplittableRandom rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }
}
