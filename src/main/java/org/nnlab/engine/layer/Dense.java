package org.nnlab.engine.layer;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.MatMul;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Fully connected: y = x·W + b. Shapes: x [batch, in], W [in, units], b [units], y [batch, units].
 * Backward: dW += xᵀ·g, db += Σ_batch g, dx = g·Wᵀ; all three products go through {@link MatMul}.
 * The returned input gradient is a buffer reused by the next backward call of this layer.
 */
public final class Dense implements Layer {
    private final DenseSpec spec;
    private final int in;
    /** The shapes of one input and one output sample, kept so a pass builds no shapes. */
    private final Shape inSample;
    private final Shape outSample;
    private final Param weight;
    private final Param bias;
    private final List<Param> params;
    private Tensor input;
    private Tensor gradIn;
    private Tensor output;

    public Dense(DenseSpec spec, int in, RandomGenerator rng) {
        this.spec = spec;
        this.in = in;
        int units = spec.units();
        this.inSample = Shape.of(in);
        this.outSample = Shape.of(units);
        this.weight = Param.of("weight", spec.weightInit().create(Shape.of(in, units), in, units, rng));
        this.bias = Param.of("bias", spec.biasInit().create(Shape.of(units), in, units, rng));
        this.params = List.of(weight, bias);
    }

    @Override
    public Shape outputShape(Shape input) {
        return spec.outputShape(input);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int batch = Layers.requireBatch(this, x, inSample);
        int units = spec.units();
        input = x;
        output = Layers.buffer(output, batch, outSample);
        Tensor y = output;
        float[] out = y.data();
        float[] b = bias.value().data();
        for (int r = 0; r < batch; r++) {
            System.arraycopy(b, 0, out, r * units, units);
        }
        MatMul.multiply(x.data(), false, weight.value().data(), false, out, batch, units, in, true);
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        int units = spec.units();
        int batch = gradOut.shape().dim(0);
        float[] g = gradOut.data();
        MatMul.multiply(input.data(), true, g, false, weight.grad().data(), in, units, batch, true);
        float[] db = bias.grad().data();
        for (int r = 0; r < batch; r++) {
            int row = r * units;
            for (int j = 0; j < units; j++) {
                db[j] += g[row + j];
            }
        }
        if (!inputGradient) {
            return null;
        }
        gradIn = Layers.buffer(gradIn, batch, inSample);
        MatMul.multiply(g, false, weight.value().data(), true, gradIn.data(), batch, in, units, false);
        return gradIn;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Dense(" + in + " -> " + spec.units() + ")";
    }
}
