package org.nnlab.engine.model;

import java.util.List;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Softmax;
import org.nnlab.engine.loss.Loss;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.tensor.Shape;

/** Checks, before training starts, that the model, the loss and the data fit together. */
final class TrainerChecks {
    private TrainerChecks() {
    }

    static void requireFit(Sequential model, Loss loss, Dataset data) {
        Shape input = model.spec().input();
        if (!data.sampleShape().equals(input)) {
            throw new IllegalArgumentException("the model expects samples of shape " + input + " but the data has "
                    + data.sampleShape() + "; change the model's input shape or the preprocessing");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the data set is empty");
        }
        List<Layer> layers = model.layers();
        if (loss instanceof SoftmaxCrossEntropy && layers.getLast() instanceof Softmax) {
            throw new IllegalArgumentException("the last layer is softmax, but softmax cross-entropy applies softmax"
                    + " itself; remove the final softmax layer so the loss receives raw scores (logits)");
        }
        int outputs = model.spec().outputShape().size();
        for (int i = 0; i < data.size(); i++) {
            int label = data.label(i);
            if (label < 0 || (outputs > 1 && label >= outputs) || (outputs == 1 && label > 1)) {
                throw new IllegalArgumentException("sample " + i + " has label " + label + ", but the model has "
                        + outputs + " output" + (outputs == 1 ? " (labels 0 or 1)" : "s (labels 0.." + (outputs - 1) + ")")
                        + "; make the last layer as wide as the number of classes");
            }
        }
    }
}
