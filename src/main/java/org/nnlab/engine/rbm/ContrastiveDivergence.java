package org.nnlab.engine.rbm;

import java.util.List;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.tensor.MatMul;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Trains an {@link Rbm} by contrastive divergence (CD-k) or persistent contrastive divergence (PCD-k).
 * <p>
 * For a batch v0 [b, visible]: the positive phase is ph0 = p(h | v0). The negative chain runs k Gibbs steps:
 * sample h_j where its uniform is below ph_j, pv = p(v | h_j), v_{j+1} = pv or (when visible units are
 * sampled) a binary sample of it, ph_{j+1} = p(h | v_{j+1}). CD starts the chain at v0 and reuses the data's
 * hidden sample as its first; PCD keeps {@code batchSize} chains that continue from one update to the next
 * (started from the first batch). The log-likelihood gradient is estimated as
 * dW = v0ᵀ·ph0 / b − v_kᵀ·ph_k / chains, dbv = mean(v0) − mean(v_k), dbh = mean(ph0) − mean(ph_k);
 * an update ascends it with SGD: momentum on all parameters, weight decay on the weights only.
 * <p>
 * Randomness comes only from the {@link Uniforms}, requested in this order: first [b, hidden] for the
 * data's hidden sample h0 (which the reconstruction p(v | h0) uses), then per chain step the hidden
 * sample [chains, hidden] and, when visible units are sampled, the visible sample [chains, visible]. For CD
 * the chain's first hidden sample is h0 itself and asks for no further numbers. Not thread-safe; the
 * matrix products use {@link MatMul} on the threads {@code Parallelism} allows.
 */
public final class ContrastiveDivergence {
    private final Rbm rbm;
    private final RbmConfig config;
    private final Uniforms uniforms;
    private final Sgd weightUpdate;
    private final Sgd biasUpdate;
    private final int nv;
    private final int nh;
    private int rows = -1;
    private int chains = -1;
    private float[] ph0;
    private float[] pv1;
    private float[] hSample;
    private float[] chainV;
    private float[] chainPh;
    private float[] noise;
    private float[] stackV;
    private float[] stackH;
    private float[] persistentV;
    private Tensor[] views;

    public ContrastiveDivergence(Rbm rbm, RbmConfig config, Uniforms uniforms) {
        this.rbm = rbm;
        this.config = config;
        this.uniforms = uniforms;
        this.nv = rbm.visible();
        this.nh = rbm.hidden();
        this.weightUpdate = new Sgd(config.learningRate(), config.momentum(), config.weightDecay());
        this.biasUpdate = new Sgd(config.learningRate(), config.momentum(), 0);
    }

    public Rbm rbm() {
        return rbm;
    }

    public RbmConfig config() {
        return config;
    }

    /** One update: {@link #gradient} on the batch, then the parameter step. */
    public CdStep update(Tensor v0) {
        CdStep step = gradient(v0);
        weightUpdate.step(List.of(rbm.weight()));
        biasUpdate.step(List.of(rbm.visibleBias(), rbm.hiddenBias()));
        return step;
    }

    /**
     * Runs the positive phase and the negative chain on {@code v0} (rows of {@code visible} values) and
     * writes the gradients into the RBM's parameters (overwriting them); the parameters are not changed.
     */
    public CdStep gradient(Tensor v0) {
        int b = Rbm.rows(v0, nv, "visible");
        int c = config.persistent() ? config.batchSize() : b;
        ensureBuffers(b, c);
        float[] x = v0.data();
        rbm.hiddenProbabilities(x, b, ph0);
        sample(ph0, b * nh, hSample);
        rbm.visibleProbabilities(hSample, b, pv1);
        double recon = meanSquaredDifference(x, pv1, b * nv);
        int steps = config.gibbsSteps();
        if (config.persistent()) {
            startPersistentChains(x, b);
            rbm.hiddenProbabilities(chainV, c, chainPh);
        } else {
            System.arraycopy(pv1, 0, chainV, 0, b * nv);
            finishStep(c);
            steps--;
        }
        for (int j = 0; j < steps; j++) {
            sample(chainPh, c * nh, hSample);
            rbm.visibleProbabilities(hSample, c, chainV);
            finishStep(c);
        }
        if (config.persistent()) {
            System.arraycopy(chainV, 0, persistentV, 0, c * nv);
        }
        accumulateGradients(x, b, c);
        return new CdStep(views[0], views[1], views[2], views[3], recon);
    }

    /** Samples the chain's visible units when configured, then its hidden probabilities. */
    private void finishStep(int c) {
        if (config.sampleVisible()) {
            sample(chainV, c * nv, chainV);
        }
        rbm.hiddenProbabilities(chainV, c, chainPh);
    }

    private void startPersistentChains(float[] x, int b) {
        if (persistentV == null) {
            persistentV = new float[chains * nv];
            for (int r = 0; r < chains; r++) {
                System.arraycopy(x, (r % b) * nv, persistentV, r * nv, nv);
            }
        }
        System.arraycopy(persistentV, 0, chainV, 0, chains * nv);
    }

    /** Gradients of −log-likelihood: the data rows weigh −1/b, the chain rows +1/chains. */
    private void accumulateGradients(float[] x, int b, int c) {
        System.arraycopy(x, 0, stackV, 0, b * nv);
        System.arraycopy(chainV, 0, stackV, b * nv, c * nv);
        float pos = -1f / b;
        float neg = 1f / c;
        for (int i = 0; i < b * nh; i++) {
            stackH[i] = ph0[i] * pos;
        }
        for (int i = 0; i < c * nh; i++) {
            stackH[b * nh + i] = chainPh[i] * neg;
        }
        MatMul.multiply(stackV, true, stackH, false, rbm.weight().grad().data(), nv, nh, b + c, false);
        float[] gv = rbm.visibleBias().grad().data();
        float[] gh = rbm.hiddenBias().grad().data();
        java.util.Arrays.fill(gv, 0f);
        java.util.Arrays.fill(gh, 0f);
        for (int r = 0; r < b + c; r++) {
            float scale = r < b ? pos : neg;
            for (int i = 0; i < nv; i++) {
                gv[i] += stackV[r * nv + i] * scale;
            }
            for (int j = 0; j < nh; j++) {
                gh[j] += stackH[r * nh + j];
            }
        }
    }

    private void sample(float[] p, int count, float[] out) {
        uniforms.fill(noise, count);
        Logistic.sample(p, noise, out, count);
    }

    private static double meanSquaredDifference(float[] a, float[] b, int count) {
        double s = 0;
        for (int i = 0; i < count; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / count;
    }

    /** Buffers sized exactly for b data rows and c chains (the last batch of an epoch may be smaller). */
    private void ensureBuffers(int b, int c) {
        if (b == rows && c == chains) {
            return;
        }
        rows = b;
        chains = c;
        ph0 = new float[b * nh];
        pv1 = new float[b * nv];
        hSample = new float[Math.max(b, c) * nh];
        chainV = new float[c * nv];
        chainPh = new float[c * nh];
        noise = new float[Math.max(b, c) * Math.max(nv, nh)];
        stackV = new float[(b + c) * nv];
        stackH = new float[(b + c) * nh];
        views = new Tensor[] {new Tensor(Shape.of(b, nh), ph0), new Tensor(Shape.of(b, nv), pv1),
                new Tensor(Shape.of(c, nv), chainV), new Tensor(Shape.of(c, nh), chainPh)};
    }
}
