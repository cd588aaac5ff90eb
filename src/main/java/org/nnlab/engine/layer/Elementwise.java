package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Base of the activations that act on each value alone: y = f(x), dx = f'(x) ⊙ g, any shape. A subclass
 * implements the whole-array loops {@link #apply} and {@link #derive}, so there is one virtual call per
 * batch, not per value. The returned input gradient is a buffer reused by the next backward call.
 */
abstract class Elementwise implements Layer {
    private final LayerSpec spec;
    private Tensor input;
    private Tensor output;
    private Tensor gradIn;

    protected Elementwise(LayerSpec spec) {
        this.spec = spec;
    }

    /** y[i] = f(x[i]) for every i. */
    protected abstract void apply(float[] x, float[] y);

    /** dx[i] = f'(x[i]) · g[i], where y = f(x) from the forward pass is given too. */
    protected abstract void derive(float[] x, float[] y, float[] g, float[] dx);

    @Override
    public Shape outputShape(Shape input) {
        return spec.outputShape(input);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        input = x;
        output = Layers.buffer(output, x.shape());
        apply(x.data(), output.data());
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        if (gradOut.size() != output.size()) {
            throw new IllegalArgumentException(this + ": gradient " + gradOut.shape()
                    + " does not match the last output " + output.shape());
        }
        gradIn = Layers.buffer(gradIn, output.shape());
        derive(input.data(), output.data(), gradOut.data(), gradIn.data());
        return gradIn;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
