package org.nnlab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.loss.MeanSquaredError.Form;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class LossTest {
    private static final int[] LABELS = {2, 0, 1};

    /** Compares {@code analytic} with central differences of {@code loss} around {@code x}. */
    private static void assertGradient(Tensor x, Tensor analytic, ToDoubleFunction<Tensor> loss) {
        double eps = 1e-2;
        for (int i = 0; i < x.size(); i++) {
            float saved = x.get(i);
            x.set(i, (float) (saved + eps));
            double plus = loss.applyAsDouble(x);
            x.set(i, (float) (saved - eps));
            double minus = loss.applyAsDouble(x);
            x.set(i, saved);
            double numeric = (plus - minus) / (2 * eps);
            assertEquals(numeric, analytic.get(i), 1e-3 + 1e-2 * Math.abs(numeric), "element " + i);
        }
    }

    private static Tensor random(int rows, int cols, double low, double high, long seed) {
        return Tensor.uniform(Shape.of(rows, cols), low, high, new SplittableRandom(seed));
    }

    @Test
    void softmaxCrossEntropyGradient() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Tensor z = random(3, 4, -2, 2, 1);
        Tensor g = Tensor.zeros(z.shape());
        ce.evaluate(z, LABELS, g);
        assertGradient(z, g, t -> ce.loss(t, LABELS));
    }

    @Test
    void softmaxCrossEntropyValue() {
        Tensor z = Tensor.of(Shape.of(1, 3), 1, 2, 3);
        double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 1;
        assertEquals(expected, new SoftmaxCrossEntropy().loss(z, new int[] {0}), 1e-6);
    }

    @Test
    void softmaxCrossEntropyIsFiniteForHugeLogits() {
        Tensor z = Tensor.of(Shape.of(2, 3), 1000, -1000, 0, -1000, 1000, 1000);
        Tensor g = Tensor.zeros(z.shape());
        double loss = new SoftmaxCrossEntropy().evaluate(z, new int[] {1, 0}, g);
        assertEquals((2000 + 2000 + Math.log(2)) / 2, loss, 1e-3);
        assertTrue(g.allFinite());
        assertEquals(-0.5, g.get(1), 1e-6);
    }

    @Test
    void rejectsLabelOutsideClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().loss(Tensor.zeros(1, 3), new int[] {3}));
        assertTrue(e.getMessage().contains("label 3") && e.getMessage().contains("0..2"), e.getMessage());
    }

    @Test
    void halfSumSquaredErrorMatchesTheClassicFormula() {
        Tensor o = Tensor.of(Shape.of(1, 2), 0.75136507f, 0.772928465f);
        Tensor t = Tensor.of(Shape.of(1, 2), 0.01f, 0.99f);
        double e = new MeanSquaredError(Form.HALF_SUM).evaluate(o, t, Tensor.zeros(o.shape()));
        assertEquals(0.298371109, e, 1e-7);
    }

    @Test
    void squaredErrorGradientsInBothForms() {
        Tensor t = random(3, 2, -1, 1, 2);
        for (Form form : Form.values()) {
            MeanSquaredError mse = new MeanSquaredError(form);
            Tensor o = random(3, 2, -1, 1, 3);
            Tensor g = Tensor.zeros(o.shape());
            double value = mse.evaluate(o, t, g);
            assertGradient(o, g, x -> mse.evaluate(x, t, Tensor.zeros(x.shape())));
            double sum = 0;
            for (int i = 0; i < o.size(); i++) {
                sum += Math.pow(o.get(i) - t.get(i), 2);
            }
            assertEquals(form == Form.HALF_SUM ? sum / 2 : sum / 6, value, 1e-6);
        }
    }

    @Test
    void squaredErrorWithLabelsUsesOneHotTargets() {
        Tensor o = Tensor.of(Shape.of(1, 3), 0.2f, 0.7f, 0.1f);
        double e = new MeanSquaredError(Form.MEAN).evaluate(o, new int[] {1}, Tensor.zeros(o.shape()));
        assertEquals((0.04 + 0.09 + 0.01) / 3, e, 1e-6);
    }

    @Test
    void binaryCrossEntropyValueAndGradient() {
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        Tensor t = Tensor.of(Shape.of(2, 2), 1, 0, 0, 1);
        Tensor p = random(2, 2, 0.2, 0.8, 4);
        Tensor g = Tensor.zeros(p.shape());
        double value = bce.evaluate(p, t, g);
        double expected = -(Math.log(p.get(0)) + Math.log(1 - p.get(1)) + Math.log(1 - p.get(2)) + Math.log(p.get(3))) / 4;
        assertEquals(expected, value, 1e-6);
        assertGradient(p, g, x -> bce.evaluate(x, t, Tensor.zeros(x.shape())));
    }

    @Test
    void binaryCrossEntropyStaysFiniteWhenSaturated() {
        Tensor p = Tensor.of(Shape.of(2, 1), 0f, 1f);
        double loss = new BinaryCrossEntropy().evaluate(p, new int[] {1, 0}, Tensor.zeros(p.shape()));
        assertTrue(Double.isFinite(loss) && loss > 10, "loss " + loss);
    }

    @Test
    void labelCountMustMatchBatch() {
        assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().loss(Tensor.zeros(2, 3), new int[] {0}));
    }
}
