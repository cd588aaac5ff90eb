package org.nnlab.workshop.classdata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The class dataset of each room in the database (table {@code class_drawing}): who drew which digit, kept
 * as the network input, one byte a pixel like the Draw page's own drawings. One drawing in five of each
 * digit (the 1st, 6th, 11th… by age) is held out for testing; the rest is for training.
 */
@Repository
class ClassDrawings {
    static final int SIDE = Mnist.ROWS;
    /** Every n-th drawing of a digit is held out for testing. */
    static final int HOLD_OUT_EVERY = 5;
    /** At most this many ids in one {@code IN} list. */
    private static final int ID_BATCH = 500;
    private static final String COLUMNS = "id, room_id, participant_id, label, pixels, created_at";

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    ClassDrawings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(String roomId, String participantId, int label, GrayImage input) {
        if (input.width() != SIDE || input.height() != SIDE) {
            throw new IllegalArgumentException("class drawings are kept as the 28×28 input, got " + input.width()
                    + "×" + input.height());
        }
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("a digit label must be 0 to 9, got " + label);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO class_drawing (room_id, participant_id, label, pixels, created_at)"
                        + " VALUES (:room, :participant, :label, :pixels, :created)")
                .param("room", roomId)
                .param("participant", participantId)
                .param("label", label)
                .param("pixels", DrawingCollection.toBytes(input.pixels()))
                .param("created", Timestamp.from(Instant.now(clock)))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** How many drawings the room has of each digit: element d counts digit d. */
    int[] countsByLabel(String roomId) {
        int[] counts = new int[10];
        jdbc.sql("SELECT label, COUNT(*) AS n FROM class_drawing WHERE room_id = :room GROUP BY label")
                .param("room", roomId)
                .query(rs -> {
                    counts[rs.getInt("label")] = rs.getInt("n");
                });
        return counts;
    }

    /** The digit a class has fewest drawings of; among equally few, one chosen by {@code random}. */
    static int fewest(int[] counts, RandomGenerator random) {
        int least = Integer.MAX_VALUE;
        List<Integer> tied = new ArrayList<>();
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] < least) {
                least = counts[d];
                tied.clear();
            }
            if (counts[d] == least) {
                tied.add(d);
            }
        }
        return tied.get(random.nextInt(tied.size()));
    }

    int countOf(String participantId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_drawing WHERE participant_id = :p").param("p", participantId)
                .query(Integer.class).single();
    }

    /** Drawings per participant of the room (participants without any are absent). */
    Map<String, Integer> countsByParticipant(String roomId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT participant_id, COUNT(*) AS n FROM class_drawing WHERE room_id = :room GROUP BY participant_id")
                .param("room", roomId)
                .query(rs -> {
                    counts.put(rs.getString("participant_id"), rs.getInt("n"));
                });
        return counts;
    }

    /** The room's drawings, oldest first. */
    List<ClassDrawing> list(String roomId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM class_drawing WHERE room_id = :room ORDER BY id")
                .param("room", roomId)
                .query(ClassDrawings::drawing)
                .list();
    }

    /** The ids of the room's drawings, oldest first (no pixels read). */
    List<Long> ids(String roomId) {
        return jdbc.sql("SELECT id FROM class_drawing WHERE room_id = :room ORDER BY id")
                .param("room", roomId)
                .query(Long.class)
                .list();
    }

    /** Those of {@code ids} that are drawings of the room, oldest first. */
    List<ClassDrawing> list(String roomId, Collection<Long> ids) {
        List<Long> wanted = List.copyOf(ids);
        List<ClassDrawing> found = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += ID_BATCH) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM class_drawing WHERE room_id = :room AND id IN (:ids)")
                    .param("room", roomId)
                    .param("ids", wanted.subList(from, Math.min(wanted.size(), from + ID_BATCH)))
                    .query(ClassDrawings::drawing)
                    .list());
        }
        found.sort(Comparator.comparingLong(ClassDrawing::id));
        return found;
    }

    private static ClassDrawing drawing(ResultSet rs, int row) throws SQLException {
        return new ClassDrawing(rs.getLong("id"), rs.getString("room_id"), rs.getString("participant_id"),
                rs.getInt("label"), DrawingCollection.toFloats(rs.getBytes("pixels")),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Deletes one of the room's drawings; returns who drew it, or empty when the room has no such drawing. */
    Optional<String> delete(String roomId, long id) {
        Optional<String> author = jdbc.sql("SELECT participant_id FROM class_drawing WHERE room_id = :room AND id = :id")
                .param("room", roomId).param("id", id).query(String.class).optional();
        author.ifPresent(a -> jdbc.sql("DELETE FROM class_drawing WHERE id = :id").param("id", id).update());
        return author;
    }

    /** The room's drawings split for experiments: {@code heldOut} is never trained on. */
    record Split(LabeledImages training, LabeledImages heldOut) {
    }

    Split split(String roomId) {
        return split(list(roomId));
    }

    static Split split(List<ClassDrawing> drawings) {
        int[] seen = new int[10];
        List<ClassDrawing> training = new ArrayList<>();
        List<ClassDrawing> heldOut = new ArrayList<>();
        for (ClassDrawing d : drawings) {
            (seen[d.label()]++ % HOLD_OUT_EVERY == 0 ? heldOut : training).add(d);
        }
        return new Split(images(training), images(heldOut));
    }

    static LabeledImages images(List<ClassDrawing> drawings) {
        int size = SIDE * SIDE;
        float[] pixels = new float[drawings.size() * size];
        int[] labels = new int[drawings.size()];
        for (int i = 0; i < drawings.size(); i++) {
            System.arraycopy(drawings.get(i).pixels(), 0, pixels, i * size, size);
            labels[i] = drawings.get(i).label();
        }
        return new LabeledImages(SIDE, SIDE, pixels, labels);
    }
}
