package org.nnlab.engine.layer.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** Backpropagation through time against central differences, for every cell and wrapper. */
class RecurrentGradientTest {
    private static final int STEPS = 5;
    private static final int FEATURES = 3;

    private static Tensor input(int batch, int seed) {
        return Tensor.uniform(Shape.of(batch, STEPS, FEATURES), -1, 1, new SplittableRandom(seed));
    }

    private static Layer build(RecurrentSpec spec) {
        return spec.build(Shape.of(STEPS, FEATURES), new SplittableRandom(3));
    }

    @Test
    void simpleRnnEveryStepAndLast() {
        GradientCheck.assertMatches(build(new SimpleRnnSpec(4, true)), input(2, 1));
        GradientCheck.assertMatches(build(new SimpleRnnSpec(4, false)), input(2, 2));
    }

    @Test
    void lstmEveryStepAndLast() {
        GradientCheck.assertMatches(build(new LstmSpec(4, true)), input(2, 1));
        GradientCheck.assertMatches(build(new LstmSpec(4, false)), input(2, 2));
    }

    @Test
    void gruEveryStepAndLast() {
        Layer gru = build(new GruSpec(4, true));
        // give the candidate's state bias a non-zero value so its gradient path is exercised
        gru.params().getLast().value().fill(0.3f);
        GradientCheck.assertMatches(gru, input(2, 1));
        GradientCheck.assertMatches(build(new GruSpec(4, false)), input(2, 2));
    }

    /**
     * 20 units fill a vector of the gate arithmetic and leave a tail; a batch of 9 takes the one-pass
     * pre-activation (a full tile of 8 rows and one row left over), which smaller batches do not.
     */
    @Test
    void everyCellWideEnoughForVectorsOnABatchOfNine() {
        for (RecurrentSpec spec : new RecurrentSpec[] {
                new SimpleRnnSpec(20, true), new LstmSpec(20, true), new GruSpec(20, false)}) {
            GradientCheck.assertMatches(build(spec), input(9, 7));
        }
    }

    @Test
    void aSampleGetsTheSameOutputInAFullBatchAsAlone() {
        for (RecurrentSpec spec : new RecurrentSpec[] {
                new SimpleRnnSpec(20, true), new LstmSpec(20, true), new GruSpec(20, true)}) {
            Layer layer = build(spec);
            Tensor batch = input(9, 8);
            float[] together = layer.forward(batch, Mode.INFER).data().clone();
            int perSample = together.length / 9;
            for (int b = 0; b < 9; b++) {
                float[] one = java.util.Arrays.copyOfRange(batch.data(), b * STEPS * FEATURES, (b + 1) * STEPS * FEATURES);
                float[] alone = layer.forward(new Tensor(Shape.of(1, STEPS, FEATURES), one), Mode.INFER).data();
                for (int i = 0; i < perSample; i++) {
                    assertEquals(alone[i], together[b * perSample + i], 1e-6, spec + " sample " + b + " value " + i);
                }
            }
        }
    }

    @Test
    void bidirectionalForEveryCell() {
        for (RecurrentSpec inner : new RecurrentSpec[] {
                new SimpleRnnSpec(3, true), new LstmSpec(3, true), new GruSpec(3, false), new LstmSpec(3, false)}) {
            Layer bi = new BidirectionalSpec(inner).build(Shape.of(STEPS, FEATURES), new SplittableRandom(5));
            GradientCheck.assertMatches(bi, input(2, 4));
        }
    }

    @Test
    void stackedBidirectionalLstmWithPerStepHead() {
        SplittableRandom rng = new SplittableRandom(9);
        Layer first = new BidirectionalSpec(new LstmSpec(3, true)).build(Shape.of(STEPS, FEATURES), rng);
        Layer second = new BidirectionalSpec(new LstmSpec(3, true)).build(Shape.of(STEPS, 6), rng);
        Layer head = new TimeDenseSpec(2).build(Shape.of(STEPS, 6), rng);
        GradientCheck.assertMatches(new Chain(first, second, head), input(2, 6));
    }

    @Test
    void stackedGruUnderSimpleRnnWithLastStateHead() {
        SplittableRandom rng = new SplittableRandom(10);
        Layer first = new GruSpec(4, true).build(Shape.of(STEPS, FEATURES), rng);
        Layer second = new SimpleRnnSpec(3, false).build(Shape.of(STEPS, 4), rng);
        Layer head = new TimeDenseSpec(2).build(Shape.of(3), rng);
        GradientCheck.assertMatches(new Chain(first, second, head), input(3, 7));
    }

    @Test
    void embeddingFeedsLstm() {
        SplittableRandom rng = new SplittableRandom(11);
        Layer emb = new EmbeddingSpec(6, 3).build(Shape.of(STEPS), rng);
        Layer lstm = new LstmSpec(4, true).build(Shape.of(STEPS, 3), rng);
        Tensor ids = Tensor.of(Shape.of(2, STEPS), 0, 5, 2, 2, 1, 3, 4, 0, 5, 1);
        GradientCheck.assertMatches(new Chain(emb, lstm), ids);
    }

    @Test
    void truncatedBpttEqualsFullWhenWindowCoversSequence() {
        for (int k : new int[] {STEPS, STEPS + 3}) {
            Layer truncated = build(new LstmSpec(4, true, k, 0));
            GradientCheck.assertMatches(truncated, input(2, 12));
            Layer full = build(new LstmSpec(4, true));
            assertArrayEquals(gradients(full, input(2, 12), null), gradients(truncated, input(2, 12), null), 0f);
        }
    }

    @Test
    void truncatedBpttCutsGradientAtChunkBoundaries() {
        for (RecurrentSpec spec : new RecurrentSpec[] {new SimpleRnnSpec(4, true, 2, 0), new LstmSpec(4, true, 2, 0),
                new GruSpec(4, true, 2, 0)}) {
            RecurrentSpec fullSpec = switch (spec) {
                case SimpleRnnSpec s -> new SimpleRnnSpec(4, true);
                case LstmSpec s -> new LstmSpec(4, true);
                default -> new GruSpec(4, true);
            };
            Tensor x = input(2, 13);
            // loss only on steps 0..1 (the first chunk): nothing is cut, so truncated equals full
            float[] firstChunk = gradients(build(spec), x, 2);
            assertArrayEquals(gradients(build(fullSpec), x, 2), firstChunk, 1e-6f);
            // loss on every step: the full gradient sees paths across chunks that the truncated one drops
            float[] truncatedAll = gradients(build(spec), x, null);
            float[] fullAll = gradients(build(fullSpec), x, null);
            double diff = 0;
            for (int i = 0; i < fullAll.length; i++) {
                diff = Math.max(diff, Math.abs(fullAll[i] - truncatedAll[i]));
            }
            assertTrue(diff > 1e-3, spec.kind() + ": truncation changed nothing");
            // the input gradient at step 1 only gets contributions from outputs in steps 0..1
            Layer t = build(spec);
            Tensor dxOnlyLater = inputGradient(t, x, 2, STEPS);
            for (int b = 0; b < 2; b++) {
                for (int step = 0; step < 2; step++) {
                    for (int f = 0; f < FEATURES; f++) {
                        assertEquals(0f, dxOnlyLater.get((b * STEPS + step) * FEATURES + f), spec.kind());
                    }
                }
            }
        }
    }

    @Test
    void gradientClipBoundsTheStateGradient() {
        Layer clipped = build(new SimpleRnnSpec(4, false, 0, 0.05));
        Recurrent r = (Recurrent) clipped;
        r.recording(true);
        Tensor x = input(1, 14);
        r.forward(x, Mode.TRAIN);
        r.backward(Tensor.filled(Shape.of(1, 4), 10f));
        for (double n : r.gradientNorms()) {
            assertTrue(n <= 0.05 * 2 + 1e-6, "norm " + n + " exceeds clip·sqrt(4)");
        }
    }

    /** All parameter and input gradients for loss = sum of outputs at steps [0, until) (all when null). */
    private static float[] gradients(Layer layer, Tensor x, Integer until) {
        Tensor out = layer.forward(x, Mode.TRAIN);
        Tensor g = Tensor.zeros(out.shape());
        int h = out.shape().dim(2);
        for (int b = 0; b < out.shape().dim(0); b++) {
            for (int t = 0; t < (until == null ? out.shape().dim(1) : until); t++) {
                for (int u = 0; u < h; u++) {
                    g.set((b * out.shape().dim(1) + t) * h + u, 0.5f + 0.1f * u);
                }
            }
        }
        for (Param p : layer.params()) {
            p.zeroGrad();
        }
        Tensor dx = layer.backward(g);
        int n = dx.size();
        for (Param p : layer.params()) {
            n += p.grad().size();
        }
        float[] all = new float[n];
        System.arraycopy(dx.data(), 0, all, 0, dx.size());
        int o = dx.size();
        for (Param p : layer.params()) {
            System.arraycopy(p.grad().data(), 0, all, o, p.grad().size());
            o += p.grad().size();
        }
        return all;
    }

    /** Input gradient when the loss is the sum of outputs at steps [from, to). */
    private static Tensor inputGradient(Layer layer, Tensor x, int from, int to) {
        Tensor out = layer.forward(x, Mode.TRAIN);
        Tensor g = Tensor.zeros(out.shape());
        int h = out.shape().dim(2);
        for (int b = 0; b < out.shape().dim(0); b++) {
            for (int t = from; t < to; t++) {
                for (int u = 0; u < h; u++) {
                    g.set((b * STEPS + t) * h + u, 1f);
                }
            }
        }
        return layer.backward(g);
    }

    @Test
    void wideCellsTakeTheVectorPathAndAgreeWithCentralDifferences() {
        // 19 units: one full vector of lanes (up to 16) plus a scalar tail
        for (RecurrentSpec spec : new RecurrentSpec[] {new SimpleRnnSpec(19, true), new LstmSpec(19, true),
                new GruSpec(19, false)}) {
            Layer layer = spec.build(Shape.of(3, 2), new SplittableRandom(21));
            GradientCheck.assertMatches(layer, Tensor.uniform(Shape.of(2, 3, 2), -1, 1, new SplittableRandom(22)));
        }
    }

    @Test
    void splittingTheBatchOverThreadsGivesTheSameNumbers() {
        // 256 samples × 128 units is enough work for the element-wise step to be split over two threads
        for (RecurrentSpec spec : new RecurrentSpec[] {new LstmSpec(128, true), new GruSpec(128, true),
                new SimpleRnnSpec(128, true)}) {
            Tensor x = Tensor.uniform(Shape.of(256, 3, 5), -1, 1, new SplittableRandom(23));
            float[] one = org.nnlab.engine.tensor.Parallelism.withThreads(1,
                    () -> gradients(spec.build(Shape.of(3, 5), new SplittableRandom(24)), x, 3));
            float[] two = org.nnlab.engine.tensor.Parallelism.withThreads(2,
                    () -> gradients(spec.build(Shape.of(3, 5), new SplittableRandom(24)), x, 3));
            // the matrix products may add 256 samples in another order on two threads: equal up to float
            // rounding of such sums (a wrong split would be off by whole samples' contributions)
            for (int i = 0; i < one.length; i++) {
                assertEquals(one[i], two[i], 1e-4 + 1e-5 * Math.abs(one[i]), spec.kind() + " value " + i);
            }
        }
    }
}
