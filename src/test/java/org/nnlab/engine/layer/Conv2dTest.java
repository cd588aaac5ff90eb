package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.GradientCheck;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class Conv2dTest {
    private final SplittableRandom rng = new SplittableRandom(3);

    private Tensor input(int... dims) {
        return Tensor.uniform(Shape.of(dims), -1, 1, rng);
    }

    @Test
    void countsParamsAndFlops() {
        Conv2dSpec lenet1 = Conv2dSpec.of(6, 5).withPadding(2);
        assertEquals(6 * 25 + 6, lenet1.paramCount(Shape.of(1, 28, 28)));
        assertEquals((2L * 25 + 1) * 6 * 28 * 28, lenet1.flops(Shape.of(1, 28, 28)));
        assertEquals(16 * 6 * 25 + 16, Conv2dSpec.of(16, 5).paramCount(Shape.of(6, 14, 14)));
        Layer layer = lenet1.build(Shape.of(1, 28, 28), rng);
        assertEquals(Shape.of(6, 1, 5, 5), layer.params().get(0).value().shape());
        assertEquals(Shape.of(6), layer.params().get(1).value().shape());
    }

    @Test
    void forwardMatchesDirectSum() {
        Conv2dSpec spec = new Conv2dSpec(3, Size2.of(3, 2), Size2.of(2, 1), Size2.of(1, 2), false, true);
        Shape sample = Shape.of(2, 7, 6);
        Layer conv = spec.build(sample, rng);
        Tensor x = input(4, 2, 7, 6);
        Tensor y = conv.forward(x, Mode.INFER);
        Shape out = spec.outputShape(sample);
        float[] w = conv.params().get(0).value().data();
        float[] b = conv.params().get(1).value().data();
        for (int n = 0; n < 4; n++) {
            for (int f = 0; f < 3; f++) {
                for (int oy = 0; oy < out.dim(1); oy++) {
                    for (int ox = 0; ox < out.dim(2); ox++) {
                        double s = b[f];
                        for (int c = 0; c < 2; c++) {
                            for (int i = 0; i < 3; i++) {
                                for (int j = 0; j < 2; j++) {
                                    int iy = oy * 2 - 1 + i;
                                    int ix = ox - 2 + j;
                                    if (iy >= 0 && iy < 7 && ix >= 0 && ix < 6) {
                                        s += w[((f * 2 + c) * 3 + i) * 2 + j] * x.get(((n * 2 + c) * 7 + iy) * 6 + ix);
                                    }
                                }
                            }
                        }
                        int idx = ((n * 3 + f) * out.dim(1) + oy) * out.dim(2) + ox;
                        assertEquals(s, y.get(idx), 1e-5, "y at " + idx);
                    }
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifference() {
        GradientCheck.assertMatches(new Conv2dSpec(3, Size2.of(3, 2), Size2.of(2, 1), Size2.of(1, 2), false, true)
                .build(Shape.of(2, 7, 6), rng), input(2, 2, 7, 6));
    }

    @Test
    void gradientWithSamePaddingAndStride() {
        GradientCheck.assertMatches(new Conv2dSpec(2, Size2.of(4, 3), Size2.of(2, 2), Size2.of(0), true, false)
                .build(Shape.of(1, 7, 8), rng), input(2, 1, 7, 8));
    }

    @Test
    void gradientOfPointwiseConvolution() {
        GradientCheck.assertMatches(Conv2dSpec.of(4, 1).build(Shape.of(3, 4, 5), rng), input(2, 3, 4, 5));
    }

    @Test
    void sameResultsWithOneOrManyThreads() {
        Conv2dSpec spec = Conv2dSpec.of(5, 3).withPadding(1);
        Layer conv = spec.build(Shape.of(3, 12, 12), rng);
        Tensor x = input(16, 3, 12, 12);
        Tensor g = input(16, 5, 12, 12);
        float[][] one = run(conv, x, g, 1);
        float[][] four = run(conv, x, g, 4);
        for (int k = 0; k < one.length; k++) {
            for (int i = 0; i < one[k].length; i++) {
                assertEquals(one[k][i], four[k][i], 1e-4, "array " + k + " index " + i);
            }
        }
    }

    private static float[][] run(Layer conv, Tensor x, Tensor g, int threads) {
        return Parallelism.withThreads(threads, () -> {
            conv.params().forEach(Param::zeroGrad);
            float[] y = conv.forward(x, Mode.TRAIN).data().clone();
            float[] dx = conv.backward(g).data().clone();
            return new float[][]{y, dx, conv.params().get(0).grad().data().clone(), conv.params().get(1).grad().data().clone()};
        });
    }

    @Test
    void rejectsABatchOfTheWrongShape() {
        Layer conv = Conv2dSpec.of(2, 3).build(Shape.of(1, 5, 5), rng);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> conv.forward(Tensor.zeros(2, 1, 6, 5), Mode.TRAIN));
        assertEquals(conv + " expects a batch of shape [batch, 1, 5, 5], got [2, 1, 6, 5]; check the layer before"
                + " it or the data's sample shape", e.getMessage());
    }
}
