package org.nnlab.labs.recurrent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.labs.recurrent.*}.
 *
 * @param maxRuns       live runs of the recurrent labs at once on the server; one more is refused ("busy")
 * @param sliceMillis   how long one turn of a run trains before it lets the next piece of work have the worker
 * @param frameMillis   a run sends its page new values at most this often
 * @param maxTextLength characters of a pasted text that are kept
 * @param maxSeconds    a run stops by itself after this long
 */
@ConfigurationProperties("nnlab.labs.recurrent")
public record RecurrentLabProperties(@DefaultValue("100") int maxRuns,
                                     @DefaultValue("60") long sliceMillis,
                                     @DefaultValue("300") long frameMillis,
                                     @DefaultValue("20000") int maxTextLength,
                                     @DefaultValue("600") long maxSeconds) {
    @ConstructorBinding
    public RecurrentLabProperties {
        if (maxRuns < 1 || sliceMillis < 5 || sliceMillis > 1000 || frameMillis < 20 || maxTextLength < 10
                || maxSeconds < 5) {
            throw new IllegalArgumentException("nnlab.labs.recurrent settings out of range: " + this);
        }
    }
}
