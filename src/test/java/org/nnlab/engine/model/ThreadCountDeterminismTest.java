package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.TrainerEvent.Outcome;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A seeded training run gives the same weights, bit for bit, whether the kernels get one, two or three
 * threads: no sum may be split differently because more threads are at hand.
 */
class ThreadCountDeterminismTest {
    private static final ModelSpec CNN = ModelSpec.of(Shape.of(1, 28, 28),
            Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2),
            Conv2dSpec.of(16, 5), new ReluSpec(), MaxPool2dSpec.of(2), new FlattenSpec(),
            new DenseSpec(64), new ReluSpec(), new DenseSpec(10));
    private static final ModelSpec LSTM = ModelSpec.of(Shape.of(28, 28), new LstmSpec(48, false), new DenseSpec(10));
    private static final ModelSpec BIGRU = ModelSpec.of(Shape.of(28, 28),
            new BidirectionalSpec(new GruSpec(24, false)), new DenseSpec(10));

    @Test
    void cnnWeightsDoNotDependOnTheThreadCount() {
        Dataset data = images(640, Shape.of(1, 28, 28));
        assertSameForEveryThreadCount(() -> train(CNN, data, false, 5));
    }

    @Test
    void lstmWeightsDoNotDependOnTheThreadCount() {
        Dataset data = images(640, Shape.of(28, 28));
        assertSameForEveryThreadCount(() -> train(LSTM, data, true, 5));
    }

    @Test
    void bidirectionalGruWeightsDoNotDependOnTheThreadCount() {
        Dataset data = images(320, Shape.of(28, 28));
        assertSameForEveryThreadCount(() -> train(BIGRU, data, true, 3));
    }

    private interface Run {
        List<float[]> weights();
    }

    private static void assertSameForEveryThreadCount(Run run) {
        List<float[]> one = Parallelism.withThreads(1, run::weights);
        for (int threads : new int[] {2, 3}) {
            List<float[]> other = Parallelism.withThreads(threads, run::weights);
            assertEquals(one.size(), other.size());
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(bits(one.get(i)), bits(other.get(i)),
                        "parameter " + i + " after training with " + threads + " threads differs from 1 thread");
            }
        }
    }

    /** About 100 (CNN, LSTM) or 30 (GRU) steps of 32 samples, seeded; returns copies of every weight. */
    private static List<float[]> train(ModelSpec spec, Dataset data, boolean adam, int epochs) {
        Sequential model = Sequential.build(spec, new SplittableRandom(11));
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(),
                adam ? new Adam(0.003) : new Sgd(0.05, 0.9, 0), data, TrainerConfig.of(epochs, 32, 3));
        assertEquals(Outcome.COMPLETED, trainer.fit(e -> { }, new TrainingControl()).outcome());
        List<float[]> weights = new ArrayList<>();
        for (Param p : model.params()) {
            weights.add(p.value().data().clone());
        }
        return weights;
    }

    /** Noise images whose label is the brightest of ten horizontal bands, so there is something to learn. */
    private static Dataset images(int count, Shape sample) {
        SplittableRandom rng = new SplittableRandom(4);
        int size = sample.size();
        Tensor x = Tensor.zeros(sample.withBatch(count));
        int[] y = new int[count];
        float[] v = x.data();
        for (int n = 0; n < count; n++) {
            y[n] = rng.nextInt(10);
            for (int i = 0; i < size; i++) {
                int band = i * 10 / size;
                v[n * size + i] = (float) (rng.nextDouble() * 0.5 + (band == y[n] ? 0.5 : 0));
            }
        }
        return new Dataset(x, y);
    }

    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }
}
