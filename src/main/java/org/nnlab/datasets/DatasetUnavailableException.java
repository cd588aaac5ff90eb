package org.nnlab.datasets;

import java.io.IOException;

/**
 * A dataset that is not on disk and could not be fetched. The message says why and exactly which
 * files to put where by hand.
 */
public class DatasetUnavailableException extends IOException {
    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
