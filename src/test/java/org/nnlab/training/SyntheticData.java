package org.nnlab.training;

import java.util.SplittableRandom;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Small images [1, 4, 4] of three classes (class k is brighter in row k), with noise: quick to train,
 * learnable, no files needed. The data set name is the size is the number of samples.
 */
final class SyntheticData implements TrainingData {
    static final ModelSpec SPEC = ModelSpec.of(Shape.of(1, 4, 4), new FlattenSpec(), new DenseSpec(3));
    int loads;
    /** The training set handed out last. */
    Dataset lastTraining;

    @Override
    public Sets load(DataChoice choice) {
        loads++;
        lastTraining = make(choice.size(), 1);
        return new Sets(lastTraining, make(60, 2));
    }

    @Override
    public int trainingSize(DataChoice choice) {
        if (!choice.dataset().equals("synthetic")) {
            throw new IllegalArgumentException("unknown data set " + choice.dataset());
        }
        return choice.size();
    }

    static Dataset make(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 16];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int p = 0; p < 16; p++) {
                x[i * 16 + p] = (float) (rng.nextGaussian() * 0.3 + (p / 4 == y[i] ? 1 : 0));
            }
        }
        return new Dataset(new Tensor(Shape.of(n, 1, 4, 4), x), y);
    }

    /** A request on {@code size} samples, batches of 10, SGD with the given learning rate. */
    static TrainingRequest request(int size, int epochs, double learningRate) {
        return new TrainingRequest("tiny", SPEC, new DataChoice("synthetic", size),
                new OptimizerConfig(OptimizerKind.SGD, learningRate, 0, 0), 10, epochs, 7, false, 0.2);
    }
}
