package org.nnlab.engine.data;

import java.io.IOException;

/** An IDX file that cannot be read as the file it claims to be; the message names the file and the problem. */
public class IdxFormatException extends IOException {
    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
