package org.nnlab.digits;

import java.io.IOException;
import org.nnlab.engine.model.Sequential;

/**
 * A network that reads 28×28 digits ({@code [1, 28, 28]} in, 10 classes out), as offered in the model
 * picker and to the API: a stable {@code id}, a display {@code name} and a way to load a fresh copy.
 * The loader may be called more than once (one copy per thread that classifies at the same time).
 */
public record DigitModel(String id, String name, Loader loader) {
    public DigitModel {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a digit model needs an id");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("digit model '" + id + "' needs a name");
        }
        if (loader == null) {
            throw new IllegalArgumentException("digit model '" + id + "' needs a loader");
        }
    }

    /** Builds a new, independent copy of the network with its trained weights. */
    @FunctionalInterface
    public interface Loader {
        Sequential load() throws IOException;
    }
}
