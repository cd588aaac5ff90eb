package org.nnlab.engine.layer;

import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * y = x laid out flat: x [batch, ...sample] -> y [batch, size(sample)]. The data is shared, not copied
 * (row-major order already is the flat order); backward gives the gradient the input's shape back.
 * The layers before and after reuse their tensors from batch to batch (two of each shape at most: a whole
 * batch and an epoch's shorter last one), so the last two views made in each direction are kept and handed
 * out again while they look at the same tensors.
 */
public final class Flatten implements Layer {
    private final FlattenSpec spec;
    private final Shape sample;
    private Tensor lastInput;
    private Tensor lastOutput;
    private Tensor lastGradOut;
    private Tensor lastGradIn;
    private Tensor otherInput;
    private Tensor otherOutput;
    private Tensor otherGradOut;
    private Tensor otherGradIn;

    public Flatten(FlattenSpec spec, Shape sample) {
        this.spec = spec;
        this.sample = sample;
    }

    @Override
    public Shape outputShape(Shape in) {
        return spec.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        if (x != lastInput) {
            Tensor in = lastInput;
            Tensor out = lastOutput;
            if (x == otherInput) {
                lastOutput = otherOutput;
            } else {
                int batch = Layers.requireBatch(this, x, sample);
                lastOutput = x.reshape(Shape.of(batch, sample.size()));
            }
            lastInput = x;
            otherInput = in;
            otherOutput = out;
        }
        return lastOutput;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        if (gradOut != lastGradOut) {
            Tensor out = lastGradOut;
            Tensor in = lastGradIn;
            lastGradIn = gradOut == otherGradOut ? otherGradIn : gradOut.reshape(sample.withBatch(gradOut.shape().dim(0)));
            lastGradOut = gradOut;
            otherGradOut = out;
            otherGradIn = in;
        }
        return lastGradIn;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Flatten(" + sample + " -> [" + sample.size() + "])";
    }
}
