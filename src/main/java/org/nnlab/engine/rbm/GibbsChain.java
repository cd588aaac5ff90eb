package org.nnlab.engine.rbm;

import java.util.random.RandomGenerator;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Alternating Gibbs sampling from a trained {@link Rbm}, to see what it has learned: start from noise or
 * from an input and let the machine "dream". A step samples h from p(h | v), then v from p(v | h); the chain
 * continues from the binary v, and {@link #step} returns p(v | h), the smoother picture of the same state.
 * Several chains run side by side as rows. Not thread-safe.
 */
public final class GibbsChain {
    private final Rbm rbm;
    private final Uniforms uniforms;
    private final int chains;
    private final float[] v;
    private final float[] ph;
    private final float[] h;
    private final float[] noise;
    private int steps;

    /** Chains starting at the rows of {@code start} (values in [0, 1], e.g. digits). */
    public GibbsChain(Rbm rbm, Tensor start, Uniforms uniforms) {
        this.rbm = rbm;
        this.uniforms = uniforms;
        this.chains = Rbm.rows(start, rbm.visible(), "visible");
        this.v = start.data().clone();
        this.ph = new float[chains * rbm.hidden()];
        this.h = new float[chains * rbm.hidden()];
        this.noise = new float[chains * Math.max(rbm.visible(), rbm.hidden())];
    }

    /** Chains starting at independent random binary images (each unit on with probability ½). */
    public static GibbsChain fromNoise(Rbm rbm, int chains, RandomGenerator rng) {
        Tensor start = Tensor.zeros(Shape.of(chains, rbm.visible()));
        float[] d = start.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextBoolean() ? 1f : 0f;
        }
        return new GibbsChain(rbm, start, Uniforms.from(rng));
    }

    /** One Gibbs step v → h → v; returns the visible probabilities [chains, visible] (a new tensor). */
    public Tensor step() {
        Tensor pv = Tensor.zeros(Shape.of(chains, rbm.visible()));
        rbm.hiddenProbabilities(v, chains, ph);
        uniforms.fill(noise, ph.length);
        Logistic.sample(ph, noise, h, ph.length);
        rbm.visibleProbabilities(h, chains, pv.data());
        uniforms.fill(noise, v.length);
        Logistic.sample(pv.data(), noise, v, v.length);
        steps++;
        return pv;
    }

    /** Runs {@code n} steps (at least 1) and returns the visible probabilities after the last. */
    public Tensor steps(int n) {
        Tensor pv = step();
        for (int i = 1; i < n; i++) {
            pv = step();
        }
        return pv;
    }

    /** The chains' current binary visible states [chains, visible] (a copy). */
    public Tensor visible() {
        return new Tensor(Shape.of(chains, rbm.visible()), v.clone());
    }

    /** Steps taken so far. */
    public int stepsTaken() {
        return steps;
    }
}
