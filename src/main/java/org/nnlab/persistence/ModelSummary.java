package org.nnlab.persistence;

import java.time.Instant;

/**
 * A saved model as a list shows it, without its weights.
 *
 * @param metrics    JSON object, e.g. {@code {"testAccuracy":0.98,"network":"lenet"}}, or "{}"
 * @param checksum   SHA-256 of the model file, hex
 * @param source     {@code "trained"} or {@code "uploaded"}
 */
public record ModelSummary(String id, String owner, String name, String metrics, Instant createdAt, long sizeBytes,
                           String checksum, String source, long parameters) {
}
