package org.nnlab.engine.layer.recurrent;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Lookup table: {@code y[b, t, :] = E[id(b, t), :]}. Shapes: input [batch, steps] token ids stored as
 * floats (rounded to the nearest whole number); E [vocabulary, dimension] drawn from N(0, 1); output
 * [batch, steps, dimension]. Backward adds each step's gradient into the row it read; ids have no
 * gradient, so the returned input gradient is zero.
 */
public final class Embedding implements Layer {
    private final EmbeddingSpec spec;
    private final Param table;
    private int[] ids = new int[0];
    private Shape inputShape;

    public Embedding(EmbeddingSpec spec, RandomGenerator rng) {
        this.spec = spec;
        this.table = Param.of("table", Tensor.normal(Shape.of(spec.vocabulary(), spec.dimension()), 0, 1, rng));
    }

    @Override
    public Shape outputShape(Shape input) {
        return spec.outputShape(input);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        if (x.shape().rank() != 2) {
            throw new IllegalArgumentException(this + ": expects token ids [batch, steps], got " + x.shape());
        }
        int d = spec.dimension();
        int n = x.size();
        if (ids.length != n) {
            ids = new int[n];
        }
        inputShape = x.shape();
        float[] e = table.value().data();
        Tensor out = Tensor.zeros(Shape.of(x.shape().dim(0), x.shape().dim(1), d));
        float[] o = out.data();
        for (int i = 0; i < n; i++) {
            int id = Math.round(x.get(i));
            if (id < 0 || id >= spec.vocabulary()) {
                throw new IllegalArgumentException(this + ": token id " + x.get(i) + " at position " + i
                        + " is outside 0.." + (spec.vocabulary() - 1) + "; raise the vocabulary or check the encoding");
            }
            ids[i] = id;
            System.arraycopy(e, id * d, o, i * d, d);
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        int d = spec.dimension();
        float[] ge = table.grad().data();
        float[] g = gradOut.data();
        for (int i = 0; i < ids.length; i++) {
            int row = ids[i] * d;
            for (int j = 0; j < d; j++) {
                ge[row + j] += g[i * d + j];
            }
        }
        return Tensor.zeros(inputShape);
    }

    @Override
    public List<Param> params() {
        return List.of(table);
    }

    @Override
    public EmbeddingSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Embedding(" + spec.vocabulary() + " ids -> " + spec.dimension() + ")";
    }
}
