package org.nnlab.persistence;

import org.nnlab.base.i18n.LocalizedException;

/** A model operation refused with a reason a person can act on (a text key in the {@code train} bundle with its arguments). */
public class ModelStoreException extends LocalizedException {
    public ModelStoreException(String messageKey, String englishGist, Object... arguments) {
        super(messageKey, englishGist, arguments);
    }
}
