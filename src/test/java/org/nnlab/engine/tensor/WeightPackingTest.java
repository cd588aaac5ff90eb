package org.nnlab.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Packing cut by row blocks over threads gives exactly the strips that packing on one thread gives. */
class WeightPackingTest {
    private static final int[][] SHAPES = { // k, n
        {28, 512}, {128, 512}, {512, 128}, {1, 5}, {17, 40}, {33, 100}, {100, 33}, {0, 64}, {300, 96}, {64, 2048}};

    @Test
    void twoMatricesPackedOnSeveralThreadsEqualEachPackedAlone() {
        SplittableRandom rng = new SplittableRandom(21);
        WeightPacking packing = new WeightPacking();
        for (int[] s : SHAPES) {
            int k = s[0], n = s[1];
            float[] wa = random(k * n, rng);
            float[] wb = random((k + 3) * n, rng);
            PackedWeights alone = new PackedWeights();
            alone.pack(wa, k, n);
            PackedWeights aloneB = new PackedWeights();
            aloneB.pack(wb, k + 3, n);
            for (int threads = 1; threads <= 3; threads++) {
                PackedWeights a = stale(k, n, rng);
                PackedWeights b = stale(k + 3, n, rng);
                a.fit(wa, k, n);
                b.fit(wb, k + 3, n);
                int t = threads;
                Parallelism.withThreads(t, () -> packing.pack(a, b, t));
                assertSameStrips(alone, a, Arrays.toString(s) + " on " + t + " threads");
                assertSameStrips(aloneB, b, Arrays.toString(s) + " second matrix on " + t + " threads");
                assertSame(wa, a.source());
            }
        }
    }

    @Test
    void theTransposedMatrixMadeAndPackedOnSeveralThreadsEqualsTransposingThenPacking() {
        SplittableRandom rng = new SplittableRandom(23);
        WeightPacking packing = new WeightPacking();
        for (int[] s : SHAPES) {
            int k = s[0], n = s[1];
            float[] t = random(n * k, rng); // [n, k]; W = tᵀ [k, n]
            float[] expected = new float[k * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < k; c++) {
                    expected[c * n + r] = t[r * k + c];
                }
            }
            PackedWeights alone = new PackedWeights();
            alone.pack(expected, k, n);
            for (int threads = 1; threads <= 3; threads++) {
                float[] w = random(k * n, rng); // stale values, all to be overwritten
                PackedWeights p = stale(k, n, rng);
                p.fit(w, k, n);
                int th = threads;
                Parallelism.withThreads(th, () -> packing.packTransposed(p, t, th));
                assertArrayEquals(expected, w, Arrays.toString(s) + " transposed on " + th + " threads");
                assertSameStrips(alone, p, Arrays.toString(s) + " packed on " + th + " threads");
            }
        }
    }

    @Test
    void theBenchLstmsWeightsAreCutIntoSeveralBlocks() {
        // W_h [128, 512] and W_hᵀ [512, 128] of the bench's lstm: enough blocks for two threads to share
        assertTrue(128 / WeightPacking.rowsPerBlock(512) >= 4);
        assertTrue(512 / WeightPacking.rowsPerBlock(128) >= 4);
        assertTrue(WeightPacking.rowsPerBlock(100_000) >= 1);
    }

    /** A packed object that already holds other values of the same size, as from the previous pass. */
    private static PackedWeights stale(int k, int n, SplittableRandom rng) {
        PackedWeights p = new PackedWeights();
        p.pack(random(k * n, rng), k, n);
        return p;
    }

    private static void assertSameStrips(PackedWeights expected, PackedWeights actual, String what) {
        int used = expected.n() / PackedWeights.STRIP * PackedWeights.STRIP * expected.k();
        assertArrayEquals(Arrays.copyOf(expected.strips(), used), Arrays.copyOf(actual.strips(), used), what);
    }

    private static float[] random(int size, SplittableRandom rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }
}
