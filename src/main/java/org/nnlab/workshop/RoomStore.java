package org.nnlab.workshop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rooms and participants in tables {@code workshop_room} and {@code workshop_participant} (migration V28). */
final class RoomStore {
    static final String ACTIVE = "ACTIVE";
    static final String LEFT = "LEFT";
    static final String REMOVED = "REMOVED";
    private static final String ROOM_COLUMNS = "id, code, title, language, pages, max_epochs, max_parameters, state, "
            + "announcement, follow_route, created_at, ended_at";
    private static final String PARTICIPANT_COLUMNS = "id, room_id, owner, nickname, joined_at";
    private final JdbcClient jdbc;

    RoomStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Room room, String keyHash) {
        jdbc.sql("INSERT INTO workshop_room (" + ROOM_COLUMNS + ", key_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(room.id(), room.code(), room.title(), room.language(), String.join(",", room.pages()),
                        room.limits().maxEpochs(), room.limits().maxParameters(), room.state().name(),
                        room.announcement(), room.followRoute(), ts(room.createdAt()), ts(room.endedAt()), keyHash)
                .update();
    }

    Optional<Room> room(String id) {
        return jdbc.sql("SELECT " + ROOM_COLUMNS + " FROM workshop_room WHERE id = ?").param(id).query(RoomStore::room).optional();
    }

    Optional<Room> activeRoomByCode(String code) {
        return jdbc.sql("SELECT " + ROOM_COLUMNS + " FROM workshop_room WHERE code = ? AND state <> 'ENDED'")
                .param(code).query(RoomStore::room).optional();
    }

    boolean codeInUse(String code) {
        return activeRoomByCode(code).isPresent();
    }

    Optional<String> keyHash(String roomId) {
        return jdbc.sql("SELECT key_hash FROM workshop_room WHERE id = ?").param(roomId).query(String.class).optional();
    }

    void setState(String roomId, RoomState state, Instant endedAt) {
        jdbc.sql("UPDATE workshop_room SET state = ?, ended_at = ? WHERE id = ?").params(state.name(), ts(endedAt), roomId).update();
    }

    void setAnnouncement(String roomId, String text) {
        jdbc.sql("UPDATE workshop_room SET announcement = ? WHERE id = ?").params(text, roomId).update();
    }

    void setFollowRoute(String roomId, String route) {
        jdbc.sql("UPDATE workshop_room SET follow_route = ? WHERE id = ?").params(route, roomId).update();
    }

    void setSetup(String roomId, String json) {
        jdbc.sql("UPDATE workshop_room SET setup_json = ? WHERE id = ?").params(json, roomId).update();
    }

    Optional<String> setup(String roomId) {
        return jdbc.sql("SELECT setup_json FROM workshop_room WHERE id = ?").param(roomId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** Deletes rooms ended before {@code cutoff} with their participants; returns how many rooms went. */
    int deleteEndedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM workshop_room WHERE state = 'ENDED' AND ended_at < ?").param(ts(cutoff)).update();
    }

    void insertParticipant(Participant p) {
        jdbc.sql("INSERT INTO workshop_participant (id, room_id, owner, nickname, nickname_key, status, joined_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.roomId(), p.owner(), p.nickname(), Nicknames.key(p.nickname()), ACTIVE, ts(p.joinedAt()))
                .update();
    }

    /** Makes a participant who had left (or been removed) active again under {@code nickname}. */
    void reactivate(String participantId, String nickname) {
        jdbc.sql("UPDATE workshop_participant SET status = ?, nickname = ?, nickname_key = ? WHERE id = ?")
                .params(ACTIVE, nickname, Nicknames.key(nickname), participantId).update();
    }

    void rename(String participantId, String nickname) {
        jdbc.sql("UPDATE workshop_participant SET nickname = ?, nickname_key = ? WHERE id = ?")
                .params(nickname, Nicknames.key(nickname), participantId).update();
    }

    void setStatus(String participantId, String status) {
        jdbc.sql("UPDATE workshop_participant SET status = ?, nickname_key = NULL WHERE id = ?").params(status, participantId).update();
    }

    /** The participant row of {@code owner} in {@code roomId}, whatever its status, with that status. */
    Optional<Row> row(String roomId, String owner) {
        return jdbc.sql("SELECT " + PARTICIPANT_COLUMNS + ", status FROM workshop_participant WHERE room_id = ? AND owner = ?")
                .params(roomId, owner).query((rs, i) -> new Row(participant(rs, i), rs.getString("status"))).optional();
    }

    Optional<Participant> activeParticipant(String participantId) {
        return jdbc.sql("SELECT " + PARTICIPANT_COLUMNS + " FROM workshop_participant WHERE id = ? AND status = 'ACTIVE'")
                .param(participantId).query(RoomStore::participant).optional();
    }

    List<Participant> activeParticipants(String roomId) {
        return jdbc.sql("SELECT " + PARTICIPANT_COLUMNS + " FROM workshop_participant WHERE room_id = ? AND status = 'ACTIVE' "
                + "ORDER BY joined_at, id").param(roomId).query(RoomStore::participant).list();
    }

    /** The active participations of {@code owner} in rooms not ended, newest first. */
    List<Participant> activeParticipations(String owner) {
        return jdbc.sql("SELECT p.id, p.room_id, p.owner, p.nickname, p.joined_at FROM workshop_participant p "
                        + "JOIN workshop_room r ON r.id = p.room_id "
                        + "WHERE p.owner = ? AND p.status = 'ACTIVE' AND r.state <> 'ENDED' ORDER BY p.joined_at DESC")
                .param(owner).query(RoomStore::participant).list();
    }

    /** The rooms not ended that the instructor removed {@code owner} from, the latest joined first. */
    List<String> roomsRemovedFrom(String owner) {
        return jdbc.sql("SELECT p.room_id FROM workshop_participant p JOIN workshop_room r ON r.id = p.room_id "
                        + "WHERE p.owner = ? AND p.status = 'REMOVED' AND r.state <> 'ENDED' ORDER BY p.joined_at DESC")
                .param(owner).query(String.class).list();
    }

    /** Everyone who ever joined the room, with their status now, in the order they joined. */
    List<Row> rows(String roomId) {
        return jdbc.sql("SELECT " + PARTICIPANT_COLUMNS + ", status FROM workshop_participant WHERE room_id = ? "
                + "ORDER BY joined_at, id").param(roomId).query((rs, i) -> new Row(participant(rs, i), rs.getString("status"))).list();
    }

    int activeCount(String roomId) {
        return jdbc.sql("SELECT COUNT(*) FROM workshop_participant WHERE room_id = ? AND status = 'ACTIVE'")
                .param(roomId).query(Integer.class).single();
    }

    boolean nicknameTaken(String roomId, String nickname, String exceptParticipantId) {
        return jdbc.sql("SELECT COUNT(*) FROM workshop_participant WHERE room_id = ? AND nickname_key = ? AND id <> ?")
                .params(roomId, Nicknames.key(nickname), exceptParticipantId == null ? "" : exceptParticipantId)
                .query(Integer.class).single() > 0;
    }

    /** Counts a finished run and keeps it as the best if it beats the one kept. */
    void recordRun(String participantId, double accuracy, String network, Instant at) {
        jdbc.sql("UPDATE workshop_participant SET runs_finished = runs_finished + 1 WHERE id = ?").param(participantId).update();
        jdbc.sql("UPDATE workshop_participant SET best_accuracy = ?, best_network = ?, best_at = ? "
                        + "WHERE id = ? AND (best_accuracy IS NULL OR best_accuracy < ?)")
                .params(accuracy, network, ts(at), participantId, accuracy).update();
    }

    /** Every participant who ever joined the room (also those who left), with results, by best accuracy. */
    List<ParticipantResult> results(String roomId) {
        return jdbc.sql("SELECT " + PARTICIPANT_COLUMNS + ", runs_finished, best_accuracy, best_network, best_at "
                        + "FROM workshop_participant WHERE room_id = ? ORDER BY joined_at, id")
                .param(roomId).query((rs, i) -> {
                    double best = rs.getDouble("best_accuracy");
                    if (rs.wasNull()) {
                        best = Double.NaN;
                    }
                    return new ParticipantResult(participant(rs, i), rs.getInt("runs_finished"), best, rs.getString("best_network"), instant(rs.getTimestamp("best_at")));
                }).list();
    }

    record Row(Participant participant, String status) {
    }

    private static Room room(ResultSet rs, int i) throws SQLException {
        String pages = rs.getString("pages");
        return new Room(rs.getString("id"), rs.getString("code"), rs.getString("title"), rs.getString("language"),
                pages.isEmpty() ? List.of() : Arrays.asList(pages.split(",")),
                new RoomLimits(rs.getInt("max_epochs"), rs.getLong("max_parameters")),
                RoomState.valueOf(rs.getString("state")), rs.getString("announcement"), rs.getString("follow_route"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("ended_at")));
    }

    private static Participant participant(ResultSet rs, int i) throws SQLException {
        return new Participant(rs.getString("id"), rs.getString("room_id"), rs.getString("owner"), rs.getString("nickname"),
                instant(rs.getTimestamp("joined_at")));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
