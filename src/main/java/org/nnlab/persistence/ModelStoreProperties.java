package org.nnlab.persistence;

import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.spec.SpecLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.models.*}.
 *
 * @param maxUploadBytes largest model file accepted (upload or save), in bytes
 * @param maxPerOwner    models one owner may keep; more are refused until one is deleted
 * @param maxParameters  largest network (learnable values) a model file may declare; its spec is held to the
 *                       same limits as any other spec read from outside ({@code nnlab.spec.*})
 */
@ConfigurationProperties("nnlab.models")
public record ModelStoreProperties(
        @DefaultValue("33554432") int maxUploadBytes,
        @DefaultValue("50") int maxPerOwner,
        @DefaultValue("5000000") long maxParameters) {

    public ModelStoreProperties {
        if (maxUploadBytes < 1024 || maxPerOwner < 1 || maxParameters < 1) {
            throw new IllegalArgumentException("nnlab.models settings out of range: " + this);
        }
    }

    /** The defaults, for code that runs without Spring. */
    public static ModelStoreProperties defaults() {
        return new ModelStoreProperties(32 * 1024 * 1024, 50, 5_000_000);
    }

    ModelFileLimits fileLimits(SpecLimits spec) {
        return new ModelFileLimits(maxParameters, spec);
    }
}
