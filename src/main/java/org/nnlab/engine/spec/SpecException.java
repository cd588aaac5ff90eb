package org.nnlab.engine.spec;

import org.nnlab.engine.text.Explained;
import org.nnlab.engine.text.Message;

/**
 * A network description that cannot be built. The explanation names the layer (index and kind), what it
 * expected, the value it got and a likely fix, in plain words, as a keyed {@link Message} (the English
 * text is the exception's message); {@link #layerIndex()} is -1 when the problem is not in one layer.
 */
public class SpecException extends IllegalArgumentException implements Explained {
    private final int layerIndex;
    private final Message explanation;

    /** A problem not tied to one layer: the text {@code key} of the engine bundle with its arguments. */
    public SpecException(String key, Object... arguments) {
        this(-1, Message.of(key, arguments));
    }

    public SpecException(int layerIndex, Message explanation) {
        super(explanation.english());
        this.layerIndex = layerIndex;
        this.explanation = explanation;
    }

    public int layerIndex() {
        return layerIndex;
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
