package org.nnlab.training;

import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.ModelSpec;

/**
 * A run's weights after its last epoch, kept for the charts that ask the network itself (decision
 * boundaries, written text; see {@link LiveModel}); other threads get a copy of the network to ask.
 */
final class LatestWeights {
    private volatile List<float[]> weights;

    void keep(Sequential model) {
        weights = model.params().stream().map(p -> p.value().data().clone()).toList();
    }

    /** A network of {@code spec} with the kept weights, or null before the first epoch. */
    Sequential model(ModelSpec spec) {
        List<float[]> kept = weights;
        if (kept == null) {
            return null;
        }
        Sequential copy = Sequential.build(spec, new SplittableRandom(0));
        for (int i = 0; i < kept.size(); i++) {
            float[] w = kept.get(i);
            System.arraycopy(w, 0, copy.params().get(i).value().data(), 0, w.length);
        }
        return copy;
    }
}
