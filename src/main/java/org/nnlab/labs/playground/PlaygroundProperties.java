package org.nnlab.labs.playground;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.labs.playground.*}.
 *
 * @param frameMillis  a playing experiment trains one epoch and sends one frame this often (at best)
 * @param maxSessions  experiments open at once on the server; one more is refused ("the server is busy")
 */
@ConfigurationProperties("nnlab.labs.playground")
public record PlaygroundProperties(@DefaultValue("60") long frameMillis,
                                   @DefaultValue("300") int maxSessions) {
    @ConstructorBinding
    public PlaygroundProperties {
        if (frameMillis < 10 || frameMillis > 10_000 || maxSessions < 1) {
            throw new IllegalArgumentException("nnlab.labs.playground settings out of range: " + this);
        }
    }
}
