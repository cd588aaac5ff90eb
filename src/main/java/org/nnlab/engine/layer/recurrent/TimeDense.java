package org.nnlab.engine.layer.recurrent;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.MatMul;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Dense on the last axis, shared over steps: {@code y[.., t, :] = x[.., t, :]·W + b}. Shapes: input
 * [batch, steps, in] or [batch, in]; W [in, units]; b [units]; output the input's shape with the last
 * axis set to units. All rows of the batch and all steps go through one matrix product.
 */
public final class TimeDense implements Layer {
    private final TimeDenseSpec spec;
    private final int in;
    private final int units;
    private final Param weight;
    private final Param bias;
    private Tensor input;

    public TimeDense(TimeDenseSpec spec, int in, RandomGenerator rng) {
        this.spec = spec;
        this.in = in;
        this.units = spec.units();
        double bound = Math.sqrt(6.0 / (in + units));
        this.weight = Param.of("weight", Tensor.uniform(Shape.of(in, units), -bound, bound, rng));
        this.bias = Param.of("bias", Tensor.zeros(Shape.of(units)));
    }

    public Param weight() {
        return weight;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public Shape outputShape(Shape s) {
        return spec.outputShape(s);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        if (x.shape().rank() < 2 || x.shape().dim(-1) != in) {
            throw new IllegalArgumentException(this + ": expects input [batch, (steps,) " + in + "], got " + x.shape());
        }
        input = x;
        int rows = x.size() / in;
        Tensor out = Tensor.zeros(x.shape().withLastDim(units));
        float[] o = out.data();
        MatMul.multiply(x.data(), 0, false, weight.value().data(), 0, false, o, 0, rows, units, in, false);
        float[] b = bias.value().data();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < units; j++) {
                o[r * units + j] += b[j];
            }
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        int rows = input.size() / in;
        float[] g = gradOut.data();
        MatMul.multiply(input.data(), 0, true, g, 0, false, weight.grad().data(), 0, in, units, rows, true);
        float[] db = bias.grad().data();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < units; j++) {
                db[j] += g[r * units + j];
            }
        }
        Tensor dx = Tensor.zeros(input.shape());
        MatMul.multiply(g, 0, false, weight.value().data(), 0, true, dx.data(), 0, rows, in, units, false);
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public TimeDenseSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "TimeDense(" + in + " -> " + units + ")";
    }
}
