package org.nnlab.engine.rbm;

import java.util.random.RandomGenerator;

/**
 * Where the uniform numbers in [0, 1) come from that turn probabilities into binary samples: a unit is 1
 * where its uniform is below its probability. Normally a seeded generator ({@link #from}), so a run is
 * reproducible; a reference check feeds fixed numbers instead. Consumers document the order in which they
 * ask for them.
 */
@FunctionalInterface
public interface Uniforms {
    /** Writes the next {@code count} uniforms into {@code out[0 .. count)}. */
    void fill(float[] out, int count);

    /** Uniforms drawn from {@code rng}. */
    static Uniforms from(RandomGenerator rng) {
        return (out, count) -> {
            for (int i = 0; i < count; i++) {
                out[i] = rng.nextFloat();
            }
        };
    }
}
