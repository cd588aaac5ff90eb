package org.nnlab.engine.data;

import java.io.IOException;
import org.nnlab.engine.text.Explained;
import org.nnlab.engine.text.Message;

/** An IDX file that cannot be read as the file it claims to be; the explanation names the file and the problem. */
public class IdxFormatException extends IOException implements Explained {
    private final Message explanation;

    public IdxFormatException(String key, Object... arguments) {
        this(null, Message.of(key, arguments));
    }

    /** {@code cause}: the lower-level failure, kept for the log. */
    public IdxFormatException(Throwable cause, String key, Object... arguments) {
        this(cause, Message.of(key, arguments));
    }

    private IdxFormatException(Throwable cause, Message explanation) {
        super(explanation.english(), cause);
        this.explanation = explanation;
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
