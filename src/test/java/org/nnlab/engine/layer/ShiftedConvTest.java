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

/**
 * Stride-1 convolutions ({@link ShiftedConv}: the products read the input on its padded grid instead of
 * unfolding it) against the definition written out as sums, for y, dx, dW and db: with and without
 * padding, uneven padding ("same" with an even kernel), non-square kernels, 1×1, several channels, a last
 * group shorter than the others right after a full batch, kept columns (training) and none (backward
 * after an inference pass), on one thread and several.
 */
class ShiftedConvTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    @Test
    void paddedNonSquareKernelSeveralChannels() {
        check(new Conv2dSpec(5, Size2.of(3, 2), Size2.of(1), Size2.of(1, 2), false, false), 3, 7, 6, 1, 2);
    }

    @Test
    void samePaddingWithAnEvenKernelPadsMoreAtTheBottomAndRight() {
        check(new Conv2dSpec(2, Size2.of(4, 3), Size2.of(1), Size2.of(0), true, false), 1, 7, 8, 1, 1);
    }

    @Test
    void lenetLayersWithAShortLastGroup() {
        check(Conv2dSpec.of(6, 5).withPadding(2), 1, 28, 28, 2, 2);
        check(Conv2dSpec.of(16, 5), 6, 14, 14, 0, 0);
    }

    @Test
    void pointwise() {
        check(Conv2dSpec.of(4, 1), 3, 4, 5, 0, 0);
    }

    @Test
    void gradientOfAPaddedStrideOneConvolutionMatchesFiniteDifference() {
        GradientCheck.assertMatches(new Conv2dSpec(3, Size2.of(3, 2), Size2.of(1), Size2.of(1, 2), false, false)
                .build(Shape.of(2, 5, 4), rng), Tensor.uniform(Shape.of(3, 2, 5, 4), -1, 1, rng));
    }

    /** A full batch of 64 then a short one of 37, trained and inferred, on 1 and 3 threads, against the sums. */
    private void check(Conv2dSpec spec, int c, int h, int w, int padTop, int padLeft) {
        Shape sample = Shape.of(c, h, w);
        for (int threads : new int[] {1, 3}) {
            Layer conv = spec.build(sample, rng);
            for (int batch : new int[] {64, 37}) {
                for (Mode mode : new Mode[] {Mode.TRAIN, Mode.INFER}) {
                    Tensor x = Tensor.uniform(sample.withBatch(batch), -1, 1, rng);
                    Tensor g = Tensor.uniform(spec.outputShape(sample).withBatch(batch), -1, 1, rng);
                    String where = spec + " on " + sample + ", batch " + batch + ", " + mode + ", " + threads + " threads";
                    Parallelism.withThreads(threads, () -> {
                        conv.params().forEach(Param::zeroGrad);
                        float[] y = conv.forward(x, mode).data().clone();
                        float[] dx = conv.backward(g, true).data().clone();
                        compare(conv, spec, x, g, y, dx, padTop, padLeft, where);
                    });
                }
            }
        }
    }

    private static void compare(Layer conv, Conv2dSpec spec, Tensor x, Tensor g, float[] y, float[] dx,
                                int padTop, int padLeft, String where) {
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        Shape out = spec.outputShape(x.shape().dropFirst());
        int f = out.dim(0);
        int oh = out.dim(1);
        int ow = out.dim(2);
        int kh = spec.kernel().h();
        int kw = spec.kernel().w();
        float[] wt = conv.params().get(0).value().data();
        float[] b = conv.params().get(1).value().data();
        double[] wantDx = new double[x.size()];
        double[] wantDw = new double[wt.length];
        double[] wantDb = new double[f];
        for (int s = 0; s < n; s++) {
            for (int fi = 0; fi < f; fi++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int o = ((s * f + fi) * oh + oy) * ow + ox;
                        double sum = b[fi];
                        double go = g.get(o);
                        wantDb[fi] += go;
                        for (int ci = 0; ci < c; ci++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int iy = oy - padTop + i;
                                    int ix = ox - padLeft + j;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                        continue;
                                    }
                                    int xi = ((s * c + ci) * h + iy) * w + ix;
                                    int wi = ((fi * c + ci) * kh + i) * kw + j;
                                    sum += wt[wi] * x.get(xi);
                                    wantDw[wi] += go * x.get(xi);
                                    wantDx[xi] += go * wt[wi];
                                }
                            }
                        }
                        assertEquals(sum, y[o], 1e-4, where + ": y at " + o);
                    }
                }
            }
        }
        for (int i = 0; i < dx.length; i++) {
            assertEquals(wantDx[i], dx[i], 1e-4, where + ": dx at " + i);
        }
        float[] dw = conv.params().get(0).grad().data();
        for (int i = 0; i < dw.length; i++) {
            assertEquals(wantDw[i], dw[i], 2e-3, where + ": dW at " + i);
        }
        float[] db = conv.params().get(1).grad().data();
        for (int i = 0; i < db.length; i++) {
            assertEquals(wantDb[i], db[i], 2e-3, where + ": db at " + i);
        }
    }
}
