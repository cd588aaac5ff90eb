package org.nnlab.engine.layer.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class CellMathTest {
    private static final int L = RecurrentCell.SPECIES.length();

    @Test
    void closeToTheJdkAndTheSameBitsInAVectorLaneAsAlone() {
        SplittableRandom rng = new SplittableRandom(8);
        float[] x = new float[L * 4000];
        for (int i = 0; i < x.length; i++) {
            double scale = switch (i % 4) {
                case 0 -> 0.01;
                case 1 -> 1;
                case 2 -> 10;
                default -> 100;
            };
            x[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 88.7f, 88.8f,
                -87.3f, -87.4f, -103f, 0.624f, 0.625f, -0.625f, 9f, -9f, 1e-30f, Float.MIN_VALUE};
        System.arraycopy(special, 0, x, 0, special.length);
        float[] e = new float[L];
        float[] s = new float[L];
        float[] t = new float[L];
        for (int i = 0; i < x.length; i += L) {
            FloatVector v = FloatVector.fromArray(RecurrentCell.SPECIES, x, i);
            CellMath.exp(v).intoArray(e, 0);
            CellMath.sigmoid(v).intoArray(s, 0);
            CellMath.tanh(v).intoArray(t, 0);
            for (int l = 0; l < L; l++) {
                float xi = x[i + l];
                assertEquals(Float.floatToRawIntBits(CellMath.exp(xi)), Float.floatToRawIntBits(e[l]), "exp " + xi);
                assertEquals(Float.floatToRawIntBits(CellMath.sigmoid(xi)), Float.floatToRawIntBits(s[l]), "σ " + xi);
                assertEquals(Float.floatToRawIntBits(CellMath.tanh(xi)), Float.floatToRawIntBits(t[l]), "tanh " + xi);
                close(Math.exp(xi), e[l], xi);
                close(1 / (1 + Math.exp(-xi)), s[l], xi);
                close(Math.tanh(xi), t[l], xi);
            }
        }
    }

    private static void close(double exact, float got, float x) {
        if (Double.isNaN(exact) || Double.isInfinite(exact)) {
            assertEquals((float) exact, got, "at " + x);
            return;
        }
        // a few float ulps, and results below the smallest normal float may flush to zero
        assertTrue(Math.abs(exact - got) <= 4 * Math.ulp((float) exact) + 1.2e-38, "at " + x + ": " + got + " vs " + exact);
    }
}
