package org.nnlab.engine.layer;

import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * y = x laid out flat: x [batch, ...sample] -> y [batch, size(sample)]. The data is shared, not copied
 * (row-major order already is the flat order); backward gives the gradient the input's shape back.
 */
public final class Flatten implements Layer {
    private final FlattenSpec spec;
    private final Shape sample;

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
        int batch = Layers.requireBatch(this, x, sample);
        return x.reshape(Shape.of(batch, sample.size()));
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        return gradOut.reshape(sample.withBatch(gradOut.shape().dim(0)));
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
