package org.nnlab.engine.optim;

import java.util.List;
import org.nnlab.engine.layer.Param;

/** Gradient clipping by global norm, as PyTorch's {@code clip_grad_norm_}. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The L2 norm of all gradients together. */
    public static double globalNorm(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            sum += p.grad().sumOfSquares();
        }
        return Math.sqrt(sum);
    }

    /**
     * When the global norm exceeds {@code maxNorm}, scales every gradient by maxNorm / (norm + 1e-6) so the
     * direction stays and the length becomes maxNorm. Returns the norm before clipping.
     */
    public static double clipByGlobalNorm(List<Param> params, double maxNorm) {
        Hyper.positive("max gradient norm", maxNorm);
        double norm = globalNorm(params);
        if (norm > maxNorm) {
            float factor = (float) (maxNorm / (norm + 1e-6));
            for (Param p : params) {
                p.grad().scaleInPlace(factor);
            }
        }
        return norm;
    }
}
