package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class TrainerBatchTransformTest {
    @Test
    void transformSeesEveryTrainingBatchAndItsChangesAreTrainedOn() {
        Sequential model = Sequential.build(ModelSpec.of(Shape.of(3), new DenseSpec(2)), new SplittableRandom(1));
        Dataset data = new Dataset(Tensor.filled(Shape.of(8, 3), 1f), new int[] {0, 1, 0, 1, 0, 1, 0, 1});
        List<Integer> sizes = new ArrayList<>();
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), new Sgd(0.1), data, TrainerConfig.of(2, 3, 5))
                .withBatchTransform(b -> {
                    sizes.add(b.size());
                    b.inputs().fill(0f);
                    return b;
                });
        List<Float> weightsBefore = weights(model);
        trainer.fit(e -> { }, new TrainingControl());
        assertEquals(List.of(3, 3, 2, 3, 3, 2), sizes);
        // all inputs zeroed: only the biases may move, the weights get zero gradients
        assertEquals(weightsBefore, weights(model));
        trainer.evaluate(data);
        assertEquals(6, sizes.size(), "evaluation data is not transformed");
    }

    private static List<Float> weights(Sequential model) {
        List<Float> w = new ArrayList<>();
        for (float v : model.params().getFirst().value().data()) {
            w.add(v);
        }
        return w;
    }
}
