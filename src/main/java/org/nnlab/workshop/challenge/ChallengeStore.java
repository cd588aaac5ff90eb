package org.nnlab.workshop.challenge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Challenges and their entries in the database (tables {@code challenge} and {@code challenge_entry}). */
@Repository
class ChallengeStore {
    /** Separates a refusal's arguments in one column (they are numbers and times, never this character). */
    private static final String ARG_SEPARATOR = "\u001f";
    private static final String ENTRY_COLUMNS = "id, challenge_id, participant_id, job_id, accepted, reason_key,"
            + " reason_args, accuracy, parameters, network, spec_json, finished_at";

    private final JdbcClient jdbc;

    ChallengeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new challenge for the room; one still open there is closed first. */
    @Transactional
    Challenge start(String roomId, Challenge.Objective objective, long maxParameters, int maxEpochs, int minutes,
                    Instant now) {
        jdbc.sql("UPDATE challenge SET stopped_at = :now WHERE room_id = :room AND stopped_at IS NULL AND ends_at > :now")
                .param("now", Timestamp.from(now)).param("room", roomId).update();
        Challenge c = new Challenge(UUID.randomUUID().toString(), roomId, objective, maxParameters, maxEpochs, minutes,
                now, now.plusSeconds(60L * minutes), null, null);
        jdbc.sql("INSERT INTO challenge (id, room_id, objective, max_parameters, max_epochs, minutes, started_at, ends_at)"
                        + " VALUES (:id, :room, :objective, :params, :epochs, :minutes, :started, :ends)")
                .param("id", c.id()).param("room", roomId).param("objective", objective.name())
                .param("params", maxParameters).param("epochs", maxEpochs).param("minutes", minutes)
                .param("started", Timestamp.from(now)).param("ends", Timestamp.from(c.endsAt()))
                .update();
        return c;
    }

    void stop(String challengeId, Instant now) {
        jdbc.sql("UPDATE challenge SET stopped_at = :now WHERE id = :id AND stopped_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", challengeId).update();
    }

    void reveal(String challengeId, Long entryId) {
        jdbc.sql("UPDATE challenge SET revealed_entry = :entry WHERE id = :id")
                .param("entry", entryId).param("id", challengeId).update();
    }

    /** The room's newest challenge, open or not. */
    Optional<Challenge> latest(String roomId) {
        return jdbc.sql("SELECT * FROM challenge WHERE room_id = :room ORDER BY started_at DESC, id LIMIT 1")
                .param("room", roomId)
                .query((rs, n) -> challenge(rs))
                .optional();
    }

    private static Challenge challenge(ResultSet rs) throws SQLException {
        Timestamp stopped = rs.getTimestamp("stopped_at");
        long revealed = rs.getLong("revealed_entry");
        return new Challenge(rs.getString("id"), rs.getString("room_id"),
                Challenge.Objective.valueOf(rs.getString("objective")), rs.getLong("max_parameters"),
                rs.getInt("max_epochs"), rs.getInt("minutes"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), stopped == null ? null : stopped.toInstant(),
                rs.wasNull() ? null : revealed);
    }

    /** Keeps an entry; false when the same run was entered already (a run counts once). */
    @Transactional
    boolean add(Entry e) {
        int known = jdbc.sql("SELECT COUNT(*) FROM challenge_entry WHERE challenge_id = :c AND job_id = :job")
                .param("c", e.challengeId()).param("job", e.jobId()).query(Integer.class).single();
        if (known > 0) {
            return false;
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO challenge_entry (challenge_id, participant_id, job_id, accepted, reason_key, reason_args,"
                        + " accuracy, parameters, network, spec_json, finished_at) VALUES (:c, :p, :job, :accepted,"
                        + " :reason, :args, :accuracy, :params, :network, :spec, :finished)")
                .param("c", e.challengeId()).param("p", e.participantId()).param("job", e.jobId())
                .param("accepted", e.accepted()).param("reason", e.reasonKey())
                .param("args", String.join(ARG_SEPARATOR, e.reasonArgs()))
                .param("accuracy", Double.isNaN(e.accuracy()) ? null : e.accuracy())
                .param("params", e.parameters()).param("network", shorten(e.network(), 200))
                .param("spec", e.specJson()).param("finished", Timestamp.from(e.finishedAt()))
                .update(key, "id");
        return true;
    }

    List<Entry> entries(String challengeId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM challenge_entry WHERE challenge_id = :c ORDER BY id")
                .param("c", challengeId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    Optional<Entry> entry(long id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM challenge_entry WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String args = rs.getString("reason_args");
        double accuracy = rs.getDouble("accuracy");
        if (rs.wasNull()) {
            accuracy = Double.NaN;
        }
        return new Entry(rs.getLong("id"), rs.getString("challenge_id"), rs.getString("participant_id"),
                rs.getString("job_id"), rs.getBoolean("accepted"), rs.getString("reason_key"),
                args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(ARG_SEPARATOR)), accuracy,
                rs.getLong("parameters"), rs.getString("network"), rs.getString("spec_json"),
                rs.getTimestamp("finished_at").toInstant());
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
