package org.nnlab.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.text.Message;
import org.nnlab.onnx.OnnxException;
import org.nnlab.onnx.OnnxModel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The models people keep, in the database: save after training, list, rename, delete, download, and
 * upload a model file from elsewhere. Every call names the owner and only ever sees that owner's rows.
 * Whatever is stored has been read back by the engine first (magic, version, length, CRC32, spec and
 * weight shapes, and the spec against {@code nnlab.models.*} before the network is built), so a bad file
 * is refused with a reason and changes nothing.
 * <p>
 * A save returns once its transaction is committed: the per-owner limit is checked and the row inserted
 * under a lock on the owner's {@code model_owner} row, so concurrent saves cannot pass the limit together.
 */
@Service
public class ModelStore {
    public static final int MAX_NAME_LENGTH = 120;
    private static final String SUMMARY_COLUMNS =
            "id, owner, name, metrics, created_at, size_bytes, checksum, source, parameters";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ModelStoreProperties limits;
    private final ModelFileLimits fileLimits;

    public ModelStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, ModelStoreProperties limits,
                      SpecLimits specLimits) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.limits = limits;
        this.fileLimits = limits.fileLimits(specLimits);
    }

    /** Keeps a trained model; {@code metricsJson} is a JSON object (or null). Returns once it is committed. */
    public ModelSummary save(String owner, String name, byte[] modelFile, String metricsJson) {
        return store(owner, cleanName(name), modelFile, metricsJson, "trained");
    }

    /**
     * Reads an uploaded model file (at most {@code nnlab.models.max-upload-bytes}) and keeps it under
     * {@code fileName} without its {@code .nnm} or {@code .onnx} extension, cut to {@value #MAX_NAME_LENGTH}
     * characters. A file named {@code *.onnx} is read as ONNX, within the same limits, and kept as our model file.
     *
     * @throws ModelStoreException when the file is too large, not a model file, damaged, or its spec invalid
     */
    public ModelSummary upload(String owner, String fileName, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(limits.maxUploadBytes());
        if (bytes.length == limits.maxUploadBytes() && in.read() != -1) {
            throw tooLarge();
        }
        if (fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            requireOwner(owner);
            bytes = ModelFile.toBytes(fromOnnx(bytes));
        }
        return store(owner, uploadName(fileName), bytes, "{}", "uploaded");
    }

    private Sequential fromOnnx(byte[] bytes) {
        try {
            return OnnxModel.fromBytes(bytes, fileLimits);
        } catch (OnnxException e) {
            throw new ModelStoreException("train.models.error.badFile", e.getMessage(), e.explanation());
        } catch (RuntimeException e) {
            throw new ModelStoreException("train.models.error.badFile", "the ONNX model is invalid: " + e.getMessage(),
                    Message.explain(e));
        }
    }

    /**
     * The model as an ONNX file, with its name, metrics, source and creation time in the file's metadata; empty
     * when not the owner's.
     */
    public Optional<byte[]> downloadOnnx(String owner, String id) {
        return find(owner, id).flatMap(m -> load(owner, id).map(model -> OnnxModel.toBytes(model, Map.of(
                OnnxModel.MODEL_NAME, m.name(), "nnlab.metrics", m.metrics(), "nnlab.source", m.source(),
                "nnlab.created_at", m.createdAt().toString()))));
    }

    private ModelStoreException tooLarge() {
        return new ModelStoreException("train.models.error.tooLarge", "the model file is larger than the limit of "
                + limits.maxUploadBytes() + " bytes", limits.maxUploadBytes() / (1024 * 1024));
    }

    /** The largest model file accepted, in bytes. */
    public int maxUploadBytes() {
        return limits.maxUploadBytes();
    }

    private ModelSummary store(String owner, String name, byte[] modelFile, String metricsJson, String source) {
        requireOwner(owner);
        if (modelFile.length > limits.maxUploadBytes()) {
            throw tooLarge();
        }
        Sequential model = read(modelFile, fileLimits);
        long parameters = model.params().stream().mapToLong(p -> p.value().size()).sum();
        ModelSummary row = new ModelSummary(UUID.randomUUID().toString(), owner, name,
                metricsJson == null || metricsJson.isBlank() ? "{}" : metricsJson,
                Instant.now(), modelFile.length, sha256(modelFile),
                source, parameters);
        String specJson = model.spec().toJson();
        addOwner(owner);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT owner FROM model_owner WHERE owner = :owner FOR UPDATE").param("owner", owner)
                    .query(String.class).single();
            long count = jdbc.sql("SELECT COUNT(*) FROM saved_model WHERE owner = :owner").param("owner", owner)
                    .query(Long.class).single();
            if (count >= limits.maxPerOwner()) {
                throw new ModelStoreException("train.models.error.tooMany",
                        "you already keep " + count + " models; delete one first", limits.maxPerOwner());
            }
            insert(row, specJson, modelFile);
        });
        return row;
    }

    /** Makes sure the owner has a lock row; two first saves at once may both try, and one insert then fails. */
    private void addOwner(String owner) {
        try {
            jdbc.sql("INSERT INTO model_owner (owner) SELECT :owner WHERE NOT EXISTS"
                    + " (SELECT 1 FROM model_owner WHERE owner = :owner)").param("owner", owner).update();
        } catch (DuplicateKeyException e) {
            // the other save added it, which is all this needs
        }
    }

    private void insert(ModelSummary m, String specJson, byte[] modelFile) {
        jdbc.sql("INSERT INTO saved_model (id, owner, name, spec_json, model_file, metrics, created_at, size_bytes,"
                        + " checksum, source, parameters) VALUES (:id, :owner, :name, :spec, :file, :metrics, :created,"
                        + " :size, :checksum, :source, :parameters)")
                .param("id", m.id()).param("owner", m.owner()).param("name", m.name()).param("spec", specJson)
                .param("file", modelFile).param("metrics", m.metrics())
                .param("created", LocalDateTime.ofInstant(m.createdAt(), ZoneOffset.UTC))
                .param("size", m.sizeBytes()).param("checksum", m.checksum()).param("source", m.source())
                .param("parameters", m.parameters())
                .update();
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
        return jdbc.sql("SELECT model_file FROM saved_model WHERE owner = :owner AND id = :id")
                .param("owner", owner).param("id", id).query((rs, row) -> rs.getBytes(1)).optional();
    }

    /** The model ready to run (e.g. for the Draw view); empty when not the owner's. */
    public Optional<Sequential> load(String owner, String id) {
        return download(owner, id).map(bytes -> read(bytes, ModelFileLimits.LENGTH_ONLY));
    }

    /** Returns false when the owner has no model with this id. */
    public boolean rename(String owner, String id, String name) {
        requireOwner(owner);
        return jdbc.sql("UPDATE saved_model SET name = :name WHERE id = :id AND owner = :owner")
                .param("name", cleanName(name)).param("id", id).param("owner", owner).update() == 1;
    }

    /** Returns false when the owner has no model with this id. */
    public boolean delete(String owner, String id) {
        requireOwner(owner);
        return jdbc.sql("DELETE FROM saved_model WHERE id = :id AND owner = :owner")
                .param("id", id).param("owner", owner).update() == 1;
    }

    /** {@link #fileName} with the {@code .onnx} extension. */
    public static String onnxFileName(ModelSummary model) {
        return fileName(model).replaceFirst("\\.nnm$", ".onnx");
    }

    /** A file name for a download: the model's name made safe, with the {@code .nnm} extension. */
    public static String fileName(ModelSummary model) {
        String base = model.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "model" : base) + ".nnm";
    }

    private static Sequential read(byte[] bytes, ModelFileLimits limits) {
        try {
            return ModelFile.fromBytes(bytes, limits);
        } catch (ModelFileException e) {
            throw new ModelStoreException("train.models.error.badFile", e.getMessage(), e.explanation());
        } catch (RuntimeException e) {
            throw new ModelStoreException("train.models.error.badFile", "the model in the file is invalid: "
                    + e.getMessage(), Message.explain(e));
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

    /**
     * The name an uploaded file is kept under: without its {@code .nnm} extension and cut to
     * {@value #MAX_NAME_LENGTH} characters (never inside a surrogate pair), or "model" when nothing is left.
     */
    static String uploadName(String fileName) {
        String n = fileName == null ? "" : fileName.strip().replaceFirst("(?i)\\.(nnm|onnx)$", "").strip();
        if (n.length() > MAX_NAME_LENGTH) {
            int end = Character.isHighSurrogate(n.charAt(MAX_NAME_LENGTH - 1)) ? MAX_NAME_LENGTH - 1 : MAX_NAME_LENGTH;
            n = n.substring(0, end).strip();
        }
        return n.isEmpty() ? "model" : n;
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

    private static ModelSummary mapSummary(ResultSet rs, int row) throws SQLException {
        return new ModelSummary(rs.getString("id"), rs.getString("owner"), rs.getString("name"),
                rs.getString("metrics"), rs.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                rs.getLong("size_bytes"), rs.getString("checksum"), rs.getString("source"), rs.getLong("parameters"));
    }
}
