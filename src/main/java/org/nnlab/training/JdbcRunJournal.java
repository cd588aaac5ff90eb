package org.nnlab.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run journal in table {@code training_run}. Created once when the server starts, before any run: every
 * run the table still shows as going was stopped by the restart (or crash) that came before, and is marked
 * {@code INTERRUPTED} with this start's time; runs that ended over {@value #KEEP_DAYS} days ago go. A failing database never stops training: journal writes that
 * fail are logged and skipped.
 */
@Component
public class JdbcRunJournal implements RunJournal {
    static final String INTERRUPTED = "INTERRUPTED";
    /** Runs that ended longer ago than this are deleted when the server starts. */
    static final int KEEP_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(JdbcRunJournal.class);
    private final JdbcClient jdbc;

    public JdbcRunJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
        Instant now = Instant.now();
        jdbc.sql("DELETE FROM training_run WHERE ended_at < ?").param(Timestamp.from(now.minus(KEEP_DAYS, ChronoUnit.DAYS))).update();
        int stopped = jdbc.sql("UPDATE training_run SET ended_at = ?, outcome = ? WHERE ended_at IS NULL")
                .params(Timestamp.from(now), INTERRUPTED).update();
        if (stopped > 0) {
            log.info("{} training run(s) were stopped by the restart; their owners are told on their next visit", stopped);
        }
    }

    @Override
    public void started(JobId id, String owner, TrainingRequest request) {
        try {
            jdbc.sql("INSERT INTO training_run (id, owner, network, data_set, data_size, started_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id.value(), owner, request.networkName(), request.data().dataset(), request.data().size(),
                            Timestamp.from(Instant.now()))
                    .update();
        } catch (RuntimeException e) {
            log.warn("could not note the start of training run {}: {}", id, e.toString());
        }
    }

    @Override
    public void ended(JobId id, JobState outcome) {
        try {
            jdbc.sql("UPDATE training_run SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL")
                    .params(Timestamp.from(Instant.now()), outcome.name(), id.value()).update();
        } catch (RuntimeException e) {
            log.warn("could not note the end of training run {}: {}", id, e.toString());
        }
    }

    @Override
    @Transactional
    public List<InterruptedRun> takeInterrupted(String owner) {
        List<InterruptedRun> runs = jdbc.sql("SELECT network, data_set, data_size, ended_at FROM training_run"
                        + " WHERE owner = ? AND outcome = ? AND notified = FALSE ORDER BY started_at")
                .params(owner, INTERRUPTED)
                .query((rs, i) -> new InterruptedRun(rs.getString("network"),
                        new DataChoice(rs.getString("data_set"), rs.getInt("data_size")), rs.getTimestamp("ended_at").toInstant()))
                .list();
        if (!runs.isEmpty()) {
            jdbc.sql("UPDATE training_run SET notified = TRUE WHERE owner = ? AND outcome = ? AND notified = FALSE")
                    .params(owner, INTERRUPTED).update();
        }
        return runs;
    }
}
