package org.nnlab.engine.optim;

import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * A penalty on large weights, added to the loss as λ·Σ|w| (L1) or λ·½Σw² (L2). {@link #addGradient} adds its
 * gradient λ·sign(w) or λ·w into each weight's gradient before the optimizer steps. Only parameters named
 * {@code weight} are penalised: biases shift a boundary and do not make it wilder.
 * L1 pushes small weights all the way to zero (a sparse network); L2 shrinks every weight in proportion.
 */
public enum Regularization {
    NONE, L1, L2;

    /** Adds d(penalty)/d(w) into the gradient of every weight; {@code rate} is λ (0 or more). */
    public void addGradient(List<Param> params, double rate) {
        Hyper.nonNegative("regularisation rate", rate);
        if (this == NONE || rate == 0) {
            return;
        }
        for (Param param : params) {
            if (!"weight".equals(param.name())) {
                continue;
            }
            float[] w = param.value().data();
            float[] g = param.grad().data();
            for (int i = 0; i < w.length; i++) {
                g[i] += (float) (rate * (this == L1 ? Math.signum(w[i]) : w[i]));
            }
        }
    }

    /** The penalty λ·Σ|w| or λ·½Σw² over the weights, for showing beside the loss. */
    public double penalty(List<Param> params, double rate) {
        if (this == NONE) {
            return 0;
        }
        double sum = 0;
        for (Param param : params) {
            if ("weight".equals(param.name())) {
                for (float v : param.value().data()) {
                    sum += this == L1 ? Math.abs(v) : 0.5 * v * v;
                }
            }
        }
        return rate * sum;
    }
}
