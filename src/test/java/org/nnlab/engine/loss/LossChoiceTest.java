package org.nnlab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Accuracy;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class LossChoiceTest {
    @Test
    void theLossFollowsTheNetworksOutput() {
        assertInstanceOf(BinaryCrossEntropy.class, LossChoice.forModel(Presets.XOR.spec()));
        assertInstanceOf(MeanSquaredError.class, LossChoice.forModel(Presets.PERCEPTRON.spec()));
        assertInstanceOf(ProbabilityCrossEntropy.class, LossChoice.forModel(Presets.LSTM_ROWS.spec()));
        assertInstanceOf(SoftmaxCrossEntropy.class, LossChoice.forModel(Presets.LENET.spec()));
        assertInstanceOf(LastStepLoss.class, LossChoice.forModel(Presets.CHAR_MODEL.spec()));
    }

    @Test
    void crossEntropyOnProbabilitiesMatchesItsGradientNumerically() {
        Tensor p = Tensor.of(Shape.of(2, 3), 0.2f, 0.5f, 0.3f, 0.6f, 0.1f, 0.3f);
        int[] labels = {1, 2};
        Tensor g = Tensor.zeros(p.shape());
        double loss = new ProbabilityCrossEntropy().evaluate(p, labels, g);
        assertEquals(-(Math.log(0.5) + Math.log(0.3)) / 2, loss, 1e-6);
        for (int i = 0; i < p.size(); i++) {
            Tensor q = p.copy();
            q.set(i, q.get(i) + 1e-3f);
            double up = new ProbabilityCrossEntropy().evaluate(q, labels, Tensor.zeros(p.shape()));
            q.set(i, q.get(i) - 2e-3f);
            double down = new ProbabilityCrossEntropy().evaluate(q, labels, Tensor.zeros(p.shape()));
            assertEquals((up - down) / 2e-3, g.get(i), 1e-2, "element " + i);
        }
    }

    @Test
    void onlyTheLastStepIsScored() {
        // two samples, three steps, two classes
        Tensor out = Tensor.of(Shape.of(2, 3, 2), 9, -9, 9, -9, 0, 2, -9, 9, -9, 9, 1, 0);
        int[] labels = {1, 0};
        Tensor g = Tensor.zeros(out.shape());
        double loss = new LastStepLoss(new SoftmaxCrossEntropy()).evaluate(out, labels, g);
        double expected = new SoftmaxCrossEntropy().loss(Tensor.of(Shape.of(2, 2), 0, 2, 1, 0), labels);
        assertEquals(expected, loss, 1e-6);
        for (int i : new int[] {0, 1, 2, 3, 6, 7, 8, 9}) {
            assertEquals(0f, g.get(i), "earlier steps get no gradient");
        }
        assertEquals(2, Accuracy.correct(out, labels), "judged at the last step: class 1, then class 0");
        assertEquals(2, Accuracy.classes(Shape.of(3, 2)));
        assertEquals(2, Accuracy.classes(Shape.of(1)), "one output: a yes/no answer");
    }

    @Test
    void oneLastStepLossServesBatchesOfChangingSize() {
        LastStepLoss loss = new LastStepLoss(new SoftmaxCrossEntropy());
        Tensor two = Tensor.of(Shape.of(2, 3, 2), 9, -9, 9, -9, 0, 2, -9, 9, -9, 9, 1, 0);
        Tensor one = Tensor.of(Shape.of(1, 2, 2), 5, 5, 3, -1);
        double first = loss.evaluate(two, new int[] {1, 0}, Tensor.zeros(two.shape()));
        Tensor g = Tensor.zeros(one.shape());
        double single = loss.evaluate(one, new int[] {0}, g);
        assertEquals(new SoftmaxCrossEntropy().loss(Tensor.of(Shape.of(1, 2), 3, -1), new int[] {0}), single, 1e-6);
        assertEquals(0f, g.get(0));
        assertEquals(first, loss.evaluate(two, new int[] {1, 0}, Tensor.zeros(two.shape())), 1e-12);
        assertEquals(1, Accuracy.correct(one, new int[] {0}));
        assertEquals(0, Accuracy.correct(one, new int[] {1}));
    }
}
