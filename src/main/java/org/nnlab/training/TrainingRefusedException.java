package org.nnlab.training;

import java.util.List;

/**
 * A request the service will not carry out, with a text key (in the {@code train} bundle) and its
 * arguments so the view can say why in the user's language. The message is the English gist for logs.
 */
public class TrainingRefusedException extends RuntimeException {
    private final String messageKey;
    private final List<Object> arguments;

    public TrainingRefusedException(String messageKey, String englishGist, Object... arguments) {
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
