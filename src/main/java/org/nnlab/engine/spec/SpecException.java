package org.nnlab.engine.spec;

/**
 * A network description that cannot be built. The message names the layer (index and kind), what it
 * expected, the value it got and a likely fix, in plain words; {@link #layerIndex()} is -1 when the
 * problem is not in one layer.
 */
public class SpecException extends IllegalArgumentException {
    private final int layerIndex;

    public SpecException(String message) {
        this(-1, message);
    }

    public SpecException(int layerIndex, String message) {
        super(message);
        this.layerIndex = layerIndex;
    }

    public int layerIndex() {
        return layerIndex;
    }
}
