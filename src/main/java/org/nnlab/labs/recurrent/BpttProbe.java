package org.nnlab.labs.recurrent;

import java.util.SplittableRandom;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.recurrent.Recurrent;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * One backward pass through time, made visible: a tanh RNN and an LSTM of the same size read the same random
 * sequence, the loss looks only at the last state, and the engine records ‖∂L/∂h_t‖, the size of the gradient that
 * reaches every step t. The recurrent weights W can be scaled up (a large scale makes the RNN's gradient explode
 * instead of vanish), every gradient element can be clipped, and BPTT can be truncated to the last k steps.
 *
 * @param steps       length of the sequence
 * @param weightScale factor on the recurrent weights W of both networks
 * @param clip        largest size of any gradient element (0: no clipping)
 * @param truncate    steps the gradient flows back in one chunk (0: all the way)
 */
public record BpttProbe(int steps, double weightScale, double clip, int truncate) {
    public static final int UNITS = 16;
    public static final int FEATURES = 4;
    public static final int MAX_STEPS = 60;
    /** Inputs are drawn from [−INPUT, INPUT]: small, so that the recurrence, not the input, drives the state. */
    static final double INPUT = 0.1;

    public BpttProbe {
        if (steps < 2 || steps > MAX_STEPS || !(weightScale > 0 && weightScale <= 20) || clip < 0 || truncate < 0) {
            throw new LocalizedException("labs.recurrent.error.bptt", "bad BPTT settings", MAX_STEPS);
        }
    }

    /** Gradient norms per step of the two networks, in input order (step 0 first). */
    public record Norms(double[] rnn, double[] lstm) {
    }

    public Norms measure(long seed) {
        Tensor x = Tensor.uniform(Shape.of(1, steps, FEATURES), -INPUT, INPUT, new SplittableRandom(seed));
        return new Norms(norms(new SimpleRnnSpec(UNITS, false, truncate, clip), x, seed),
                norms(new LstmSpec(UNITS, false, truncate, clip), x, seed));
    }

    private double[] norms(RecurrentSpec spec, Tensor x, long seed) {
        Recurrent layer = spec.build(Shape.of(steps, FEATURES), new SplittableRandom(seed + 1));
        float[] w = layer.weightHidden().value().data();
        for (int i = 0; i < w.length; i++) {
            w[i] *= (float) weightScale;
        }
        layer.recording(true);
        layer.forward(x, Mode.TRAIN);
        layer.backward(Tensor.filled(Shape.of(1, UNITS), 1f));
        return layer.gradientNorms();
    }
}
