package org.nnlab.engine.model;

import java.io.IOException;

/** A model file that cannot be read: wrong kind of file, newer format, truncated or corrupted. */
public class ModelFileException extends IOException {
    public ModelFileException(String message) {
        super(message);
    }
}
