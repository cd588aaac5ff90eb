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
 * images the incoming weights of its first units laid out as the image. {@link #measure} draws them into
 * arrays kept for the next time (nothing is allocated once they exist); {@link #toVisuals} copies them for
 * people to see.
 */
final class WeightPictures {
    static final int BINS = 30;
    static final int MAX_FILTERS = 20;

    private String[] names;
    private double[] min;
    private double[] max;
    private int[] counts;
    private float[] filters;
    private int filterCount;
    private int rows;
    private int cols;
    private int step;

    /** Draws {@code model}'s weights after {@code step} steps into this object's arrays. */
    void measure(Sequential model, int step) {
        List<Layer> layers = model.layers();
        if (names == null) {
            List<String> with = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                if (!layers.get(i).params().isEmpty()) {
                    with.add((i + 1) + " " + layers.get(i).spec().kind());
                }
            }
            names = with.toArray(String[]::new);
            min = new double[names.length];
            max = new double[names.length];
            counts = new int[names.length * BINS];
        }
        this.step = step;
        boolean first = true;
        for (int i = 0, k = 0; i < layers.size(); i++) {
            List<Param> params = layers.get(i).params();
            if (params.isEmpty()) {
                continue;
            }
            Tensor w = params.getFirst().value();
            histogram(k++, w.data());
            if (first) {
                filters(w, model.spec().input());
                first = false;
            }
        }
    }

    private void histogram(int k, float[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        java.util.Arrays.fill(counts, k * BINS, (k + 1) * BINS, 0);
        if (values.length == 0) {
            min[k] = 0;
            max[k] = 0;
            return;
        }
        min[k] = lo;
        max[k] = hi;
        double width = hi > lo ? (hi - lo) / BINS : 1;
        for (float v : values) {
            counts[k * BINS + Math.min(BINS - 1, (int) ((v - lo) / width))]++;
        }
    }

    private void filters(Tensor w, Shape input) {
        Shape s = w.shape();
        filterCount = 0;
        if (s.rank() == 4) {
            int count = Math.min(MAX_FILTERS, s.dim(0));
            rows = s.dim(2);
            cols = s.dim(3);
            int perFilter = s.dim(1) * rows * cols;
            float[] out = filterBuffer(count * rows * cols);
            for (int f = 0; f < count; f++) {
                System.arraycopy(w.data(), f * perFilter, out, f * rows * cols, rows * cols);
            }
            filterCount = count;
            return;
        }
        // a dense layer on images, or on MNIST flattened to 784 values: each unit's weights as a 28×28 picture
        boolean flatImage = input.rank() == 1 && input.size() == 28 * 28;
        if (s.rank() == 2 && (input.rank() >= 2 || flatImage) && s.dim(0) == input.size()) {
            rows = flatImage ? 28 : input.dim(-2);
            cols = flatImage ? 28 : input.dim(-1);
            int units = s.dim(1);
            int count = Math.min(MAX_FILTERS, units);
            float[] out = filterBuffer(count * rows * cols);
            for (int u = 0; u < count; u++) {
                for (int p = 0; p < rows * cols; p++) {
                    out[u * rows * cols + p] = w.data()[p * units + u];
                }
            }
            filterCount = count;
        }
    }

    private float[] filterBuffer(int size) {
        if (filters == null || filters.length != size) {
            filters = new float[size];
        }
        return filters;
    }

    /** An unchanging copy of the pictures last measured, for people to see (null before the first). */
    JobSnapshot.Visuals toVisuals() {
        if (names == null) {
            return null;
        }
        List<Histogram> histograms = new ArrayList<>(names.length);
        for (int k = 0; k < names.length; k++) {
            histograms.add(new Histogram(names[k], min[k], max[k],
                    java.util.Arrays.copyOfRange(counts, k * BINS, (k + 1) * BINS)));
        }
        Filters f = filterCount == 0 ? null : new Filters(filterCount, rows, cols, filters.clone());
        return new JobSnapshot.Visuals(step, List.copyOf(histograms), f);
    }
}
