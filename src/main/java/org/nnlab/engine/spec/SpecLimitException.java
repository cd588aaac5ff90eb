package org.nnlab.engine.spec;

import java.util.Locale;
import org.nnlab.engine.text.Message;

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

    public SpecLimitException(Limit limit, long actual, long maximum) {
        super(-1, Message.of(limit == Limit.LAYERS ? "engine.spec.limit.layers" : "engine.spec.limit.characters",
                count(actual), count(maximum)));
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

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
