package org.nnlab.training;

import java.util.SplittableRandom;
import org.nnlab.engine.data.sequence.CharCorpus;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * What a run's network says, asked by the charts: its class-1 score over a grid of the plane (the
 * decision boundary of a network of points) and text it writes (a character model). The model is a copy
 * of the run's weights, so asking it does not disturb the run.
 */
public final class ModelProbes {
    private ModelProbes() {
    }

    /**
     * The network's score for class 1 at the centres of an {@code n} × {@code n} grid over [lo, hi]²,
     * row by row from the top (x2 = hi) and each row from the left (x1 = lo), in [0, 1]: the output itself
     * for one output, the softmax probability of class 1 otherwise. A network of one input reads x1 only.
     */
    public static float[] boundary(Sequential model, double lo, double hi, int n) {
        int inputs = model.spec().input().size();
        float[] x = new float[n * n * inputs];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int at = (row * n + col) * inputs;
                x[at] = (float) (lo + (col + 0.5) * (hi - lo) / n);
                if (inputs > 1) {
                    x[at + 1] = (float) (hi - (row + 0.5) * (hi - lo) / n);
                }
            }
        }
        Tensor out = model.forward(new Tensor(Shape.of(n * n, inputs), x), Mode.INFER);
        int cols = out.size() / (n * n);
        boolean probabilities = model.spec().layers().getLast() instanceof SoftmaxSpec;
        float[] score = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            score[i] = cols == 1 ? clamp(out.get(i)) : classOne(out.data(), i * cols, cols, probabilities);
        }
        return score;
    }

    private static float classOne(float[] z, int base, int cols, boolean probabilities) {
        if (probabilities) {
            return clamp(z[base + 1]);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, z[base + j]);
        }
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            sum += Math.exp(z[base + j] - max);
        }
        return (float) (Math.exp(z[base + 1] - max) / sum);
    }

    private static float clamp(float v) {
        return Float.isNaN(v) ? 0.5f : Math.max(0, Math.min(1, v));
    }

    /** Probabilities of the next character: softmax(scores / temperature) of the last step's first {@code v} scores. */
    private static double[] nextCharacter(Sequential model, int[] ids, int v, double temperature) {
        Tensor in = Tensor.zeros(Shape.of(1, ids.length));
        for (int i = 0; i < ids.length; i++) {
            in.set(i, ids[i]);
        }
        Tensor out = model.forward(in, Mode.INFER);
        int classes = out.shape().dim(out.shape().rank() - 1);
        int base = out.size() - classes;
        double[] p = new double[v];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v; j++) {
            max = Math.max(max, out.get(base + j) / temperature);
        }
        double sum = 0;
        for (int j = 0; j < v; j++) {
            p[j] = Math.exp(out.get(base + j) / temperature - max);
            sum += p[j];
        }
        for (int j = 0; j < v; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /**
     * The first {@code steps} characters of the corpus followed by {@code count} characters the network
     * writes, each drawn from its scores for the window of the last {@code steps} characters.
     */
    public static String continueText(Sequential model, CharCorpus corpus, int steps, int count, double temperature,
                                      long seed) {
        String text = corpus.text();
        int startEnd = text.offsetByCodePoints(0, Math.min(steps, text.codePointCount(0, text.length())));
        StringBuilder written = new StringBuilder(text.substring(0, startEnd));
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            String all = written.toString();
            int n = all.codePointCount(0, all.length());
            String window = all.substring(all.offsetByCodePoints(0, Math.max(0, n - steps)));
            double[] p = nextCharacter(model, corpus.encode(window), corpus.vocabularySize(), temperature);
            double u = rng.nextDouble();
            int pick = p.length - 1;
            for (int j = 0; j < p.length; j++) {
                u -= p[j];
                if (u < 0) {
                    pick = j;
                    break;
                }
            }
            written.append(corpus.decode(pick));
        }
        return written.toString();
    }
}
