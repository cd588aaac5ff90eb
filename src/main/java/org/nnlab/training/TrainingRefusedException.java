package org.nnlab.training;

import org.nnlab.base.i18n.LocalizedException;

/** A request the service will not carry out (a text key in the {@code train} bundle with its arguments). */
public class TrainingRefusedException extends LocalizedException {
    public TrainingRefusedException(String messageKey, String englishGist, Object... arguments) {
        super(messageKey, englishGist, arguments);
    }
}
