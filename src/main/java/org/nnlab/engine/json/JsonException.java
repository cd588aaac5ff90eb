package org.nnlab.engine.json;

import org.nnlab.engine.text.Explained;
import org.nnlab.engine.text.Message;

/** Text that is not JSON, or a value that cannot be written as JSON; the explanation says which and where. */
public class JsonException extends IllegalArgumentException implements Explained {
    private final Message explanation;

    public JsonException(String key, Object... arguments) {
        this(Message.of(key, arguments));
    }

    private JsonException(Message explanation) {
        super(explanation.english());
        this.explanation = explanation;
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
