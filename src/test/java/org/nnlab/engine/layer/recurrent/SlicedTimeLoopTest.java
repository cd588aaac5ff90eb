package org.nnlab.engine.layer.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The time loop cut into slices of the batch ({@link BatchSlices}): every sample's output, input gradient
 * and share of the weight gradients come out as when the sample runs alone, and the same bits on 1, 2 and
 * 3 threads. A slice that skipped, repeated or overlapped samples, or a cut that depended on the thread
 * count, fails here.
 */
class SlicedTimeLoopTest {
    private static final int STEPS = 12;
    private static final int FEATURES = 10;
    private static final int UNITS = 64;

    @Test
    void slicesGiveEachSampleWhatItGetsAloneOnAnyThreadCount() {
        // an LSTM cuts a batch into units of 4 samples or more, the first ranges two units, the last four one
        // (64 → 6 of 8 then 4 of 4; 40 → 3 of 8 then 4 of 4; 13 → 4, 4 and 5); a GRU into ranges of 8 or more
        check(new LstmSpec(UNITS, true), 64, 10);
        check(new LstmSpec(UNITS, true), 40, 7);
        check(new LstmSpec(UNITS, true), 13, 3);
        check(new LstmSpec(UNITS, true), 5, 1);
        check(new GruSpec(UNITS, true), 64, 8);
        check(new GruSpec(UNITS, true), 20, 2);
    }

    private static void check(RecurrentSpec spec, int batch, int expectedSlices) {
        String what = spec.getClass().getSimpleName() + " batch " + batch;
        SplittableRandom rng = new SplittableRandom(batch);
        Tensor x = Tensor.uniform(Shape.of(batch, STEPS, FEATURES), -1, 1, rng);
        Tensor g = Tensor.uniform(Shape.of(batch, STEPS, UNITS), -1, 1, rng);
        Recurrent layer = Recurrent.create(spec, FEATURES, UNITS, true, false, 0, 0.0, new SplittableRandom(3));
        assertEquals(expectedSlices, layer.startForward(x), what + ": slices");

        Pass first = null;
        for (int threads = 1; threads <= 3; threads++) {
            Pass pass = Parallelism.withThreads(threads, () -> Pass.of(layer, x, g));
            if (first == null) {
                first = pass;
            } else {
                assertArrayEquals(first.output, pass.output, what + ", output on " + threads + " threads");
                assertArrayEquals(first.inputGrad, pass.inputGrad, what + ", input gradient on " + threads + " threads");
                for (int p = 0; p < first.paramGrads.size(); p++) {
                    assertArrayEquals(first.paramGrads.get(p), pass.paramGrads.get(p),
                            what + ", gradient " + p + " on " + threads + " threads");
                }
            }
        }

        int perSample = STEPS * UNITS;
        int inPerSample = STEPS * FEATURES;
        float[][] summed = new float[first.paramGrads.size()][];
        for (int b = 0; b < batch; b++) {
            Tensor xb = new Tensor(Shape.of(1, STEPS, FEATURES), slice(x.data(), b * inPerSample, inPerSample));
            Tensor gb = new Tensor(Shape.of(1, STEPS, UNITS), slice(g.data(), b * perSample, perSample));
            Pass alone = Pass.of(layer, xb, gb);
            close(alone.output, 0, first.output, b * perSample, perSample, what + ", output of sample " + b);
            close(alone.inputGrad, 0, first.inputGrad, b * inPerSample, inPerSample,
                    what + ", input gradient of sample " + b);
            for (int p = 0; p < summed.length; p++) {
                float[] one = alone.paramGrads.get(p);
                if (summed[p] == null) {
                    summed[p] = new float[one.length];
                }
                for (int i = 0; i < one.length; i++) {
                    summed[p][i] += one[i];
                }
            }
        }
        for (int p = 0; p < summed.length; p++) {
            close(summed[p], 0, first.paramGrads.get(p), 0, summed[p].length, what + ", gradient " + p + " summed over samples");
        }
    }

    private static float[] slice(float[] a, int from, int length) {
        float[] s = new float[length];
        System.arraycopy(a, from, s, 0, length);
        return s;
    }

    private static void close(float[] expected, int eOff, float[] actual, int aOff, int length, String what) {
        for (int i = 0; i < length; i++) {
            float e = expected[eOff + i];
            assertEquals(e, actual[aOff + i], 1e-4f * (1 + Math.abs(e)), what + " at " + i);
        }
    }

    /** One forward and backward pass: the output, the input gradient and every parameter's gradient. */
    private record Pass(float[] output, float[] inputGrad, List<float[]> paramGrads) {
        static Pass of(Recurrent layer, Tensor x, Tensor g) {
            layer.params().forEach(Param::zeroGrad);
            float[] out = layer.forward(x, Mode.TRAIN).data().clone();
            float[] dx = layer.backward(g, true).data().clone();
            return new Pass(out, dx, layer.params().stream().map(p -> p.grad().data().clone()).toList());
        }
    }
}
