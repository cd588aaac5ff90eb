package org.nnlab.engine.layer.recurrent;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x, σ(x) and tanh(x) in float32, lane by lane or one value at a time, built only from operations
 * whose result IEEE 754 fixes to the bit (add, multiply, divide, fused multiply-add, comparisons). The
 * Vector API's own EXP and TANH may give different bits in compiled and interpreted code, and the JIT
 * compiles at different moments in different runs; a seeded run must give the same weights every time.
 * <p>
 * e^x: x = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r from a degree-6 polynomial (the classic single-precision
 * coefficients of the Cephes library, about 1 ulp), scaled by 2^n in two steps so that n = ±127 stays
 * exact. tanh: an odd polynomial for |x| < 0.625, else 1 − 2 / (e^{2|x|} + 1) with the sign of x. The
 * scalar forms repeat the vector forms step for step, so a tail lane gives the bits a full vector would.
 */
public final class CellMath {
    private static final VectorSpecies<Float> SPECIES = RecurrentCell.SPECIES;
    private static final float MAX = 88.72283f;
    private static final float MIN = -87.33654f;
    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 in two parts: the first has few enough bits that n·LN2_HI is exact. */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** Adding and subtracting 1.5·2^23 rounds a float of magnitude below 2^22 to the nearest integer. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    private static final float E0 = 1.9875691500e-4f;
    private static final float E1 = 1.3981999507e-3f;
    private static final float E2 = 8.3334519073e-3f;
    private static final float E3 = 4.1665795894e-2f;
    private static final float E4 = 1.6666665459e-1f;
    private static final float E5 = 5.0000001201e-1f;
    private static final float[] TANH = {-5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f,
            1.33314422036e-1f, -3.33332819422e-1f};
    private static final float SMALL_TANH = 0.625f;

    private CellMath() {
    }

    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(MIN).min(MAX);
        FloatVector t = c.fma(LOG2E, ROUND);
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(c.broadcast(-LN2_HI), c);
        r = n.fma(c.broadcast(-LN2_LO), r);
        FloatVector p = r.fma(r.broadcast(E0), r.broadcast(E1));
        p = p.fma(r, r.broadcast(E2));
        p = p.fma(r, r.broadcast(E3));
        p = p.fma(r, r.broadcast(E4));
        p = p.fma(r, r.broadcast(E5));
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        // t holds 1.5·2^23 + n exactly, so its bits minus those of 1.5·2^23 are n as an integer
        IntVector ni = t.reinterpretAsInts().sub(ROUND_BITS);
        IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = ni.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        y = y.mul(s1).mul(s2);
        y = y.blend(0f, x.compare(VectorOperators.LT, MIN));
        return y.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, MAX));
    }

    static float exp(float x) {
        float c = Math.min(Math.max(x, MIN), MAX);
        float t = Math.fma(c, LOG2E, ROUND);
        float n = t - ROUND;
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(r, E0, E1);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E5);
        float y = Math.fma(p, r * r, r) + 1f;
        int ni = Float.floatToRawIntBits(t) - ROUND_BITS;
        int half = ni >> 1;
        y = y * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((ni - half + 127) << 23);
        if (x < MIN) {
            return 0f;
        }
        return x > MAX ? Float.POSITIVE_INFINITY : y;
    }

    /** σ(x) = 1 / (1 + e^−x). */
    public static FloatVector sigmoid(FloatVector x) {
        FloatVector one = x.broadcast(1f);
        return one.div(exp(x.neg()).add(one));
    }

    public static float sigmoid(float x) {
        return 1f / (exp(-x) + 1f);
    }

    /**
     * dst[d …] = σ(src[s …]) for n values. Array-level forms keep each exponential in a loop of its own:
     * C2 stops inlining once a method grows too large, and a vector that crosses a call that was not
     * inlined is allocated on the heap, so a cell that evaluates all its gates in one loop body runs slow.
     */
    static void sigmoid(float[] src, int s, float[] dst, int d, int n) {
        int i = 0;
        for (int upper = SPECIES.loopBound(n); i < upper; i += SPECIES.length()) {
            sigmoid(FloatVector.fromArray(SPECIES, src, s + i)).intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            dst[d + i] = sigmoid(src[s + i]);
        }
    }

    /** dst[d …] = x[xi …] + y[yi …] for n values. */
    static void addTo(float[] x, int xi, float[] y, int yi, float[] dst, int d, int n) {
        int i = 0;
        for (int upper = SPECIES.loopBound(n); i < upper; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, xi + i).add(FloatVector.fromArray(SPECIES, y, yi + i)).intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            dst[d + i] = x[xi + i] + y[yi + i];
        }
    }

    /** dst[d …] = tanh(src[s …]) for n values (see {@link #sigmoid(float[], int, float[], int, int)}). */
    static void tanh(float[] src, int s, float[] dst, int d, int n) {
        int i = 0;
        for (int upper = SPECIES.loopBound(n); i < upper; i += SPECIES.length()) {
            tanh(FloatVector.fromArray(SPECIES, src, s + i)).intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            dst[d + i] = tanh(src[s + i]);
        }
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = x.mul(x);
        FloatVector p = z.broadcast(TANH[0]);
        for (int i = 1; i < TANH.length; i++) {
            p = p.fma(z, z.broadcast(TANH[i]));
        }
        FloatVector small = p.mul(z).fma(x, x);
        FloatVector large = x.broadcast(1f).sub(x.broadcast(2f).div(exp(a.add(a)).add(1f)));
        large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0f));
        VectorMask<Float> isSmall = a.compare(VectorOperators.LT, SMALL_TANH);
        return large.blend(small, isSmall);
    }

    static float tanh(float x) {
        float a = Math.abs(x);
        float z = x * x;
        if (a < SMALL_TANH) {
            float p = TANH[0];
            for (int i = 1; i < TANH.length; i++) {
                p = Math.fma(p, z, TANH[i]);
            }
            return Math.fma(p * z, x, x);
        }
        float large = 1f - 2f / (exp(a + a) + 1f);
        return x < 0f ? -large : large;
    }
}
