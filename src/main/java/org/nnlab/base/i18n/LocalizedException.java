package org.nnlab.base.i18n;

import java.util.List;

/**
 * A refusal or failure a person can act on: a text key in the bundles with its arguments, so the UI
 * and the HTTP API can say it in the user's language; the message is the English gist for logs.
 * Views let it propagate: {@code UiErrorHandler} shows it, once, in one place.
 */
public class LocalizedException extends RuntimeException {
    private final String messageKey;
    private final List<Object> arguments;

    public LocalizedException(String messageKey, String englishGist, Object... arguments) {
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
