package org.nnlab.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The run journal in table {@code training_run}. Created once when the server starts, before any run: every
 * run the table still shows as going on a server that is not up now (see {@link TrainingMembers}) was stopped by
 * the restart (or crash) that came before, and is marked {@code INTERRUPTED} with this start's time; runs that
 * ended over {@value #KEEP_DAYS} days ago go. In a cluster, the runs of a member that leaves are marked
 * {@code SERVER_LEFT} ({@link #memberLeft}). A failing database never stops training: journal writes that
 * fail are logged and skipped.
 */
@Component
public class JdbcRunJournal implements RunJournal {
    static final String INTERRUPTED = "INTERRUPTED";
    static final String SERVER_LEFT = "SERVER_LEFT";
    /** Runs that ended longer ago than this are deleted when the server starts. */
    static final int KEEP_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(JdbcRunJournal.class);
    private final JdbcClient jdbc;
    private final String self;

    /** The journal of a server alone. */
    public JdbcRunJournal(JdbcClient jdbc) {
        this(jdbc, TrainingMembers.alone());
    }

    @Autowired
    public JdbcRunJournal(JdbcClient jdbc, TrainingMembers members) {
        this.jdbc = jdbc;
        this.self = members.self();
        Instant now = Instant.now();
        jdbc.sql("DELETE FROM training_run WHERE ended_at < ?").param(Timestamp.from(now.minus(KEEP_DAYS, ChronoUnit.DAYS))).update();
        int stopped = jdbc.sql("UPDATE training_run SET ended_at = :now, outcome = :outcome WHERE ended_at IS NULL"
                        + " AND (trained_on IS NULL OR trained_on NOT IN (:live))")
                .param("now", Timestamp.from(now)).param("outcome", INTERRUPTED).param("live", List.copyOf(members.live()))
                .update();
        if (stopped > 0) {
            log.info("{} training run(s) were stopped by the restart; their owners are told on their next visit", stopped);
        }
    }

    @Override
    public void started(JobId id, String owner, TrainingRequest request) {
        try {
            jdbc.sql("INSERT INTO training_run (id, owner, network, data_set, data_size, started_at, trained_on)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id.value(), owner, request.networkName(), request.data().dataset(), request.data().size(),
                            Timestamp.from(Instant.now()), self)
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

    /**
     * Ends, as failed with {@code SERVER_LEFT}, the runs that the cluster member {@code member} was training: it
     * left the cluster (stopped or lost), and its runs with it. Every member that sees it leave says so; the
     * first one does it. Returns how many runs it ended.
     */
    public int memberLeft(String member) {
        try {
            return jdbc.sql("UPDATE training_run SET ended_at = ?, outcome = ? WHERE ended_at IS NULL AND trained_on = ?")
                    .params(Timestamp.from(Instant.now()), SERVER_LEFT, member).update();
        } catch (RuntimeException e) {
            log.warn("could not end the runs of member {} that left: {}", member, e.toString());
            return 0;
        }
    }

    @Override
    @Transactional
    public List<InterruptedRun> takeInterrupted(String owner) {
        List<InterruptedRun> runs = jdbc.sql("SELECT network, data_set, data_size, ended_at, outcome FROM training_run"
                        + " WHERE owner = :owner AND outcome IN (:lost) AND notified = FALSE ORDER BY started_at")
                .param("owner", owner).param("lost", List.of(INTERRUPTED, SERVER_LEFT))
                .query((rs, i) -> new InterruptedRun(rs.getString("network"),
                        new DataChoice(rs.getString("data_set"), rs.getInt("data_size")), rs.getTimestamp("ended_at").toInstant(),
                        SERVER_LEFT.equals(rs.getString("outcome"))))
                .list();
        if (!runs.isEmpty()) {
            jdbc.sql("UPDATE training_run SET notified = TRUE WHERE owner = :owner AND outcome IN (:lost) AND notified = FALSE")
                    .param("owner", owner).param("lost", List.of(INTERRUPTED, SERVER_LEFT)).update();
        }
        return runs;
    }
}
