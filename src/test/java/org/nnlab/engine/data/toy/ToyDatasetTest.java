package org.nnlab.engine.data.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToyDatasetTest {
    @Test
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers() {
        for (ToyDataset d : ToyDataset.values()) {
            assertEquals(d.generate(100, 0.2, 7), d.generate(100, 0.2, 7), d.name());
            assertNotEquals(d.generate(100, 0.2, 7), d.generate(100, 0.2, 8), d.name());
        }
    }

    @Test
    void withoutNoiseEachPictureKeepsItsRule() {
        for (ToyPoint p : ToyDataset.XOR.generate(200, 0, 1)) {
            assertEquals(p.x1() * p.x2() >= 0 ? 1 : 0, p.label());
        }
        for (ToyPoint p : ToyDataset.CIRCLE.generate(200, 0, 1)) {
            double r = Math.hypot(p.x1(), p.x2());
            assertTrue(p.label() == 1 ? r <= 2.5 : r >= 3.5 && r <= 5, p.toString());
        }
        List<ToyPoint> gauss = ToyDataset.GAUSSIANS.generate(400, 0, 1);
        assertEquals(200, gauss.stream().filter(p -> p.label() == 1).count());
        double meanX1 = gauss.stream().filter(p -> p.label() == 1).mapToDouble(ToyPoint::x1).average().orElseThrow();
        assertEquals(2, meanX1, 0.2);
        assertEquals(100, ToyDataset.SPIRAL.generate(200, 0, 1).stream().filter(p -> p.label() == 0).count());
    }

    @Test
    void noiseMovesPointsAcrossTheRule() {
        long wrong = ToyDataset.CIRCLE.generate(400, 0.5, 3).stream()
                .filter(p -> (Math.hypot(p.x1(), p.x2()) < 3 ? 1 : 0) != p.label()).count();
        assertTrue(wrong > 5, "some noisy points lie on the other side: " + wrong);
    }

    @Test
    void refusesNoiseOutsideItsRange() {
        assertThrows(IllegalArgumentException.class, () -> ToyDataset.XOR.generate(10, 0.6, 1));
    }

    @Test
    void featuresComputeFromBothCoordinates() {
        float[] m = ToyFeature.matrix(List.of(new ToyPoint(2, -3, 1)), List.of(ToyFeature.values()));
        assertEquals(List.of(2f, -3f, 4f, 9f, -6f, (float) Math.sin(2), (float) Math.sin(-3)),
                List.of(m[0], m[1], m[2], m[3], m[4], m[5], m[6]));
        assertEquals(ToyFeature.X1_TIMES_X2, ToyFeature.ofKey("x1x2"));
    }
}
