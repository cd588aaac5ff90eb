package org.nnlab.workshop.classdata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The latest run of each experiment of each room (tables {@code class_experiment} and {@code class_experiment_result}). */
@Repository
class ExperimentStore {
    private final JdbcClient jdbc;

    ExperimentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new run of {@code kind}, forgetting the previous one. */
    @Transactional
    void started(String roomId, Experiment.Kind kind, Instant at) {
        deleteResults(roomId, kind);
        jdbc.sql("DELETE FROM class_experiment WHERE room_id = :room AND kind = :kind")
                .param("room", roomId).param("kind", kind.name()).update();
        jdbc.sql("INSERT INTO class_experiment (room_id, kind, state, started_at) VALUES (:room, :kind, :state, :at)")
                .param("room", roomId).param("kind", kind.name()).param("state", Experiment.State.RUNNING.name())
                .param("at", Timestamp.from(at)).update();
    }

    @Transactional
    void done(String roomId, Experiment.Kind kind, List<Experiment.Evaluation> evaluations, Instant at) {
        deleteResults(roomId, kind);
        for (Experiment.Evaluation e : evaluations) {
            jdbc.sql("INSERT INTO class_experiment_result (room_id, kind, tested_on, samples, correct, counts)"
                            + " VALUES (:room, :kind, :on, :samples, :correct, :counts)")
                    .param("room", roomId).param("kind", kind.name()).param("on", e.testedOn().name())
                    .param("samples", (int) e.samples()).param("correct", (int) e.correct())
                    .param("counts", Arrays.stream(e.counts()).mapToObj(Long::toString).collect(Collectors.joining(",")))
                    .update();
        }
        end(roomId, kind, Experiment.State.DONE, null, at);
    }

    void failed(String roomId, Experiment.Kind kind, String message, Instant at) {
        end(roomId, kind, Experiment.State.FAILED, message, at);
    }

    private void end(String roomId, Experiment.Kind kind, Experiment.State state, String message, Instant at) {
        jdbc.sql("UPDATE class_experiment SET state = :state, message = :message, ended_at = :at"
                        + " WHERE room_id = :room AND kind = :kind")
                .param("state", state.name()).param("message", message == null ? null
                        : message.substring(0, Math.min(300, message.length())))
                .param("at", Timestamp.from(at)).param("room", roomId).param("kind", kind.name()).update();
    }

    private void deleteResults(String roomId, Experiment.Kind kind) {
        jdbc.sql("DELETE FROM class_experiment_result WHERE room_id = :room AND kind = :kind")
                .param("room", roomId).param("kind", kind.name()).update();
    }

    /** The room's experiments, in the order of {@link Experiment.Kind}; those never run are absent. */
    List<Experiment> of(String roomId) {
        record Row(String kind, Experiment.Evaluation evaluation) {
        }
        Map<String, List<Experiment.Evaluation>> results = jdbc.sql(
                        "SELECT kind, tested_on, counts FROM class_experiment_result WHERE room_id = :room ORDER BY tested_on")
                .param("room", roomId)
                .query((rs, n) -> new Row(rs.getString("kind"), new Experiment.Evaluation(
                        Experiment.TestSet.valueOf(rs.getString("tested_on")),
                        Arrays.stream(rs.getString("counts").split(",")).mapToLong(Long::parseLong).toArray())))
                .list().stream()
                .collect(Collectors.groupingBy(Row::kind, Collectors.mapping(Row::evaluation, Collectors.toList())));
        return jdbc.sql("SELECT kind, state, message, started_at, ended_at FROM class_experiment WHERE room_id = :room")
                .param("room", roomId)
                .query((rs, n) -> new Experiment(roomId, Experiment.Kind.valueOf(rs.getString("kind")),
                        Experiment.State.valueOf(rs.getString("state")), rs.getString("message"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
                        results.getOrDefault(rs.getString("kind"), List.of())))
                .list().stream()
                .sorted((a, b) -> a.kind().compareTo(b.kind()))
                .toList();
    }
}
