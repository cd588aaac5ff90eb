package org.nnlab.engine.data.sequence;

import java.util.SplittableRandom;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Remember a symbol for {@code lag} steps. A sequence is {@code lead} noise steps, one marked key step,
 * then {@code lag} more noise steps (lead + 1 + lag steps in all). Every step carries a one-hot symbol
 * drawn uniformly from {@code symbols}; one extra feature, the marker, is 1 only at the key step. The
 * label is the key's symbol: the network must store it when the marker appears and keep it,
 * unchanged by {@code lag} steps of noise that look exactly like it, until the end. A tanh RNN, whose
 * gradient fades along time, fails as the lag grows; an LSTM can close its input gate and keep the key
 * in its cell. Chance level is 1 / symbols.
 * <p>
 * Inputs [count, lead + 1 + lag, symbols + 1]; one label per sequence.
 */
public final class LongRangeTask {
    /** Noise steps before the key in {@link #generate(int, int, int, long)}. */
    public static final int DEFAULT_LEAD = 3;

    private LongRangeTask() {
    }

    public static LabeledSequences generate(int count, int lag, int symbols, long seed) {
        return generate(count, lag, symbols, DEFAULT_LEAD, seed);
    }

    public static LabeledSequences generate(int count, int lag, int symbols, int lead, long seed) {
        if (lag < 0 || lead < 0 || symbols < 2 || count < 1) {
            throw new IllegalArgumentException("LongRangeTask: needs lag ≥ 0, lead ≥ 0, symbols ≥ 2 and count ≥ 1,"
                    + " got lag " + lag + ", lead " + lead + ", symbols " + symbols + ", count " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = lead + 1 + lag;
        int features = symbols + 1;
        Tensor x = Tensor.zeros(Shape.of(count, steps, features));
        int[] labels = new int[count];
        float[] d = x.data();
        for (int n = 0; n < count; n++) {
            for (int t = 0; t < steps; t++) {
                int s = rng.nextInt(symbols);
                int row = (n * steps + t) * features;
                d[row + s] = 1f;
                if (t == lead) {
                    d[row + symbols] = 1f;
                    labels[n] = s;
                }
            }
        }
        return new LabeledSequences(x, labels, symbols, 1);
    }
}
