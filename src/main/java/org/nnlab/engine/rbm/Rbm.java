package org.nnlab.engine.rbm;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.MatMul;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A Bernoulli–Bernoulli restricted Boltzmann machine: binary visible units v and hidden units h, weights
 * W [visible, hidden], visible biases bv [visible] and hidden biases bh [hidden], with energy
 * E(v, h) = −v·bv − h·bh − v·W·h. Given one layer the units of the other are independent:
 * p(h = 1 | v) = σ(v·W + bh) and p(v = 1 | h) = σ(h·Wᵀ + bv). Summing h out gives the free energy
 * F(v) = −v·bv − Σ_j log(1 + e^(v·W + bh)_j), which is low for inputs the machine finds likely.
 * <p>
 * Batches are row-major [batch, visible] or [batch, hidden]; any tensor whose size is a multiple of the
 * row width is read as such rows (an MNIST batch [batch, 1, 28, 28] is 784 visible units a row). Grey values
 * in [0, 1] are taken as the probabilities of binary pixels, as is usual for MNIST. The RBM is not a
 * {@code Layer}: it learns by {@link ContrastiveDivergence}, not by backpropagation. Its parameters are
 * {@link Param}s so that an optimizer can update them; not thread-safe.
 */
public final class Rbm {
    private final int visible;
    private final int hidden;
    private final Param weight;
    private final Param visibleBias;
    private final Param hiddenBias;

    /** An RBM with the given parameter values (kept, not copied): W [visible, hidden], bv [visible], bh [hidden]. */
    public Rbm(Tensor weight, Tensor visibleBias, Tensor hiddenBias) {
        Shape w = weight.shape();
        if (w.rank() != 2 || !visibleBias.shape().equals(Shape.of(w.dim(0)))
                || !hiddenBias.shape().equals(Shape.of(w.dim(1)))) {
            throw new IllegalArgumentException("an RBM needs weights [visible, hidden], visible biases [visible] and"
                    + " hidden biases [hidden]; got " + w + ", " + visibleBias.shape() + " and " + hiddenBias.shape());
        }
        this.visible = w.dim(0);
        this.hidden = w.dim(1);
        this.weight = Param.of("weight", weight);
        this.visibleBias = Param.of("visible bias", visibleBias);
        this.hiddenBias = Param.of("hidden bias", hiddenBias);
    }

    /**
     * A new RBM with small random weights from N(0, std²) (0.01 is the usual choice) and zero biases, the
     * starting point Hinton's practical guide recommends.
     */
    public static Rbm random(int visible, int hidden, double std, RandomGenerator rng) {
        if (visible < 1 || hidden < 1) {
            throw new IllegalArgumentException("an RBM needs at least 1 visible and 1 hidden unit, got visible="
                    + visible + ", hidden=" + hidden);
        }
        return new Rbm(Tensor.normal(Shape.of(visible, hidden), 0, std, rng), Tensor.zeros(visible),
                Tensor.zeros(hidden));
    }

    public int visible() {
        return visible;
    }

    public int hidden() {
        return hidden;
    }

    /** W [visible, hidden]. */
    public Param weight() {
        return weight;
    }

    /** bv [visible]. */
    public Param visibleBias() {
        return visibleBias;
    }

    /** bh [hidden]. */
    public Param hiddenBias() {
        return hiddenBias;
    }

    /** Weight, visible bias, hidden bias. */
    public List<Param> params() {
        return List.of(weight, visibleBias, hiddenBias);
    }

    /** An independent copy with the same parameter values. */
    public Rbm copy() {
        return new Rbm(weight.value().copy(), visibleBias.value().copy(), hiddenBias.value().copy());
    }

    /** p(h = 1 | v): {@code out[0 .. batch·hidden)} from {@code v[0 .. batch·visible)}. */
    public void hiddenProbabilities(float[] v, int batch, float[] out) {
        MatMul.multiply(v, false, weight.value().data(), false, out, batch, hidden, visible, false);
        Logistic.addBiasAndSquash(out, hiddenBias.value().data(), batch, hidden);
    }

    /** p(v = 1 | h): {@code out[0 .. batch·visible)} from {@code h[0 .. batch·hidden)}. */
    public void visibleProbabilities(float[] h, int batch, float[] out) {
        MatMul.multiply(h, 0, false, weight.value().data(), 0, true, out, 0, batch, visible, hidden, false);
        Logistic.addBiasAndSquash(out, visibleBias.value().data(), batch, visible);
    }

    /** p(h = 1 | v) for a batch of visible rows: [batch, hidden]. */
    public Tensor hiddenProbabilities(Tensor v) {
        int batch = rows(v, visible, "visible");
        Tensor out = Tensor.zeros(batch, hidden);
        hiddenProbabilities(v.data(), batch, out.data());
        return out;
    }

    /** p(v = 1 | h) for a batch of hidden rows: [batch, visible]. */
    public Tensor visibleProbabilities(Tensor h) {
        int batch = rows(h, hidden, "hidden");
        Tensor out = Tensor.zeros(batch, visible);
        visibleProbabilities(h.data(), batch, out.data());
        return out;
    }

    /**
     * The mean-field reconstruction of a batch, p(v | h = p(h | v)): what the machine makes of an input
     * after one trip up and down without sampling. [batch, visible].
     */
    public Tensor reconstruct(Tensor v) {
        return visibleProbabilities(hiddenProbabilities(v));
    }

    /** F(v) of every row, in double: −v·bv − Σ_j softplus((v·W + bh)_j). */
    public double[] freeEnergy(Tensor v) {
        int batch = rows(v, visible, "visible");
        float[] x = v.data();
        float[] pre = new float[batch * hidden];
        MatMul.multiply(x, false, weight.value().data(), false, pre, batch, hidden, visible, false);
        float[] bv = visibleBias.value().data();
        float[] bh = hiddenBias.value().data();
        double[] energy = new double[batch];
        for (int r = 0; r < batch; r++) {
            double e = 0;
            for (int i = 0; i < visible; i++) {
                e -= (double) x[r * visible + i] * bv[i];
            }
            for (int j = 0; j < hidden; j++) {
                e -= softplus((double) pre[r * hidden + j] + bh[j]);
            }
            energy[r] = e;
        }
        return energy;
    }

    /** log(1 + eˣ) without overflow for large x. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The number of rows of width {@code width} in {@code t}; throws unless its size is a multiple of it. */
    static int rows(Tensor t, int width, String what) {
        if (t.size() % width != 0 || t.shape().rank() < 1) {
            throw new IllegalArgumentException("an RBM with " + width + " " + what + " units reads rows of " + width
                    + " values; got a tensor of shape " + t.shape());
        }
        return t.size() / width;
    }

    @Override
    public String toString() {
        return "Rbm(" + visible + " visible, " + hidden + " hidden)";
    }
}
