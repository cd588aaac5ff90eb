package org.nnlab.persistence;

import java.util.List;

/**
 * A model operation refused with a reason a person can act on: a text key (in the {@code train}
 * bundle) with its arguments, and the English gist as the message.
 */
public class ModelStoreException extends RuntimeException {
    private final String messageKey;
    private final List<Object> arguments;

    public ModelStoreException(String messageKey, String englishGist, Object... arguments) {
        super(englishGist);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
