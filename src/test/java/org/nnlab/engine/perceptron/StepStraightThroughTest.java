package org.nnlab.engine.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.LossChoice;
import org.nnlab.engine.loss.MeanSquaredError;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The step is trained straight through: its backward hands the gradient on unchanged. A finite difference
 * says nothing here (the step is flat on both sides of 0), so these tests check what the perceptron rule
 * promises instead: one gradient step with the squared error the engine picks is the rule's update, and
 * the preset's unit learns a linearly separable gate and cannot learn XOR.
 */
class StepStraightThroughTest {
    @Test
    void backwardPassesTheGradientThrough() {
        Layer step = new StepSpec().build(Shape.of(3), new SplittableRandom(1));
        step.forward(Tensor.of(Shape.of(1, 3), -2f, 0f, 5f), Mode.TRAIN);
        Tensor g = Tensor.of(Shape.of(1, 3), 0.25f, -1f, 3f);
        assertArrayEquals(g.data(), step.backward(g, true).data());
    }

    @Test
    void aStepOutputTrainsWithSquaredError() {
        assertInstanceOf(MeanSquaredError.class, LossChoice.forModel(Presets.PERCEPTRON.spec()));
    }

    /** Sample by sample with SGD at rate η/2 (the mean squared error's gradient is 2(y − t)): the lab's rule at η. */
    @Test
    void oneGradientStepIsThePerceptronRule() {
        float[][] inputs = {{1, 1}, {0, 1}, {1, 0}, {1, 1}, {0, 0}};
        int[] targets = {0, 1, 0, 1, 0};
        double eta = 0.7;
        Perceptron rule = new Perceptron(2, eta);
        ModelSpec spec = ModelSpec.of(Shape.of(2), new DenseSpec(1, Init.zeros(), Init.zeros()), new StepSpec());
        Sequential model = Sequential.build(spec, new SplittableRandom(3));
        for (int i = 0; i < inputs.length; i++) {
            rule.learn(inputs[i], targets[i]);
            Dataset one = new Dataset(Tensor.of(Shape.of(1, 2), inputs[i]), new int[] {targets[i]});
            new Trainer(model, LossChoice.forModel(spec), new Sgd(eta / 2), one, TrainerConfig.of(1, 1, 1))
                    .fit(e -> { }, new TrainingControl());
            float[] w = model.params().get(0).value().data();
            assertArrayEquals(new float[] {(float) rule.weights()[0], (float) rule.weights()[1]}, w, 1e-6f,
                    "weights after sample " + i);
            assertEquals(rule.bias(), model.params().get(1).value().get(0), 1e-6, "bias after sample " + i);
        }
        assertTrue(rule.weights()[0] != 0 || rule.weights()[1] != 0, "the samples included mistakes, so something moved");
    }

    @Test
    void thePresetLearnsAndButNotXor() {
        assertEquals(4, correctAfterTraining(LogicGate.AND));
        assertEquals(4, correctAfterTraining(LogicGate.OR));
        assertTrue(correctAfterTraining(LogicGate.XOR) < 4, "one line cannot separate XOR");
    }

    private static int correctAfterTraining(LogicGate gate) {
        Dataset table = table(gate, 50);
        Sequential model = Sequential.build(Presets.PERCEPTRON.spec(), new SplittableRandom(5));
        new Trainer(model, LossChoice.forModel(Presets.PERCEPTRON.spec()), new Sgd(0.1), table, TrainerConfig.of(40, 8, 5))
                .fit(e -> { }, new TrainingControl());
        Dataset four = table(gate, 1);
        Tensor out = model.forward(four.inputs(), Mode.INFER);
        int correct = 0;
        for (int i = 0; i < 4; i++) {
            correct += (int) out.get(i) == four.label(i) ? 1 : 0;
        }
        return correct;
    }

    private static Dataset table(LogicGate gate, int copies) {
        float[][] in = gate.inputs();
        int[] t = gate.targets();
        Tensor x = Tensor.zeros(4 * copies, 2);
        int[] y = new int[4 * copies];
        for (int i = 0; i < 4 * copies; i++) {
            x.set(2 * i, in[i % 4][0]);
            x.set(2 * i + 1, in[i % 4][1]);
            y[i] = t[i % 4];
        }
        return new Dataset(x, y);
    }
}
