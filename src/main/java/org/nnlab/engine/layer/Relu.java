package org.nnlab.engine.layer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nnlab.engine.spec.LayerSpec;

/**
 * Rectified linear unit: y = max(0, x), dy/dx = 1 for x > 0, else 0 (NaN gives 0). Any shape, kept.
 * Both loops are memory-bound; they run a vector at a time (compare with 0, select). {@link Elementwise}
 * shares a large batch out among the kernel threads.
 */
public final class Relu extends Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    public Relu(LayerSpec spec) {
        super(spec);
    }

    /** y[i] = max(0, x[i]) for i in [from, to). */
    @Override
    protected void apply(float[] x, float[] y, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            zero.blend(v, positive).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] > 0 ? x[i] : 0f;
        }
    }

    /** dx[i] = g[i] where x[i] > 0, else 0, for i in [from, to). */
    @Override
    protected void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, g, i), positive).intoArray(dx, i);
        }
        for (; i < to; i++) {
            dx[i] = x[i] > 0 ? g[i] : 0f;
        }
    }
}
