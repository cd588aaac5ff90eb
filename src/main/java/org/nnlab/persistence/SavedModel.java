package org.nnlab.persistence;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code saved_model}: one kept model with its weights. {@code createdAt} is UTC;
 * {@code modelFile} is the engine's model file (spec and weights, CRC-checked), {@code specJson} the
 * same spec as readable JSON, {@code metrics} a small JSON object.
 */
@Table
record SavedModel(@Id String id, String owner, String name, String specJson, byte[] modelFile, String metrics,
                  LocalDateTime createdAt, Long sizeBytes, String checksum, String source, Long parameters) {
}
