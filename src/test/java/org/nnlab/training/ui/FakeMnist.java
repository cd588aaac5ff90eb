package org.nnlab.training.ui;

import java.util.SplittableRandom;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.training.DataChoice;
import org.nnlab.training.TrainingData;

/**
 * Stand-in for MNIST in view tests (no files needed): 28×28 images of 10 classes, class k a bright 6×6
 * patch at its own place plus noise. Easy to learn, same shapes as MNIST.
 */
public final class FakeMnist implements TrainingData {
    @Override
    public Sets load(DataChoice choice) {
        return new Sets(make(trainingSize(choice), 1), make(200, 2));
    }

    @Override
    public int trainingSize(DataChoice choice) {
        if (!DataChoice.MNIST.equals(choice.dataset())) {
            throw new IllegalArgumentException("unknown data set " + choice.dataset());
        }
        return choice.size() == 0 ? 60_000 : choice.size();
    }

    /** {@code n} labelled images (classes in turn), the noise drawn with {@code seed}. */
    public static Dataset make(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            int top = 2 + (y[i] / 5) * 12;
            int left = 2 + (y[i] % 5) * 5;
            for (int p = 0; p < 784; p++) {
                int r = p / 28;
                int c = p % 28;
                boolean ink = r >= top && r < top + 6 && c >= left && c < left + 4;
                x[i * 784 + p] = (float) Math.max(0, (ink ? 0.9 : 0) + rng.nextGaussian() * 0.1);
            }
        }
        return new Dataset(new Tensor(Shape.of(n, 1, 28, 28), x), y);
    }
}
