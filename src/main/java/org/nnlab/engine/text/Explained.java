package org.nnlab.engine.text;

/**
 * An engine exception a person can act on: besides its English {@code getMessage()} it carries the
 * keyed {@link Message} that a user interface puts into the reader's language.
 */
public interface Explained {
    Message explanation();
}
