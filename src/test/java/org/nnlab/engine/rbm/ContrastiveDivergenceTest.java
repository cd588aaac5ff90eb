package org.nnlab.engine.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class ContrastiveDivergenceTest {
    private static Tensor binary(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble() < 0.4 ? 1 : 0;
        }
        return t;
    }

    private static double meanFreeEnergy(Rbm rbm, Tensor v) {
        return Arrays.stream(rbm.freeEnergy(v)).average().orElseThrow();
    }

    /**
     * ∂F(v)/∂θ is known in closed form, and CD's gradient of −log-likelihood is the mean of it over the data
     * minus the mean over the chain's end. Central differences of the free energy must agree with every entry.
     */
    @Test
    void gradientIsTheDifferenceOfFreeEnergyDerivativesOfDataAndChain() {
        Rbm rbm = Rbm.random(5, 3, 0.5, new SplittableRandom(1));
        rbm.visibleBias().value().copyFrom(Tensor.of(Shape.of(5), 0.1f, -0.2f, 0.3f, 0, 0.05f));
        rbm.hiddenBias().value().copyFrom(Tensor.of(Shape.of(3), -0.1f, 0.2f, 0));
        Tensor v0 = binary(4, 5, 2);
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm, new RbmConfig(2, false, 0.1, 0, 0, 4, true),
                Uniforms.from(new SplittableRandom(3)));
        Tensor vk = cd.gradient(v0).negativeVisible().copy();
        double eps = 1e-2;
        for (Param p : rbm.params()) {
            float[] value = p.value().data();
            for (int i = 0; i < value.length; i++) {
                float keep = value[i];
                value[i] = (float) (keep + eps);
                double plus = meanFreeEnergy(rbm, v0) - meanFreeEnergy(rbm, vk);
                value[i] = (float) (keep - eps);
                double minus = meanFreeEnergy(rbm, v0) - meanFreeEnergy(rbm, vk);
                value[i] = keep;
                double numeric = (plus - minus) / (2 * eps);
                assertEquals(numeric, p.grad().data()[i], 2e-3, p.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        float[] a = train(5, false);
        assertArrayEquals(a, train(5, false));
        assertFalse(Arrays.equals(a, train(6, false)));
        assertFalse(Arrays.equals(a, train(5, true)), "persistent chains learn differently");
    }

    private static float[] train(long seed, boolean persistent) {
        Rbm rbm = Rbm.random(8, 4, 0.01, new SplittableRandom(0));
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm, RbmConfig.cd(1, 0.1).withPersistent(persistent).withBatchSize(6),
                Uniforms.from(new SplittableRandom(seed)));
        for (int i = 0; i < 20; i++) {
            cd.update(binary(6, 8, i));
        }
        return rbm.weight().value().data().clone();
    }

    /** A persistent chain continues from its own state: its negative samples do not depend on the current batch. */
    @Test
    void persistentChainsIgnoreTheCurrentBatchButCdChainsStartThere() {
        assertArrayEquals(negativeSamplesOfSecondBatch(true, 10), negativeSamplesOfSecondBatch(true, 11));
        assertFalse(Arrays.equals(negativeSamplesOfSecondBatch(false, 10), negativeSamplesOfSecondBatch(false, 11)));
    }

    private static float[] negativeSamplesOfSecondBatch(boolean persistent, long secondBatch) {
        Rbm rbm = Rbm.random(8, 4, 0.5, new SplittableRandom(0));
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm, new RbmConfig(1, persistent, 0.1, 0, 0, 6, true),
                Uniforms.from(new SplittableRandom(1)));
        cd.gradient(binary(6, 8, 7));
        return cd.gradient(binary(6, 8, secondBatch)).negativeVisible().data().clone();
    }

    @Test
    void momentumCarriesThePreviousUpdateAndDecayShrinksOnlyWeights() {
        Tensor v = binary(4, 6, 1);
        float[] plain = twoUpdates(RbmConfig.cd(1, 0.1).withMomentum(0).withWeightDecay(0), v);
        float[] momentum = twoUpdates(RbmConfig.cd(1, 0.1).withMomentum(0.9).withWeightDecay(0), v);
        assertFalse(Arrays.equals(plain, momentum));
        Rbm decayed = Rbm.random(6, 3, 0.5, new SplittableRandom(0));
        Rbm fresh = decayed.copy();
        new ContrastiveDivergence(decayed, new RbmConfig(1, false, 0.1, 0, 0.5, 4, false),
                Uniforms.from(new SplittableRandom(2))).update(v);
        new ContrastiveDivergence(fresh, new RbmConfig(1, false, 0.1, 0, 0, 4, false),
                Uniforms.from(new SplittableRandom(2))).update(v);
        float[] w = decayed.weight().value().data();
        float[] w0 = fresh.weight().value().data();
        float[] start = Rbm.random(6, 3, 0.5, new SplittableRandom(0)).weight().value().data();
        for (int i = 0; i < w.length; i++) {
            assertEquals(w0[i] - 0.1f * 0.5f * start[i], w[i], 1e-6, "weight " + i);
        }
        assertArrayEquals(fresh.hiddenBias().value().data(), decayed.hiddenBias().value().data());
    }

    private static float[] twoUpdates(RbmConfig config, Tensor v) {
        Rbm rbm = Rbm.random(6, 3, 0.5, new SplittableRandom(0));
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm, config.withBatchSize(4), Uniforms.from(new SplittableRandom(2)));
        cd.update(v);
        cd.update(v);
        return rbm.weight().value().data().clone();
    }

    @Test
    void aSmallerLastBatchIsHandled() {
        Rbm rbm = Rbm.random(5, 3, 0.1, new SplittableRandom(0));
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm, RbmConfig.persistentCd(1, 0.1).withBatchSize(4),
                Uniforms.from(new SplittableRandom(1)));
        cd.update(binary(4, 5, 1));
        CdStep last = cd.update(binary(2, 5, 2));
        assertEquals(Shape.of(2, 3), last.positiveHidden().shape());
        assertEquals(Shape.of(4, 5), last.negativeVisible().shape(), "persistent CD keeps its 4 chains");
        assertTrue(rbm.weight().value().allFinite());
    }
}
