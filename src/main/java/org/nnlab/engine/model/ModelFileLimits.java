package org.nnlab.engine.model;

/**
 * The largest model a {@link ModelFile} may declare, checked against the spec before anything is built.
 * Whatever the limits, a file must also hold the bytes its spec declares: a short file that promises a
 * large network is refused before the network exists.
 *
 * @param maxParameters learnable values (weights and biases) over all layers
 * @param maxLayers     layers in the spec
 */
public record ModelFileLimits(long maxParameters, int maxLayers) {
    /** No limit beyond the file's own length (for files this program wrote itself). */
    public static final ModelFileLimits LENGTH_ONLY = new ModelFileLimits(Long.MAX_VALUE, Integer.MAX_VALUE);

    public ModelFileLimits {
        if (maxParameters < 1 || maxLayers < 1) {
            throw new IllegalArgumentException("model file limits must be positive, got maxParameters="
                    + maxParameters + ", maxLayers=" + maxLayers);
        }
    }
}
