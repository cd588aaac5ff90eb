package org.nnlab.engine.model;

import java.io.IOException;
import org.nnlab.engine.text.Explained;
import org.nnlab.engine.text.Message;

/** A model file that cannot be read: wrong kind of file, newer format, truncated or corrupted. */
public class ModelFileException extends IOException implements Explained {
    private final Message explanation;

    public ModelFileException(String key, Object... arguments) {
        this(Message.of(key, arguments));
    }

    private ModelFileException(Message explanation) {
        super(explanation.english());
        this.explanation = explanation;
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
