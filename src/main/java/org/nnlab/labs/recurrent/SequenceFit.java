package org.nnlab.labs.recurrent;

import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * One optimiser step of a sequence model on a mini-batch, and its accuracy: the logits (one row per sequence or per
 * step) are scored by softmax cross-entropy only on the rows whose label is not {@link LabeledSequences#NO_LABEL}.
 */
public final class SequenceFit {
    private static final SoftmaxCrossEntropy CROSS_ENTROPY = new SoftmaxCrossEntropy();

    private SequenceFit() {
    }

    /** {@code size} sequences drawn at random (with repeats) from {@code data}. */
    static LabeledSequences randomBatch(LabeledSequences data, java.util.SplittableRandom rng, int size) {
        int[] pick = new int[size];
        for (int i = 0; i < size; i++) {
            pick[i] = rng.nextInt(data.size());
        }
        return data.select(pick);
    }

    /** Trains {@code model} one step on {@code batch}; returns the batch's loss before the step. */
    public static double step(Sequential model, LabeledSequences batch, Optimizer optimizer) {
        Tensor logits = model.forward(batch.inputs(), Mode.TRAIN);
        Tensor grad = Tensor.zeros(logits.shape());
        double loss = maskedLoss(logits, batch.labels(), batch.classes(), grad);
        model.zeroGrad();
        model.backward(grad);
        optimizer.step(model.params());
        return loss;
    }

    /** Share of the labelled rows whose highest logit is their label. */
    public static double accuracy(Sequential model, LabeledSequences data) {
        Tensor logits = model.forward(data.inputs(), Mode.INFER);
        int right = 0;
        int counted = 0;
        for (int row = 0; row < data.labels().length; row++) {
            int label = data.labels()[row];
            if (label != LabeledSequences.NO_LABEL) {
                counted++;
                if (logits.argmaxRow(row) == label) {
                    right++;
                }
            }
        }
        return counted == 0 ? 0 : (double) right / counted;
    }

    /** Loss on the labelled rows; their gradient goes into {@code grad}, the other rows' stays zero. */
    static double maskedLoss(Tensor logits, int[] labels, int classes, Tensor grad) {
        int kept = 0;
        for (int l : labels) {
            kept += l == LabeledSequences.NO_LABEL ? 0 : 1;
        }
        Tensor rows = Tensor.zeros(Shape.of(kept, classes));
        int[] rowLabels = new int[kept];
        int[] from = new int[kept];
        for (int r = 0, k = 0; r < labels.length; r++) {
            if (labels[r] != LabeledSequences.NO_LABEL) {
                System.arraycopy(logits.data(), r * classes, rows.data(), k * classes, classes);
                rowLabels[k] = labels[r];
                from[k++] = r;
            }
        }
        Tensor rowGrad = Tensor.zeros(rows.shape());
        double loss = CROSS_ENTROPY.evaluate(rows, rowLabels, rowGrad);
        for (int k = 0; k < kept; k++) {
            System.arraycopy(rowGrad.data(), k * classes, grad.data(), from[k] * classes, classes);
        }
        return loss;
    }
}
