package org.nnlab.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.model.Sequential;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The models people keep, in the database: save after training, list, rename, delete, download, and
 * upload a model file from elsewhere. Every call names the owner and only ever sees that owner's rows.
 * Whatever is stored has been read back by the engine first (magic, version, length, CRC32, spec and
 * weight shapes), so a bad file is refused with a reason and changes nothing.
 */
@Service
public class ModelStore {
    public static final int MAX_NAME_LENGTH = 120;
    private static final String SUMMARY_COLUMNS =
            "id, owner, name, metrics, created_at, size_bytes, checksum, source, parameters";

    private final SavedModelRepository repository;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcClient jdbc;
    private final int maxBytes;
    private final int maxPerOwner;

    public ModelStore(SavedModelRepository repository, JdbcAggregateTemplate aggregates, JdbcClient jdbc,
                      @Value("${nnlab.models.max-upload-bytes:33554432}") int maxBytes,
                      @Value("${nnlab.models.max-per-owner:50}") int maxPerOwner) {
        this.repository = repository;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
        this.maxPerOwner = maxPerOwner;
    }

    /** Keeps a trained model; {@code metricsJson} is a JSON object (or null). */
    @Transactional
    public ModelSummary save(String owner, String name, byte[] modelFile, String metricsJson) {
        return store(owner, name, modelFile, metricsJson, "trained");
    }

    /**
     * Reads an uploaded model file (at most {@code nnlab.models.max-upload-bytes}) and keeps it.
     *
     * @throws ModelStoreException when the file is too large, not a model file, damaged, or its spec invalid
     */
    @Transactional
    public ModelSummary upload(String owner, String name, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes);
        if (bytes.length == maxBytes && in.read() != -1) {
            throw new ModelStoreException("train.models.error.tooLarge",
                    "the file is larger than the limit of " + maxBytes + " bytes", maxBytes / (1024 * 1024));
        }
        return store(owner, name, bytes, "{}", "uploaded");
    }

    private ModelSummary store(String owner, String name, byte[] modelFile, String metricsJson, String source) {
        requireOwner(owner);
        String cleanName = cleanName(name);
        Sequential model = read(modelFile);
        long count = jdbc.sql("SELECT COUNT(*) FROM saved_model WHERE owner = :owner").param("owner", owner)
                .query(Long.class).single();
        if (count >= maxPerOwner) {
            throw new ModelStoreException("train.models.error.tooMany",
                    "you already keep " + count + " models; delete one first", maxPerOwner);
        }
        long parameters = model.params().stream().mapToLong(p -> p.value().size()).sum();
        SavedModel row = new SavedModel(UUID.randomUUID().toString(), owner, cleanName, model.spec().toJson(),
                modelFile, metricsJson == null || metricsJson.isBlank() ? "{}" : metricsJson,
                LocalDateTime.now(ZoneOffset.UTC), (long) modelFile.length, sha256(modelFile), source, parameters);
        aggregates.insert(row);
        return summary(row);
    }

    /** The owner's models, newest first, without weights. */
    public List<ModelSummary> list(String owner) {
        requireOwner(owner);
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM saved_model WHERE owner = :owner ORDER BY created_at DESC, id")
                .param("owner", owner).query(ModelStore::mapSummary).list();
    }

    /** A summary together with the model's spec JSON (to filter by shape without reading weights). */
    public record SummaryWithSpec(ModelSummary summary, String specJson) {
    }

    /** The owner's models with their specs, newest first. */
    public List<SummaryWithSpec> listWithSpecs(String owner) {
        requireOwner(owner);
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", spec_json FROM saved_model WHERE owner = :owner"
                        + " ORDER BY created_at DESC, id")
                .param("owner", owner)
                .query((rs, row) -> new SummaryWithSpec(mapSummary(rs, row), rs.getString("spec_json"))).list();
    }

    public Optional<ModelSummary> find(String owner, String id) {
        requireOwner(owner);
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM saved_model WHERE owner = :owner AND id = :id")
                .param("owner", owner).param("id", id).query(ModelStore::mapSummary).optional();
    }

    /** The model file as saved (spec and weights), e.g. for a download; empty when not the owner's. */
    public Optional<byte[]> download(String owner, String id) {
        requireOwner(owner);
        return repository.findByIdAndOwner(id, owner).map(SavedModel::modelFile);
    }

    /** The model ready to run (e.g. for the Draw view); empty when not the owner's. */
    public Optional<Sequential> load(String owner, String id) {
        return download(owner, id).map(ModelStore::read);
    }

    /** Returns false when the owner has no model with this id. */
    @Transactional
    public boolean rename(String owner, String id, String name) {
        requireOwner(owner);
        return repository.rename(id, owner, cleanName(name)) == 1;
    }

    /** Returns false when the owner has no model with this id. */
    @Transactional
    public boolean delete(String owner, String id) {
        requireOwner(owner);
        return repository.deleteOwned(id, owner) == 1;
    }

    /** A file name for a download: the model's name made safe, with the {@code .nnm} extension. */
    public static String fileName(ModelSummary model) {
        String base = model.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "model" : base) + ".nnm";
    }

    private static Sequential read(byte[] bytes) {
        try {
            return ModelFile.fromBytes(bytes);
        } catch (ModelFileException e) {
            throw new ModelStoreException("train.models.error.badFile", e.getMessage(), e.getMessage());
        } catch (RuntimeException e) {
            throw new ModelStoreException("train.models.error.badFile", "the model in the file is invalid: "
                    + e.getMessage(), String.valueOf(e.getMessage()));
        }
    }

    private static String cleanName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
            throw new ModelStoreException("train.models.error.name",
                    "a model name needs 1 to " + MAX_NAME_LENGTH + " characters", MAX_NAME_LENGTH);
        }
        return n;
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank() || owner.length() > 64) {
            throw new IllegalArgumentException("a model owner must be 1 to 64 characters, got " + owner);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static ModelSummary summary(SavedModel m) {
        return new ModelSummary(m.id(), m.owner(), m.name(), m.metrics(), m.createdAt().toInstant(ZoneOffset.UTC),
                m.sizeBytes(), m.checksum(), m.source(), m.parameters());
    }

    private static ModelSummary mapSummary(ResultSet rs, int row) throws SQLException {
        return new ModelSummary(rs.getString("id"), rs.getString("owner"), rs.getString("name"),
                rs.getString("metrics"), rs.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                rs.getLong("size_bytes"), rs.getString("checksum"), rs.getString("source"), rs.getLong("parameters"));
    }
}
