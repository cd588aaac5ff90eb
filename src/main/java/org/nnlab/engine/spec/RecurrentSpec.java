package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.recurrent.Recurrent;
import org.nnlab.engine.tensor.Shape;

/**
 * Settings shared by the recurrent kinds (simple_rnn, lstm, gru): per-sample input {@code [steps, features]},
 * output {@code [steps, units]} when {@link #returnSequences()} else {@code [units]}.
 * {@link #truncateSteps()} = 0 means full backpropagation through time; k > 0 cuts the gradient every
 * k steps. {@link #gradientClip()} = 0 means no clipping.
 */
public sealed interface RecurrentSpec extends LayerSpec permits SimpleRnnSpec, LstmSpec, GruSpec {
    int units();

    boolean returnSequences();

    int truncateSteps();

    double gradientClip();

    /** Gate blocks per unit: 1 (tanh RNN), 4 (LSTM), 3 (GRU). */
    int gates();

    /** A layer reading the sequence forwards, or backwards when {@code reverse}. */
    default Recurrent buildRecurrent(Shape input, RandomGenerator rng, boolean reverse) {
        outputShape(input);
        return Recurrent.create(this, input.dim(1), units(), returnSequences(), reverse, truncateSteps(),
                gradientClip(), rng);
    }

    @Override
    default Recurrent build(Shape input, RandomGenerator rng) {
        return buildRecurrent(input, rng, false);
    }

    @Override
    default Shape outputShape(Shape input) {
        if (input.rank() != 2) {
            throw new SpecException("engine.spec.recurrent.input", kind(), input);
        }
        return returnSequences() ? Shape.of(input.dim(0), units()) : Shape.of(units());
    }

    /** W_x, W_h and the biases ({@link #biasCount()}). */
    @Override
    default long paramCount(Shape input) {
        outputShape(input);
        long g = (long) gates() * units();
        return g * input.dim(1) + g * units() + biasCount();
    }

    /** Bias values: one per gate value, and for a GRU one more per unit (its candidate's state bias). */
    default long biasCount() {
        long perGate = (long) gates() * units();
        return switch (this) {
            case GruSpec gru -> perGate + gru.units();
            case SimpleRnnSpec _, LstmSpec _ -> perGate;
        };
    }

    /** Both products per step plus about ten element operations per gate value. */
    @Override
    default long flops(Shape input) {
        outputShape(input);
        long g = (long) gates() * units();
        return (long) input.dim(0) * (2 * g * input.dim(1) + 2 * g * units() + 10 * g);
    }

    /** Shared constructor checks for the records. */
    static void validate(String kind, int units, int truncateSteps, double gradientClip) {
        if (units < 1) {
            throw new SpecException("engine.spec.recurrent.units", kind, units);
        }
        if (truncateSteps < 0) {
            throw new SpecException("engine.spec.recurrent.truncate", kind, truncateSteps);
        }
        if (!(gradientClip >= 0) || Double.isInfinite(gradientClip)) {
            throw new SpecException("engine.spec.recurrent.clip", kind, gradientClip);
        }
    }
}
