package org.nnlab.engine.spec;

/**
 * A network description over one of the {@link SpecLimits}: {@link #limit()} names which, with the value
 * received and the limit, so that a page can say it in the reader's language.
 */
public class SpecLimitException extends SpecException {
    /** What was too large. */
    public enum Limit { LAYERS, CHARACTERS }

    private final Limit limit;
    private final long actual;
    private final long maximum;

    public SpecLimitException(Limit limit, long actual, long maximum, String message) {
        super(message);
        this.limit = limit;
        this.actual = actual;
        this.maximum = maximum;
    }

    public Limit limit() {
        return limit;
    }

    public long actual() {
        return actual;
    }

    public long maximum() {
        return maximum;
    }
}
