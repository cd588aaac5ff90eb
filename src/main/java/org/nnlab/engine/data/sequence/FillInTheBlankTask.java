package org.nnlab.engine.data.sequence;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Fill in a blank that only the future explains. Each sequence has {@code steps} random symbols; at one
 * random position b the symbol is hidden behind a blank marker, and the hidden symbol always equals
 * the one right after it (b + 1). Everything before the blank is unrelated noise, so a network that
 * reads left to right can only guess (1 / symbols) while a bidirectional one sees the answer.
 * <p>
 * Inputs [count, steps, symbols + 1] one-hot, the last feature being the blank marker; labels one per
 * step, {@link LabeledSequences#NO_LABEL} everywhere except at the blank (a per-step head is trained
 * and scored only there).
 */
public final class FillInTheBlankTask {
    private FillInTheBlankTask() {
    }

    public static LabeledSequences generate(int count, int steps, int symbols, long seed) {
        if (steps < 3 || symbols < 2 || count < 1) {
            throw new IllegalArgumentException("FillInTheBlankTask: needs steps ≥ 3, symbols ≥ 2 and count ≥ 1, got "
                    + steps + ", " + symbols + ", " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int features = symbols + 1;
        Tensor x = Tensor.zeros(Shape.of(count, steps, features));
        int[] labels = new int[count * steps];
        Arrays.fill(labels, LabeledSequences.NO_LABEL);
        float[] d = x.data();
        int[] seq = new int[steps];
        for (int n = 0; n < count; n++) {
            for (int t = 0; t < steps; t++) {
                seq[t] = rng.nextInt(symbols);
            }
            int blank = 1 + rng.nextInt(steps - 2);
            seq[blank] = seq[blank + 1];
            for (int t = 0; t < steps; t++) {
                int feature = t == blank ? symbols : seq[t];
                d[(n * steps + t) * features + feature] = 1f;
            }
            labels[n * steps + blank] = seq[blank];
        }
        return new LabeledSequences(x, labels, symbols, steps);
    }
}
