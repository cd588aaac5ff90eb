package org.nnlab.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Tensor;

/**
 * Finite-difference gradient check for any layer: the loss is {@code sum(output · G)} for a fixed
 * random G, so d(loss)/d(output) = G. Each analytic gradient (input and every parameter) is compared
 * with the central difference (L(x + ε) − L(x − ε)) / 2ε, computed in float32 forward passes with the
 * loss accumulated in double. A value fails when |analytic − numeric| > atol + rtol·|numeric|.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    public static void assertMatches(Layer layer, Tensor input) {
        assertMatches(layer, input, 1e-2, 2e-2, 2e-3);
    }

    public static void assertMatches(Layer layer, Tensor input, double eps, double rtol, double atol) {
        Tensor out = layer.forward(input, Mode.INFER);
        SplittableRandom rng = new SplittableRandom(17);
        Tensor g = Tensor.zeros(out.shape());
        for (int i = 0; i < g.size(); i++) {
            g.set(i, (float) (rng.nextDouble() * 2 - 1));
        }
        for (Param p : layer.params()) {
            p.zeroGrad();
        }
        layer.forward(input, Mode.INFER);
        Tensor dx = layer.backward(g.copy());
        compare("input", layer, input, input, dx, g, eps, rtol, atol);
        for (Param p : layer.params()) {
            compare(p.name(), layer, input, p.value(), p.grad().copy(), g, eps, rtol, atol);
        }
    }

    private static void compare(String what, Layer layer, Tensor input, Tensor x, Tensor analytic, Tensor g,
                                double eps, double rtol, double atol) {
        float[] v = x.data();
        for (int i = 0; i < v.length; i++) {
            float saved = v[i];
            v[i] = (float) (saved + eps);
            double plus = loss(layer, input, g);
            v[i] = (float) (saved - eps);
            double minus = loss(layer, input, g);
            v[i] = saved;
            double numeric = (plus - minus) / (2 * eps);
            double a = analytic.get(i);
            if (Math.abs(a - numeric) > atol + rtol * Math.abs(numeric)) {
                fail(layer + ": d(loss)/d(" + what + ")[" + i + "] analytic " + a + " but numeric " + numeric);
            }
        }
    }

    private static double loss(Layer layer, Tensor input, Tensor g) {
        Tensor out = layer.forward(input, Mode.INFER);
        double s = 0;
        for (int i = 0; i < out.size(); i++) {
            s += (double) out.get(i) * g.get(i);
        }
        return s;
    }
}
