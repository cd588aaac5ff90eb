package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Tensor;

/**
 * Squared error between outputs o and targets t (same shape), in one of two forms:
 * {@link Form#HALF_SUM} E = Σ ½(t − o)² over every value of the batch, dE/do = o − t (the form of the
 * classic backpropagation notes), or {@link Form#MEAN} E = (1/N) Σ (t − o)² over the N values,
 * dE/do = 2(o − t)/N (PyTorch's {@code MSELoss}). With labels, targets come from {@link Targets#fromLabels}.
 */
public final class MeanSquaredError implements Loss {
    public enum Form { HALF_SUM, MEAN }

    private final Form form;

    public MeanSquaredError(Form form) {
        this.form = form;
    }

    public double evaluate(Tensor output, Tensor target, Tensor gradOut) {
        Losses.requireSameShape(output, target, gradOut);
        float[] o = output.data();
        float[] t = target.data();
        float[] g = gradOut.data();
        double sum = 0;
        double scale = form == Form.HALF_SUM ? 1 : 2.0 / o.length;
        for (int i = 0; i < o.length; i++) {
            double diff = (double) o[i] - t[i];
            sum += diff * diff;
            g[i] = (float) (scale * diff);
        }
        return form == Form.HALF_SUM ? sum / 2 : sum / o.length;
    }

    @Override
    public double evaluate(Tensor output, int[] labels, Tensor gradOut) {
        return evaluate(output, Targets.fromLabels(labels, output), gradOut);
    }

    @Override
    public String name() {
        return form == Form.HALF_SUM ? "squared error (½ sum)" : "mean squared error";
    }
}
