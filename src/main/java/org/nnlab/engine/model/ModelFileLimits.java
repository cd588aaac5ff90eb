package org.nnlab.engine.model;

import org.nnlab.engine.spec.SpecLimits;

/**
 * The largest model a {@link ModelFile} may declare, checked against the spec before anything is built.
 * Whatever the limits, a file must also hold the bytes its spec declares: a short file that promises a
 * large network is refused before the network exists.
 *
 * @param maxParameters learnable values (weights and biases) over all layers
 * @param spec          how large the spec itself may be (layers, characters), as for any spec read from outside
 */
public record ModelFileLimits(long maxParameters, SpecLimits spec) {
    /** No parameter limit beyond the file's own length, and the default spec limits (for files this program wrote). */
    public static final ModelFileLimits LENGTH_ONLY = new ModelFileLimits(Long.MAX_VALUE, SpecLimits.DEFAULT);

    public ModelFileLimits {
        if (maxParameters < 1 || spec == null) {
            throw new IllegalArgumentException("model file limits need maxParameters >= 1 and spec limits, got maxParameters="
                    + maxParameters + ", spec=" + spec);
        }
    }
}
