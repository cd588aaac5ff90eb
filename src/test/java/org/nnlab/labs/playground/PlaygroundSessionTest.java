package org.nnlab.labs.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.data.toy.ToyFeature;
import org.nnlab.engine.data.toy.ToyPoint;
import org.nnlab.engine.optim.Regularization;
import org.nnlab.labs.playground.PlaygroundSettings.Activation;

class PlaygroundSessionTest {
    private static PlaygroundSettings xor(List<Integer> hidden) {
        return PlaygroundSettings.defaults().withDataset(ToyDataset.XOR)
                .withNetwork(List.of(ToyFeature.X1, ToyFeature.X2), hidden, Activation.TANH)
                .withTraining(0.1, Regularization.NONE, 0, 10);
    }

    @Test
    void aHiddenLayerLearnsXorWhileNoHiddenLayerCannot() {
        PlaygroundSession deep = new PlaygroundSession(xor(List.of(4)));
        PlaygroundSession flat = new PlaygroundSession(xor(List.of()));
        double start = deep.frame().testLoss();
        for (int i = 0; i < 200; i++) {
            deep.trainEpoch();
            flat.trainEpoch();
        }
        assertTrue(deep.frame().testLoss() < 0.15, "XOR learned with 4 hidden neurons: " + deep.frame().testLoss());
        assertTrue(deep.frame().testLoss() < start / 3);
        assertTrue(flat.frame().testLoss() > 0.6, "a single neuron cannot separate XOR: " + flat.frame().testLoss());
    }

    @Test
    void theBoundaryPictureFollowsTraining() {
        PlaygroundSession s = new PlaygroundSession(xor(List.of(4, 2)));
        PlaygroundFrame before = s.frame();
        for (int i = 0; i < 20; i++) {
            s.trainEpoch();
        }
        PlaygroundFrame after = s.frame();
        assertEquals(PlaygroundSession.GRID * PlaygroundSession.GRID, after.boundary().length);
        assertFalse(Arrays.equals(before.boundary(), after.boundary()));
        assertArrayEquals(new int[] {2, 4, 2, 1}, after.layout());
        assertEquals(2 + 4 + 2, after.neurons().size());
        assertEquals(2 * 4 + 4 * 2 + 2, after.weights().length);
        assertEquals(20, after.epoch());
        assertEquals(2, after.trainHistory().length);
    }

    @Test
    void equalSettingsGiveEqualRuns() {
        PlaygroundSession a = new PlaygroundSession(xor(List.of(3)));
        PlaygroundSession b = new PlaygroundSession(xor(List.of(3)));
        a.trainEpoch();
        b.trainEpoch();
        assertArrayEquals(a.frame().weights(), b.frame().weights());
    }

    @Test
    void l1RegularisationDrivesUnneededWeightsTowardsZero() {
        PlaygroundSettings base = xor(List.of(8)).withDataset(ToyDataset.GAUSSIANS);
        PlaygroundSession plain = new PlaygroundSession(base);
        PlaygroundSession sparse = new PlaygroundSession(base.withTraining(0.1, Regularization.L1, 0.03, 10));
        for (int i = 0; i < 100; i++) {
            plain.trainEpoch();
            sparse.trainEpoch();
        }
        assertTrue(absSum(sparse.frame().weights()) < 0.7 * absSum(plain.frame().weights()),
                absSum(sparse.frame().weights()) + " vs " + absSum(plain.frame().weights()));
    }

    private static double absSum(float[] w) {
        double s = 0;
        for (float v : w) {
            s += Math.abs(v);
        }
        return s;
    }

    @Test
    void ownPointsTrainTooAndAnEmptyPictureIsNoError() {
        PlaygroundSession none = new PlaygroundSession(PlaygroundSettings.defaults().withOwnPoints(List.of()));
        none.trainEpoch();
        assertTrue(Double.isNaN(none.frame().trainLoss()));
        PlaygroundSession own = new PlaygroundSession(PlaygroundSettings.defaults().withOwnPoints(
                List.of(new ToyPoint(-3, 0, 0), new ToyPoint(3, 0, 1), new ToyPoint(-4, 1, 0), new ToyPoint(4, 1, 1))));
        assertEquals(2, own.trainPoints().size());
        own.trainEpoch();
        assertTrue(Double.isFinite(own.frame().trainLoss()));
    }

    @Test
    void aLinkCarriesEverySetting() {
        PlaygroundSettings s = xor(List.of(5, 3)).withData(20, 70, 42)
                .withTraining(0.3, Regularization.L2, 0.003, 25);
        assertEquals(s, PlaygroundLink.fromParameters(PlaygroundLink.toParameters(s)));
        PlaygroundSettings own = s.withOwnPoints(List.of(new ToyPoint(1.5, -2.25, 1), new ToyPoint(0, 3, 0)));
        assertEquals(own, PlaygroundLink.fromParameters(PlaygroundLink.toParameters(own)));
        assertEquals("data=own", "data=" + PlaygroundLink.toParameters(own).get("data"));
    }

    @Test
    void aHandEditedLinkFallsBackAndStaysInRange() {
        PlaygroundSettings s = PlaygroundLink.fromParameters(java.util.Map.of("data", "xor", "hidden", "4",
                "noise", "900", "act", "wobbly", "features", "x1,nope,x2sq", "batch", "x"));
        assertEquals(ToyDataset.XOR, s.dataset());
        assertEquals(List.of(4), s.hidden());
        assertEquals(50, s.noisePercent());
        assertEquals(Activation.TANH, s.activation());
        assertEquals(List.of(ToyFeature.X1, ToyFeature.X2_SQUARED), s.features());
        assertEquals(10, s.batchSize());
    }
}
