package org.nnlab.engine.layer.recurrent;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Tensor;

/**
 * Just enough training for the sequence-task tests (softmax cross-entropy over labelled rows, Adam),
 * kept in the tests so the recurrent package does not depend on the model/optim packages.
 */
final class TinyTraining {
    private TinyTraining() {
    }

    /** Adam (β 0.9 / 0.999, ε 1e-8) with the usual bias correction. */
    static final class Adam {
        private final double lr;
        private final Map<Param, float[][]> moments = new IdentityHashMap<>();
        private int t;

        Adam(double lr) {
            this.lr = lr;
        }

        void step(List<Param> params) {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (Param p : params) {
                float[] v = p.value().data();
                float[] g = p.grad().data();
                float[][] m = moments.computeIfAbsent(p, k -> new float[][] {new float[v.length], new float[v.length]});
                for (int i = 0; i < v.length; i++) {
                    m[0][i] = 0.9f * m[0][i] + 0.1f * g[i];
                    m[1][i] = 0.999f * m[1][i] + 0.001f * g[i] * g[i];
                    v[i] -= (float) (lr * (m[0][i] / c1) / (Math.sqrt(m[1][i] / c2) + 1e-8));
                }
                p.zeroGrad();
            }
        }
    }

    /**
     * Mean softmax cross-entropy over rows with a label (rows = logits.size / classes); writes
     * d(loss)/d(logits) into {@code grad} (zero on unlabelled rows).
     */
    static double crossEntropy(Tensor logits, int[] labels, int classes, Tensor grad) {
        int rows = logits.size() / classes;
        int labelled = 0;
        for (int l : labels) {
            labelled += l == LabeledSequences.NO_LABEL ? 0 : 1;
        }
        float[] z = logits.data();
        float[] g = grad.data();
        java.util.Arrays.fill(g, 0f);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            if (labels[r] == LabeledSequences.NO_LABEL) {
                continue;
            }
            int o = r * classes;
            float max = z[o];
            for (int j = 1; j < classes; j++) {
                max = Math.max(max, z[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                sum += Math.exp(z[o + j] - max);
            }
            loss += Math.log(sum) - (z[o + labels[r]] - max);
            for (int j = 0; j < classes; j++) {
                g[o + j] = (float) (Math.exp(z[o + j] - max) / sum / labelled);
            }
            g[o + labels[r]] -= 1f / labelled;
        }
        return loss / Math.max(1, labelled);
    }

    /** One shuffled pass in mini-batches; returns the mean training loss. */
    static double epoch(Layer model, LabeledSequences data, int batch, Adam adam, SplittableRandom rng) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        double total = 0;
        int batches = 0;
        for (int from = 0; from + batch <= n; from += batch) {
            LabeledSequences b = data.select(java.util.Arrays.copyOfRange(order, from, from + batch));
            Tensor logits = model.forward(b.inputs(), Mode.TRAIN);
            Tensor grad = Tensor.zeros(logits.shape());
            total += crossEntropy(logits, b.labels(), data.classes(), grad);
            model.backward(grad);
            adam.step(model.params());
            batches++;
        }
        return total / batches;
    }

    /** Fraction of labelled rows whose largest logit is the label. */
    static double accuracy(Layer model, LabeledSequences data) {
        Tensor logits = model.forward(data.inputs(), Mode.INFER);
        int classes = data.classes();
        int rows = logits.size() / classes;
        int right = 0;
        int labelled = 0;
        for (int r = 0; r < rows; r++) {
            int l = data.labels()[r];
            if (l == LabeledSequences.NO_LABEL) {
                continue;
            }
            labelled++;
            right += logits.argmaxRow(r) == l ? 1 : 0;
        }
        return (double) right / labelled;
    }

    /** Mean cross-entropy on the whole set without training. */
    static double loss(Layer model, LabeledSequences data) {
        Tensor logits = model.forward(data.inputs(), Mode.INFER);
        return crossEntropy(logits, data.labels(), data.classes(), Tensor.zeros(logits.shape()));
    }
}
