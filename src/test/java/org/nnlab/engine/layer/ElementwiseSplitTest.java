package org.nnlab.engine.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * An activation large enough to be cut into pieces for the kernel threads (a first convolution's output)
 * gives exactly the values of its definition, on one thread or several: every value of every piece, the
 * piece ends that are not whole vectors, and the last piece's end. And the pieces really are shared out:
 * together they cover every value once, and with two threads there is more than one.
 */
class ElementwiseSplitTest {
    /** A batch of LeNet's first convolution output, plus an odd tail so pieces do not end on vectors. */
    private static final Shape SHAPE = Shape.of(16, 6, 28, 28 + 5);

    /** f and f' · g of one activation, written out value by value. */
    private interface Definition {
        float y(float x);

        float dx(float x, float y, float g);
    }

    @Test
    void everyActivationMatchesItsDefinitionOnAnyThreadCount() {
        check(new ReluSpec(), new Definition() {
            public float y(float x) {
                return x > 0 ? x : 0f;
            }

            public float dx(float x, float y, float g) {
                return x > 0 ? g : 0f;
            }
        });
        check(new LeakyReluSpec(0.1), new Definition() {
            public float y(float x) {
                return x > 0 ? x : 0.1f * x;
            }

            public float dx(float x, float y, float g) {
                return x > 0 ? g : 0.1f * g;
            }
        });
        check(new TanhSpec(), new Definition() {
            public float y(float x) {
                return (float) Math.tanh(x);
            }

            public float dx(float x, float y, float g) {
                return g * (1 - y * y);
            }
        });
        check(new SigmoidSpec(), new Definition() {
            public float y(float x) {
                return (float) (1.0 / (1.0 + Math.exp(-x)));
            }

            public float dx(float x, float y, float g) {
                return g * y * (1 - y);
            }
        });
        check(new LinearSpec(), new Definition() {
            public float y(float x) {
                return x;
            }

            public float dx(float x, float y, float g) {
                return g;
            }
        });
        check(new StepSpec(), new Definition() {
            public float y(float x) {
                return x >= 0 ? 1f : 0f;
            }

            public float dx(float x, float y, float g) {
                return g;
            }
        });
    }

    private static void check(LayerSpec spec, Definition d) {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.uniform(SHAPE, -3, 3, rng);
        x.data()[0] = Float.NaN;
        x.data()[x.size() - 1] = 0.5f;
        Tensor g = Tensor.uniform(SHAPE, -1, 1, rng);
        float[] y = new float[x.size()];
        float[] dx = new float[x.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.y(x.data()[i]);
            dx[i] = d.dx(x.data()[i], y[i], g.data()[i]);
        }
        for (int threads : new int[] {1, 2, 3}) {
            Layer layer = spec.build(SHAPE.dropFirst(), rng);
            float[][] got = Parallelism.withThreads(threads, () -> new float[][] {
                layer.forward(x, Mode.TRAIN).data().clone(), layer.backward(g, true).data().clone()});
            assertArrayEquals(y, got[0], spec.kind() + ", " + threads + " threads, forward");
            assertArrayEquals(dx, got[1], spec.kind() + ", " + threads + " threads, backward");
        }
    }

    @Test
    void piecesCoverEveryValueOnceAndTwoThreadsShareThem() {
        List<int[]> pieces = Collections.synchronizedList(new ArrayList<>());
        Elementwise recorder = new Elementwise(new LinearSpec()) {
            @Override
            protected void apply(float[] x, float[] y, int from, int to) {
                pieces.add(new int[] {from, to});
            }

            @Override
            protected void derive(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
                pieces.add(new int[] {from, to});
            }
        };
        Tensor x = Tensor.zeros(SHAPE);
        Parallelism.withThreads(2, () -> recorder.forward(x, Mode.TRAIN));
        assertTrue(pieces.size() > 1, "a large batch on two threads is cut into pieces");
        pieces.sort((a, b) -> Integer.compare(a[0], b[0]));
        int next = 0;
        for (int[] p : pieces) {
            assertEquals(next, p[0], "pieces follow each other without gap or overlap");
            assertTrue(p[1] > p[0], "no empty piece");
            next = p[1];
        }
        assertEquals(x.size(), next, "the last piece ends at the last value");
    }
}
