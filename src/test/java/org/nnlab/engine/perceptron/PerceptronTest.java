package org.nnlab.engine.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PerceptronTest {
    @ParameterizedTest
    @EnumSource(value = LogicGate.class, names = {"AND", "OR", "NOT"})
    void linearlySeparableGatesConverge(LogicGate gate) {
        Perceptron p = new Perceptron(gate.arity(), 0.1);
        PerceptronResult r = p.train(gate.inputs(), gate.targets(), 100);
        assertTrue(r.converged(), r.message());
        assertEquals(0, (int) r.mistakesPerEpoch().getLast());
        assertEquals("converged after " + r.epochs() + " epochs", r.message());
        for (int i = 0; i < gate.targets().length; i++) {
            assertEquals(gate.targets()[i], p.predict(gate.inputs()[i]), gate + " sample " + i);
        }
    }

    @Test
    void xorDoesNotConvergeAndSaysSo() {
        PerceptronResult r = new Perceptron(2, 0.1).train(LogicGate.XOR.inputs(), LogicGate.XOR.targets(), 50);
        assertFalse(r.converged());
        assertEquals(50, r.epochs());
        assertEquals(50, r.mistakesPerEpoch().size());
        assertTrue(r.mistakesPerEpoch().stream().allMatch(m -> m > 0));
        assertTrue(r.message().startsWith("did not converge after 50 epochs"), r.message());
    }

    @Test
    void andWeightsSeparateTheCorner() {
        PerceptronResult r = new Perceptron(2, 1).train(LogicGate.AND.inputs(), LogicGate.AND.targets(), 100);
        assertTrue(r.weights()[0] + r.weights()[1] + r.bias() >= 0);
        assertTrue(r.weights()[0] + r.bias() < 0 && r.weights()[1] + r.bias() < 0 && r.bias() < 0);
    }

    @Test
    void oneSampleAtATimeFollowsTheRuleFromTheGivenWeights() {
        Perceptron p = new Perceptron(new double[] {0.5, -0.25}, 0.25, 0.5);
        PerceptronUpdate wrong = p.learn(new float[] {1, 0}, 0);
        assertEquals(0.75, wrong.net(), 1e-6);
        assertEquals(1, wrong.output());
        assertEquals(-1, wrong.error());
        assertTrue(wrong.changed());
        assertEquals(0.0, wrong.weightsAfter()[0], 1e-6);
        assertEquals(-0.25, wrong.weightsAfter()[1], 1e-6);
        assertEquals(-0.25, wrong.biasAfter(), 1e-6);
        assertEquals(0.5, wrong.weightsBefore()[0], 1e-6);

        PerceptronUpdate right = p.learn(new float[] {0, 1}, 0);
        assertFalse(right.changed());
        assertEquals(-0.5, right.net(), 1e-6);
        assertEquals(-0.25, p.bias(), 1e-6);
    }
}
