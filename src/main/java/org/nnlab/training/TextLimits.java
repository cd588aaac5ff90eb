package org.nnlab.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.training.text.*}: how long a text people paste to train a character model
 * on may be.
 *
 * @param minChars the fewest characters (a shorter text has too few different windows to learn from)
 * @param maxChars the most characters (the text is kept with the run and shown back)
 */
@ConfigurationProperties("nnlab.training.text")
public record TextLimits(@DefaultValue("200") int minChars, @DefaultValue("20000") int maxChars) {
    public TextLimits {
        if (minChars < 2 || maxChars < minChars || maxChars > 1_000_000) {
            throw new IllegalArgumentException("nnlab.training.text: need 2 <= min-chars <= max-chars <= 1000000, got "
                    + minChars + " and " + maxChars);
        }
    }
}
