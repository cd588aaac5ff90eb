package org.nnlab.engine.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackpropTraceTest {
    private final BackpropStep step = BackpropTrace.step(WorkedExample.classic());

    private WeightTrace weight(String name) {
        return java.util.stream.Stream.concat(step.outputWeights().stream(), step.hiddenWeights().stream())
                .filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void forwardPassMatchesTheNotes() {
        assertEquals(0.3775, step.hidden().get(0).net(), 1e-12);
        assertEquals(0.593269992, step.hidden().get(0).out(), 1e-9);
        assertEquals(0.596884378, step.hidden().get(1).out(), 1e-9);
        assertEquals(1.105905967, step.outputs().get(0).net(), 1e-9);
        assertEquals(0.75136507, step.outputs().get(0).out(), 1e-8);
        assertEquals(0.772928465, step.outputs().get(1).out(), 1e-9);
        assertEquals(0.274811083, step.errors().get(0), 1e-9);
        assertEquals(0.298371109, step.totalError(), 1e-9);
    }

    @Test
    void outputWeightChainFactors() {
        WeightTrace w5 = weight("w5");
        assertEquals("h1", w5.from());
        assertEquals("o1", w5.to());
        assertEquals(0.74136507, w5.dErrorDOut(), 1e-8);
        assertEquals(0.186815602, w5.dOutDNet(), 1e-9);
        assertEquals(0.593269992, w5.dNetDWeight(), 1e-9);
        assertEquals(0.082167041, w5.gradient(), 1e-9);
        assertEquals(0.35891648, w5.after(), 1e-8);
        assertEquals(0.408666186, weight("w6").after(), 1e-9);
        assertEquals(0.511301270, weight("w7").after(), 1e-9);
        assertEquals(0.561370121, weight("w8").after(), 1e-9);
    }

    @Test
    void hiddenWeightChainFactors() {
        WeightTrace w1 = weight("w1");
        assertEquals("i1", w1.from());
        assertEquals(0.036350306, w1.dErrorDOut(), 1e-9);
        assertEquals(0.241300709, w1.dOutDNet(), 1e-9);
        assertEquals(0.05, w1.dNetDWeight(), 1e-12);
        assertEquals(0.000438568, w1.gradient(), 1e-9);
        assertEquals(0.149780716, w1.after(), 1e-9);
        assertEquals(0.19956143, weight("w2").after(), 1e-8);
        assertEquals(0.24975114, weight("w3").after(), 1e-8);
        assertEquals(0.29950229, weight("w4").after(), 1e-8);
        assertEquals(0.149780716, step.updated().hiddenWeights()[0][0], 1e-9);
    }

    @Test
    void tenThousandStepsReachTinyError() {
        BackpropStep last = BackpropTrace.train(WorkedExample.classic(), 10_000);
        assertEquals(3.510187782978859e-05, last.totalError(), 1e-9);
        assertEquals(0.015913620, last.outputs().get(0).out(), 1e-8);
        assertEquals(0.984064273, last.outputs().get(1).out(), 1e-8);
    }

    @Test
    void theHiddenSumIsMadeOfWhatEachOutputSendsBack() {
        BackpropStep step = BackpropTrace.step(WorkedExample.classic());
        assertEquals(0.138498562, step.outputDelta(0), 1e-9);
        assertEquals(0.055399425, step.hiddenContribution(0, 0), 1e-9);
        assertEquals(-0.019049119, step.hiddenContribution(1, 0), 1e-9);
        assertEquals(step.hiddenWeights().get(0).dErrorDOut(),
                step.hiddenContribution(0, 0) + step.hiddenContribution(1, 0), 1e-15);
    }

    @Test
    void theErrorCurveStartsAtTheFirstStepAndEndsWhereTrainingEnds() {
        double[] curve = BackpropTrace.errorCurve(WorkedExample.classic(), 10_000);
        assertEquals(10_001, curve.length);
        assertEquals(0.298371109, curve[0], 1e-9);
        assertEquals(BackpropTrace.train(WorkedExample.classic(), 10_000).totalError(), curve[10_000], 0);
        for (int s = 1; s < curve.length; s++) {
            assertTrue(curve[s] < curve[s - 1], "the error falls at every step");
        }
    }
}
