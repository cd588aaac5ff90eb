package org.nnlab.training;

import java.io.Serializable;
import java.util.UUID;

/** A training job's identity: a random UUID (from a SecureRandom), so nobody can guess another person's job. */
public record JobId(String value) implements Serializable {
    public JobId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a job id cannot be empty");
        }
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
