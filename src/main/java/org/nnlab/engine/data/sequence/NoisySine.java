package org.nnlab.engine.data.sequence;

import java.util.SplittableRandom;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Forecasting a noisy wave: {@code y_t = sin(2π t / period + φ) + 0.5·sin(2π t / (2.7·period)) + ε_t},
 * ε ~ N(0, noise²), φ random per window. Inputs [count, window, 1] (the last {@code window} values),
 * targets [count, 1] (the next value without noise, so the best possible error is known).
 */
public final class NoisySine {
    private NoisySine() {
    }

    public record Windows(Tensor inputs, Tensor targets) {
        public int size() {
            return inputs.shape().dim(0);
        }
    }

    public static Windows generate(int count, int window, double period, double noise, long seed) {
        if (count < 1 || window < 1 || !(period > 1)) {
            throw new IllegalArgumentException("NoisySine: needs count ≥ 1, window ≥ 1 and period > 1, got "
                    + count + ", " + window + ", " + period);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(Shape.of(count, window, 1));
        Tensor y = Tensor.zeros(Shape.of(count, 1));
        for (int n = 0; n < count; n++) {
            double phase = rng.nextDouble() * 2 * Math.PI;
            double start = rng.nextDouble() * 1000;
            for (int t = 0; t <= window; t++) {
                double v = clean(start + t, period, phase);
                if (t < window) {
                    x.set(n * window + t, (float) (v + noise * rng.nextGaussian()));
                } else {
                    y.set(n, (float) v);
                }
            }
        }
        return new Windows(x, y);
    }

    static double clean(double t, double period, double phase) {
        return Math.sin(2 * Math.PI * t / period + phase) + 0.5 * Math.sin(2 * Math.PI * t / (2.7 * period));
    }
}
