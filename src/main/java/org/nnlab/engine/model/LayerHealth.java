package org.nnlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.TrainerEvent.LayerStats;

/** Per-layer gradient norms and update/weight ratios of a model, for the layers that have parameters. */
final class LayerHealth {
    private final Sequential model;

    LayerHealth(Sequential model) {
        this.model = model;
    }

    /** L2 norm of each layer's gradients (0 for layers without parameters). */
    double[] gradientNorms() {
        List<Layer> layers = model.layers();
        double[] norms = new double[layers.size()];
        for (int i = 0; i < norms.length; i++) {
            double s = 0;
            List<Param> params = layers.get(i).params();
            for (int k = 0; k < params.size(); k++) {
                s += params.get(k).grad().sumOfSquares();
            }
            norms[i] = Math.sqrt(s);
        }
        return norms;
    }

    /** Stats per layer with parameters; {@code before} holds the weights from before the update. */
    List<LayerStats> stats(double[] gradientNorms, WeightSnapshot before) {
        List<LayerStats> out = new ArrayList<>();
        int paramIndex = 0;
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            int count = layers.get(i).params().size();
            if (count == 0) {
                continue;
            }
            double change = 0;
            double size = 0;
            for (int k = 0; k < count; k++) {
                change += before.changeSquared(paramIndex + k);
                size += before.savedSquared(paramIndex + k);
            }
            paramIndex += count;
            double ratio = size == 0 ? (change == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(change / size);
            out.add(new LayerStats(i, layers.get(i).spec().kind(), gradientNorms[i], ratio));
        }
        return out;
    }
}
