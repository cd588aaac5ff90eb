package org.nnlab.engine.rbm;

import org.nnlab.engine.tensor.Tensor;

/**
 * Deterministic measures of how well an {@link Rbm} models a set of inputs, for progress charts: the mean
 * squared error of the mean-field reconstruction, the mean free energy, and the hidden units' activity.
 * Comparing the free energy of training data with that of held-out data shows overfitting: the two stay
 * close while the RBM generalises, and the training data's free energy falls below the held-out data's
 * when it starts to memorise.
 */
public final class RbmMonitor {
    private RbmMonitor() {
    }

    /** Mean over rows and units of (v − p(v | p(h | v)))². */
    public static double reconstructionError(Rbm rbm, Tensor v) {
        float[] x = v.data();
        float[] r = rbm.reconstruct(v).data();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - r[i];
            s += d * d;
        }
        return s / x.length;
    }

    /** Mean free energy of the rows of {@code v}. */
    public static double meanFreeEnergy(Rbm rbm, Tensor v) {
        double[] f = rbm.freeEnergy(v);
        double s = 0;
        for (double e : f) {
            s += e;
        }
        return s / f.length;
    }

    /** Mean activation of each hidden unit over the rows of {@code v}. */
    public static HiddenActivity hiddenActivity(Rbm rbm, Tensor v) {
        Tensor p = rbm.hiddenProbabilities(v);
        return HiddenActivity.of(p.data(), p.shape().dim(0), rbm.hidden());
    }
}
