package org.nnlab.engine.model;

import org.nnlab.engine.text.Explained;
import org.nnlab.engine.text.Message;

/** Model, loss and data that do not fit together, found before training starts; says what to change. */
public class TrainerCheckException extends IllegalArgumentException implements Explained {
    private final Message explanation;

    TrainerCheckException(String key, Object... arguments) {
        this(Message.of(key, arguments));
    }

    private TrainerCheckException(Message explanation) {
        super(explanation.english());
        this.explanation = explanation;
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
