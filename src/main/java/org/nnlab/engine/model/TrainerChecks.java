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
            throw new TrainerCheckException("engine.train.sampleShape", input, data.sampleShape());
        }
        if (data.size() == 0) {
            throw new TrainerCheckException("engine.train.noData");
        }
        List<Layer> layers = model.layers();
        if (loss instanceof SoftmaxCrossEntropy && layers.getLast() instanceof Softmax) {
            throw new TrainerCheckException("engine.train.finalSoftmax");
        }
        int outputs = model.spec().outputShape().size();
        for (int i = 0; i < data.size(); i++) {
            int label = data.label(i);
            if (label < 0 || (outputs > 1 && label >= outputs) || (outputs == 1 && label > 1)) {
                throw outputs == 1 ? new TrainerCheckException("engine.train.labelBinary", i, label)
                        : new TrainerCheckException("engine.train.label", i, label, outputs, outputs - 1);
            }
        }
    }
}
