package org.nnlab.engine.layer;

import java.util.random.RandomGenerator;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Inverted dropout. In {@link Mode#TRAIN} each value is kept with probability 1 − rate and scaled by
 * 1 / (1 − rate), otherwise zeroed: y = m ⊙ x, dx = m ⊙ g with the same mask m. In {@link Mode#INFER}
 * y = x. The mask comes from the generator given at build time, so a seeded build drops the same values.
 */
public final class Dropout implements Layer {
    private final DropoutSpec spec;
    private final RandomGenerator rng;
    private float[] mask;
    private Tensor gradIn;

    public Dropout(DropoutSpec spec, RandomGenerator rng) {
        this.spec = spec;
        this.rng = rng;
    }

    @Override
    public Shape outputShape(Shape input) {
        return spec.outputShape(input);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        float[] in = x.data();
        if (mode == Mode.INFER || spec.rate() == 0) {
            mask = null;
            return x.copy();
        }
        float keep = (float) (1 - spec.rate());
        float scale = 1f / keep;
        if (mask == null || mask.length != in.length) {
            mask = new float[in.length];
        }
        Tensor y = Tensor.zeros(x.shape());
        float[] out = y.data();
        for (int i = 0; i < in.length; i++) {
            mask[i] = rng.nextFloat() < keep ? scale : 0f;
            out[i] = in[i] * mask[i];
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        gradIn = Layers.buffer(gradIn, gradOut.shape());
        float[] g = gradOut.data();
        float[] dx = gradIn.data();
        for (int i = 0; i < g.length; i++) {
            dx[i] = mask == null ? g[i] : g[i] * mask[i];
        }
        return gradIn;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Dropout(" + spec.rate() + ")";
    }
}
