package org.nnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.training.JobSnapshot.Filters;
import org.nnlab.training.JobSnapshot.Histogram;

/**
 * Pictures of a model's weights: a histogram of each layer's weights (its first parameter) and the first
 * layer's filters as images: a convolution's kernels (first input channel), or for a dense layer on
 * images the incoming weights of its first units laid out as the image.
 */
final class WeightPictures {
    static final int BINS = 30;
    static final int MAX_FILTERS = 20;

    private WeightPictures() {
    }

    static JobSnapshot.Visuals of(Sequential model, int step) {
        List<Histogram> histograms = new ArrayList<>();
        Filters filters = null;
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            List<Param> params = layers.get(i).params();
            if (params.isEmpty()) {
                continue;
            }
            Tensor w = params.getFirst().value();
            histograms.add(histogram((i + 1) + " " + layers.get(i).spec().kind(), w.data()));
            if (filters == null) {
                filters = filters(w, model.spec().input());
            }
        }
        return new JobSnapshot.Visuals(step, List.copyOf(histograms), filters);
    }

    static Histogram histogram(String layer, float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int[] counts = new int[BINS];
        if (values.length == 0) {
            return new Histogram(layer, 0, 0, counts);
        }
        double width = max > min ? (max - min) / BINS : 1;
        for (float v : values) {
            counts[Math.min(BINS - 1, (int) ((v - min) / width))]++;
        }
        return new Histogram(layer, min, max, counts);
    }

    private static Filters filters(Tensor w, Shape input) {
        Shape s = w.shape();
        if (s.rank() == 4) {
            int count = Math.min(MAX_FILTERS, s.dim(0));
            int rows = s.dim(2);
            int cols = s.dim(3);
            int perFilter = s.dim(1) * rows * cols;
            float[] out = new float[count * rows * cols];
            for (int f = 0; f < count; f++) {
                System.arraycopy(w.data(), f * perFilter, out, f * rows * cols, rows * cols);
            }
            return new Filters(count, rows, cols, out);
        }
        // a dense layer on images, or on MNIST flattened to 784 values: each unit's weights as a 28×28 picture
        boolean flatImage = input.rank() == 1 && input.size() == 28 * 28;
        if (s.rank() == 2 && (input.rank() >= 2 || flatImage) && s.dim(0) == input.size()) {
            int rows = flatImage ? 28 : input.dim(-2);
            int cols = flatImage ? 28 : input.dim(-1);
            int units = s.dim(1);
            int count = Math.min(MAX_FILTERS, units);
            float[] out = new float[count * rows * cols];
            for (int u = 0; u < count; u++) {
                for (int p = 0; p < rows * cols; p++) {
                    out[u * rows * cols + p] = w.data()[p * units + u];
                }
            }
            return new Filters(count, rows, cols, out);
        }
        return null;
    }
}
