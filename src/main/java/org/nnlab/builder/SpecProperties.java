package org.nnlab.builder;

import org.nnlab.engine.spec.SpecLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.spec.*}: how large a network description the pages accept from a link
 * ({@code build?spec=}, {@code train?spec=}), from pasted JSON and from the builder's own editing.
 *
 * @param maxLayers    most layers in one network
 * @param maxJsonChars most characters of a network's JSON (a link carries about 4/3 as many)
 */
@ConfigurationProperties("nnlab.spec")
public record SpecProperties(
        @DefaultValue("100") int maxLayers,
        @DefaultValue("200000") int maxJsonChars) {

    public SpecProperties {
        limits(maxLayers, maxJsonChars);
    }

    public SpecLimits limits() {
        return limits(maxLayers, maxJsonChars);
    }

    private static SpecLimits limits(int maxLayers, int maxJsonChars) {
        try {
            return new SpecLimits(maxLayers, maxJsonChars);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nnlab.spec settings out of range: " + e.getMessage(), e);
        }
    }
}
