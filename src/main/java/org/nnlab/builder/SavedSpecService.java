package org.nnlab.builder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The specs each user keeps from the builder, in table {@code saved_spec}. A spec is validated before it
 * is stored; saving under a name the owner already used replaces that entry.
 */
@Service
public class SavedSpecService {
    /** One stored spec (without its JSON, for listing). */
    public record Entry(String id, String name, Instant createdAt) {
    }

    public static final int MAX_NAME = 120;
    private final JdbcClient jdbc;

    public SavedSpecService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Entry save(String owner, String name, ModelSpec spec) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("a saved network needs a name of 1 to " + MAX_NAME + " characters");
        }
        spec.validate();
        Instant now = Instant.now();
        jdbc.sql("DELETE FROM saved_spec WHERE owner = ? AND name = ?").params(owner, trimmed).update();
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO saved_spec (id, owner, name, spec_json, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, owner, trimmed, spec.toJson(), Timestamp.from(now)).update();
        return new Entry(id, trimmed, now);
    }

    /** The owner's specs, newest first. */
    public List<Entry> list(String owner) {
        return jdbc.sql("SELECT id, name, created_at FROM saved_spec WHERE owner = ? ORDER BY created_at DESC, name")
                .param(owner)
                .query((rs, i) -> new Entry(rs.getString("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The spec with this id if it belongs to {@code owner}; a stored spec that no longer reads throws. */
    public Optional<ModelSpec> load(String owner, String id) {
        return jdbc.sql("SELECT spec_json FROM saved_spec WHERE owner = ? AND id = ?").params(owner, id)
                .query(String.class).optional().map(ModelSpec::fromJson);
    }

    public boolean delete(String owner, String id) {
        return jdbc.sql("DELETE FROM saved_spec WHERE owner = ? AND id = ?").params(owner, id).update() > 0;
    }

    /**
     * Re-reads a JSON text as a spec and validates it, as for any input, refusing text or layers over
     * {@code limits} before parsing or decoding them; the engine's message on failure.
     */
    public static ModelSpec parse(String json, SpecLimits limits) {
        ModelSpec spec = limits.read(json);
        spec.validate();
        return spec;
    }

}
