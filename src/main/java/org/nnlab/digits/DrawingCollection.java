package org.nnlab.digits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.data.LabeledImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each owner's own labelled drawings, in the database (table {@code drawing}): what "Wrong? Tell it"
 * collects, readable back as a training set. Pixels are stored as one byte each, so a value comes back
 * within 1/510 of what was stored.
 */
@Service
public class DrawingCollection {
    public static final int SIZE = 28;
    /** Most drawings one owner can keep; the oldest go first beyond it. */
    public static final int MAX_PER_OWNER = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public DrawingCollection(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    DrawingCollection(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a 28×28 drawing with its true {@code label}; returns its id. */
    @Transactional
    public long add(String owner, GrayImage image, int label, int predicted, String modelId) {
        requireOwner(owner);
        if (image.width() != SIZE || image.height() != SIZE) {
            throw new IllegalArgumentException("drawings are kept as the 28×28 network input, got "
                    + image.width() + "×" + image.height());
        }
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("a digit label must be 0 to 9, got " + label);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO drawing (owner, pixels, label, predicted, model_id, created_at)"
                        + " VALUES (:owner, :pixels, :label, :predicted, :model, :created)")
                .param("owner", owner)
                .param("pixels", toBytes(image.pixels()))
                .param("label", label)
                .param("predicted", predicted >= 0 && predicted <= 9 ? predicted : -1)
                .param("model", modelId)
                .param("created", Timestamp.from(Instant.now(clock)))
                .update(key, "id");
        trim(owner);
        return key.getKeyAs(Number.class).longValue();
    }

    private void trim(String owner) {
        int extra = count(owner) - MAX_PER_OWNER;
        if (extra > 0) {
            List<Long> oldest = jdbc.sql("SELECT id FROM drawing WHERE owner = :owner ORDER BY id")
                    .param("owner", owner).query(Long.class).list().subList(0, extra);
            jdbc.sql("DELETE FROM drawing WHERE id IN (:ids)").param("ids", oldest).update();
        }
    }

    public int count(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM drawing WHERE owner = :owner").param("owner", owner)
                .query(Integer.class).single();
    }

    /** The owner's drawings, oldest first. */
    public List<Drawing> list(String owner) {
        return jdbc.sql("SELECT id, owner, pixels, label, predicted, model_id, created_at FROM drawing"
                        + " WHERE owner = :owner ORDER BY id")
                .param("owner", owner)
                .query((rs, row) -> new Drawing(rs.getLong("id"), rs.getString("owner"),
                        toFloats(rs.getBytes("pixels")), rs.getInt("label"), rs.getInt("predicted"),
                        rs.getString("model_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** How many drawings the owner has of each digit: element d counts label d (10 elements). */
    public int[] countsByLabel(String owner) {
        int[] counts = new int[10];
        jdbc.sql("SELECT label, COUNT(*) AS n FROM drawing WHERE owner = :owner GROUP BY label")
                .param("owner", owner)
                .query(rs -> {
                    int label = rs.getInt("label");
                    if (label >= 0 && label < 10) {
                        counts[label] = rs.getInt("n");
                    }
                });
        return counts;
    }

    /** The owner's newest drawings, newest first, at most {@code limit} of them. */
    public List<Drawing> newest(String owner, int limit) {
        return jdbc.sql("SELECT id, owner, pixels, label, predicted, model_id, created_at FROM drawing"
                        + " WHERE owner = :owner ORDER BY id DESC LIMIT :limit")
                .param("owner", owner)
                .param("limit", Math.max(0, limit))
                .query((rs, row) -> new Drawing(rs.getLong("id"), rs.getString("owner"),
                        toFloats(rs.getBytes("pixels")), rs.getInt("label"), rs.getInt("predicted"),
                        rs.getString("model_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The owner's drawings as a training set of 28×28 images (empty when there are none). */
    public LabeledImages asTrainingSet(String owner) {
        List<Drawing> drawings = list(owner);
        float[] pixels = new float[drawings.size() * SIZE * SIZE];
        int[] labels = new int[drawings.size()];
        for (int i = 0; i < drawings.size(); i++) {
            System.arraycopy(drawings.get(i).pixels(), 0, pixels, i * SIZE * SIZE, SIZE * SIZE);
            labels[i] = drawings.get(i).label();
        }
        return new LabeledImages(SIZE, SIZE, pixels, labels);
    }

    /** Removes one of the owner's drawings; false when the owner has no drawing with that id. */
    public boolean delete(String owner, long id) {
        return jdbc.sql("DELETE FROM drawing WHERE owner = :owner AND id = :id")
                .param("owner", owner).param("id", id).update() > 0;
    }

    /** Removes all of the owner's drawings; returns how many there were. */
    public int deleteAll(String owner) {
        return jdbc.sql("DELETE FROM drawing WHERE owner = :owner").param("owner", owner).update();
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank() || owner.length() > 64) {
            throw new IllegalArgumentException("an owner id of 1 to 64 characters is needed, got " + owner);
        }
    }

    /** Pixels in 0..1 as one byte each (0..255), as the drawings are stored. */
    public static byte[] toBytes(float[] pixels) {
        byte[] b = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            b[i] = (byte) Math.round(Math.clamp(pixels[i], 0f, 1f) * 255f);
        }
        return b;
    }

    /** The inverse of {@link #toBytes}, within 1/510. */
    public static float[] toFloats(byte[] bytes) {
        float[] f = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            f[i] = (bytes[i] & 0xff) / 255f;
        }
        return f;
    }
}
