package org.nnlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Param;

/**
 * Per-layer gradient norms and update/weight ratios of a model, for the layers that have parameters,
 * measured into arrays kept from one report to the next.
 */
final class LayerHealth {
    private final Sequential model;
    private final double[] norms;

    LayerHealth(Sequential model) {
        this.model = model;
        this.norms = new double[model.layers().size()];
    }

    /** A report with room for this model's layers with parameters. */
    Report newReport() {
        List<Layer> layers = model.layers();
        List<Integer> with = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).params().isEmpty()) {
                with.add(i);
            }
        }
        int[] index = new int[with.size()];
        String[] kinds = new String[with.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = with.get(k);
            kinds[k] = layers.get(index[k]).spec().kind();
        }
        return new Report(index, kinds);
    }

    /** Measures the L2 norm of each layer's gradients now (before clipping and the update), for {@link #fill}. */
    void measureGradients() {
        List<Layer> layers = model.layers();
        for (int i = 0; i < norms.length; i++) {
            double s = 0;
            List<Param> params = layers.get(i).params();
            for (int k = 0; k < params.size(); k++) {
                s += params.get(k).grad().sumOfSquares();
            }
            norms[i] = Math.sqrt(s);
        }
    }

    /** Writes the measured gradient norms and the update ratios into {@code report}; {@code before} holds the weights from before the update. */
    void fill(Report report, WeightSnapshot before) {
        int paramIndex = 0;
        int k = 0;
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            int count = layers.get(i).params().size();
            if (count == 0) {
                continue;
            }
            double change = 0;
            double size = 0;
            for (int p = 0; p < count; p++) {
                change += before.changeSquared(paramIndex + p);
                size += before.savedSquared(paramIndex + p);
            }
            paramIndex += count;
            double ratio = size == 0 ? (change == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(change / size);
            report.setLayer(k++, norms[i], ratio);
        }
    }
}
