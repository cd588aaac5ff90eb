package org.nnlab.labs.deep;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobSnapshot.HealthPoint;

/**
 * The gradient norm and update/weight ratio of every dense layer of a training run, from the input side to the
 * output, each the geometric mean of the last few mini-batches (single batches jump around).
 */
public record LayerGradients(int step, double[] gradientNorms, double[] updateRatios) {
    /** How many of the latest mini-batches are averaged. */
    static final int RECENT = 8;

    /** The latest gradients of the dense layers of {@code snapshot}; empty arrays before the first mini-batch. */
    public static LayerGradients of(JobSnapshot snapshot) {
        List<HealthPoint> health = snapshot.health();
        List<Integer> dense = new ArrayList<>();
        for (int i = 0; i < snapshot.layerNames().size(); i++) {
            if (snapshot.layerNames().get(i).endsWith(" dense")) {
                dense.add(i);
            }
        }
        if (health.isEmpty()) {
            return new LayerGradients(0, new double[0], new double[0]);
        }
        List<HealthPoint> recent = health.subList(Math.max(0, health.size() - RECENT), health.size());
        double[] norms = new double[dense.size()];
        double[] ratios = new double[dense.size()];
        for (int k = 0; k < dense.size(); k++) {
            int layer = dense.get(k);
            norms[k] = geometricMean(recent.stream().mapToDouble(h -> h.gradientNorms()[layer]).toArray());
            ratios[k] = geometricMean(recent.stream().mapToDouble(h -> h.updateRatios()[layer]).toArray());
        }
        return new LayerGradients(health.getLast().step(), norms, ratios);
    }

    private static double geometricMean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                sum += Math.log(v);
                n++;
            }
        }
        return n == 0 ? 0 : Math.exp(sum / n);
    }

    /**
     * How many times larger the last hidden layer's gradient is than the first's (the output layer left out, as its
     * gradient comes straight from the loss); NaN without two hidden layers or with a zero gradient.
     */
    public double lastOverFirst() {
        if (gradientNorms.length < 3 || gradientNorms[0] == 0) {
            return Double.NaN;
        }
        return gradientNorms[gradientNorms.length - 2] / gradientNorms[0];
    }

    /** The largest over the smallest gradient norm of the hidden layers; NaN when unknown. */
    public double spread() {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i + 1 < gradientNorms.length; i++) {
            min = Math.min(min, gradientNorms[i]);
            max = Math.max(max, gradientNorms[i]);
        }
        return gradientNorms.length < 3 || min == 0 ? Double.NaN : max / min;
    }
}
