package org.nnlab.engine.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class RbmTest {
    private static Rbm tiny(float w0, float w1, float bv0, float bv1, float bh) {
        return new Rbm(Tensor.of(Shape.of(2, 1), w0, w1), Tensor.of(Shape.of(2), bv0, bv1), Tensor.of(Shape.of(1), bh));
    }

    @Test
    void freeEnergyOfATinyMachineByHand() {
        // F(v) = −v·bv − log(1 + e^(v·W + bh)); v = (1, 0): −0.5 − log(1 + e), v = (0, 0): −log 2
        Rbm rbm = tiny(1, -1, 0.5f, 0, 0);
        double[] f = rbm.freeEnergy(Tensor.of(Shape.of(2, 2), 1, 0, 0, 0));
        assertEquals(-0.5 - Math.log(1 + Math.E), f[0], 1e-6);
        assertEquals(-1.8132617, f[0], 1e-6);
        assertEquals(-Math.log(2), f[1], 1e-6);
    }

    @Test
    void freeEnergyIsMinusTheLogOfTheEnergySummedOverAllHiddenStates() {
        Rbm rbm = Rbm.random(3, 2, 0.8, new SplittableRandom(4));
        rbm.visibleBias().value().copyFrom(Tensor.of(Shape.of(3), 0.3f, -0.2f, 0.1f));
        rbm.hiddenBias().value().copyFrom(Tensor.of(Shape.of(2), -0.4f, 0.6f));
        float[] w = rbm.weight().value().data();
        for (int code = 0; code < 8; code++) {
            float[] v = {code & 1, (code >> 1) & 1, (code >> 2) & 1};
            double sum = 0;
            for (int hc = 0; hc < 4; hc++) {
                float[] h = {hc & 1, (hc >> 1) & 1};
                double minusEnergy = 0.3 * v[0] - 0.2 * v[1] + 0.1 * v[2] - 0.4 * h[0] + 0.6 * h[1];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        minusEnergy += v[i] * w[i * 2 + j] * h[j];
                    }
                }
                sum += Math.exp(minusEnergy);
            }
            assertEquals(-Math.log(sum), rbm.freeEnergy(Tensor.of(Shape.of(3), v))[0], 1e-5, "v = " + Arrays.toString(v));
        }
    }

    @Test
    void reconstructionErrorOfTinyMachinesByHand() {
        // all parameters 0: every reconstruction is ½, so each unit is off by ½
        assertEquals(0.25, RbmMonitor.reconstructionError(tiny(0, 0, 0, 0, 0), Tensor.of(Shape.of(1, 2), 1, 0)), 1e-7);
        // ph = σ(2 − 1) = σ(1); pv = (σ(2·σ(1)), σ(1)); error = ((1 − pv0)² + pv1²) / 2
        assertEquals(0.28492235, RbmMonitor.reconstructionError(tiny(2, 0, 0, 1, -1), Tensor.of(Shape.of(1, 2), 1, 0)), 1e-6);
    }

    @Test
    void hiddenActivityCountsQuietAndSaturatedUnits() {
        Rbm rbm = new Rbm(Tensor.zeros(1, 3), Tensor.zeros(1), Tensor.of(Shape.of(3), -10, 0, 10));
        HiddenActivity a = RbmMonitor.hiddenActivity(rbm, Tensor.of(Shape.of(2, 1), 0, 1));
        assertEquals(0.5, a.meanPerUnit()[1], 1e-7);
        assertEquals(1.0 / 3, a.rarelyOn(), 1e-12);
        assertEquals(1.0 / 3, a.mostlyOn(), 1e-12);
        assertEquals(0.5, a.mean(), 1e-6);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> new Rbm(Tensor.zeros(3, 2), Tensor.zeros(2), Tensor.zeros(2)));
        Rbm rbm = Rbm.random(4, 2, 0.01, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rbm.hiddenProbabilities(Tensor.zeros(3, 5)));
        assertTrue(e.getMessage().contains("rows of 4 values"), e.getMessage());
    }

    @Test
    void gibbsChainsDreamReproduciblyFromNoiseAndFromAnInput() {
        Rbm rbm = Rbm.random(6, 4, 1.0, new SplittableRandom(2));
        Tensor a = GibbsChain.fromNoise(rbm, 3, new SplittableRandom(9)).steps(5);
        Tensor b = GibbsChain.fromNoise(rbm, 3, new SplittableRandom(9)).steps(5);
        assertEquals(Shape.of(3, 6), a.shape());
        assertArrayEquals(a.data(), b.data());
        for (float p : a.data()) {
            assertTrue(p > 0 && p < 1, "probability " + p);
        }
        GibbsChain fromInput = new GibbsChain(rbm, Tensor.of(Shape.of(6), 1, 0, 1, 0, 1, 0), Uniforms.from(new SplittableRandom(3)));
        java.util.Set<String> pictures = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            pictures.add(Arrays.toString(fromInput.step().data()));
        }
        assertEquals(10, fromInput.stepsTaken());
        assertTrue(pictures.size() > 1, "the chain moves");
        for (float v : fromInput.visible().data()) {
            assertTrue(v == 0 || v == 1, "the chain's state is binary, got " + v);
        }
    }
}
