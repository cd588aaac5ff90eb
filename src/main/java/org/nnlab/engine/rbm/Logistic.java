package org.nnlab.engine.rbm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.nnlab.engine.layer.recurrent.CellMath;

/**
 * The element-wise kernels of an RBM: adding a bias row and squashing with σ(x) = 1 / (1 + e^−x), and
 * drawing binary samples. σ runs on the JDK Vector API ({@link CellMath}'s exactly specified float
 * arithmetic, so a seeded run gives the same bits whether or not the JIT has compiled it yet): one CD step
 * takes the exponential of every hidden and visible unit of the batch a few times over, which in scalar
 * {@code Math.exp} costs as much as the matrix products themselves.
 */
final class Logistic {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Logistic() {
    }

    /** In place: {@code x[r, j] = σ(x[r, j] + bias[j])} for the first {@code rows} rows of a [rows, cols] array. */
    static void addBiasAndSquash(float[] x, float[] bias, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int j = 0;
            for (; j < bound; j += S.length()) {
                FloatVector v = FloatVector.fromArray(S, x, base + j).add(FloatVector.fromArray(S, bias, j));
                CellMath.sigmoid(v).intoArray(x, base + j);
            }
            for (; j < cols; j++) {
                x[base + j] = sigmoid(x[base + j] + bias[j]);
            }
        }
    }

    static float sigmoid(float v) {
        return CellMath.sigmoid(v);
    }

    /** {@code out[i] = 1} where {@code uniforms[i] < p[i]}, else 0, for i in [0, count). */
    static void sample(float[] p, float[] uniforms, float[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = uniforms[i] < p[i] ? 1f : 0f;
        }
    }
}
