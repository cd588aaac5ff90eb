package org.nnlab.engine.layer.recurrent;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Mini-batch training for the sequence-task tests: the model's logits (one row per sequence, or per step
 * for a per-step head) are scored with {@link SoftmaxCrossEntropy} on the rows that carry a label;
 * rows marked {@link LabeledSequences#NO_LABEL} get no gradient.
 */
final class SequenceTraining {
    private static final SoftmaxCrossEntropy LOSS = new SoftmaxCrossEntropy();

    private SequenceTraining() {
    }

    /** Loss over labelled rows; fills {@code grad} (same shape as logits) when it is not null. */
    static double loss(Tensor logits, int[] labels, int classes, Tensor grad) {
        int rows = logits.size() / classes;
        int[] picked = new int[rows];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            if (labels[r] != LabeledSequences.NO_LABEL) {
                picked[k++] = r;
            }
        }
        Tensor sub = Tensor.zeros(Shape.of(k, classes));
        int[] subLabels = new int[k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(logits.data(), picked[i] * classes, sub.data(), i * classes, classes);
            subLabels[i] = labels[picked[i]];
        }
        Tensor subGrad = Tensor.zeros(sub.shape());
        double loss = LOSS.evaluate(sub, subLabels, subGrad);
        if (grad != null) {
            grad.fill(0f);
            for (int i = 0; i < k; i++) {
                System.arraycopy(subGrad.data(), i * classes, grad.data(), picked[i] * classes, classes);
            }
        }
        return loss;
    }

    /** One shuffled pass in mini-batches of {@code batch}; returns the mean training loss. */
    static double epoch(Sequential model, LabeledSequences data, int batch, Optimizer optimizer, SplittableRandom rng) {
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
            LabeledSequences b = data.select(Arrays.copyOfRange(order, from, from + batch));
            Tensor logits = model.forward(b.inputs(), Mode.TRAIN);
            Tensor grad = Tensor.zeros(logits.shape());
            total += loss(logits, b.labels(), data.classes(), grad);
            model.zeroGrad();
            model.backward(grad);
            optimizer.step(model.params());
            batches++;
        }
        return total / batches;
    }

    /** Fraction of labelled rows whose largest logit is the label. */
    static double accuracy(Sequential model, LabeledSequences data) {
        Tensor logits = model.forward(data.inputs(), Mode.INFER);
        int rows = logits.size() / data.classes();
        int right = 0;
        int labelled = 0;
        for (int r = 0; r < rows; r++) {
            int l = data.labels()[r];
            if (l != LabeledSequences.NO_LABEL) {
                labelled++;
                right += logits.argmaxRow(r) == l ? 1 : 0;
            }
        }
        return (double) right / labelled;
    }

    /** Mean loss on the whole set, no training. */
    static double loss(Sequential model, LabeledSequences data) {
        return loss(model.forward(data.inputs(), Mode.INFER), data.labels(), data.classes(), null);
    }
}
