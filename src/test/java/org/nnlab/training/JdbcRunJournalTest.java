package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The run journal on the real migrations, on H2 and on PostgreSQL (localhost:5432, user nnlab; a schema of its
 * own, so other tests' data is untouched). The PostgreSQL case is skipped when the server is not reachable,
 * except under {@code CI=true}.
 */
class JdbcRunJournalTest {
    private static final String POSTGRES = "jdbc:postgresql://localhost:5432/nnlab";
    private static final String SCHEMA = "run_journal_test";

    @Test
    void onH2() {
        journalTellsEachOwnerOnceAboutTheRunsARestartStopped(
                migrated(new DriverManagerDataSource("jdbc:h2:mem:run-journal;DB_CLOSE_DELAY=-1", "sa", ""), null));
    }

    @Test
    void onPostgres() {
        try (Connection c = DriverManager.getConnection(POSTGRES, "nnlab", "nnlab")) {
            c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL must be reachable at " + POSTGRES + " under CI: " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable at " + POSTGRES + ": " + e.getMessage());
        }
        DataSource pg = new DriverManagerDataSource(POSTGRES + "?currentSchema=" + SCHEMA, "nnlab", "nnlab");
        journalTellsEachOwnerOnceAboutTheRunsARestartStopped(migrated(pg, SCHEMA));
    }

    private static JdbcClient migrated(DataSource dataSource, String schema) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false);
        Flyway flyway = (schema == null ? config : config.schemas(schema)).load();
        flyway.clean();
        flyway.migrate();
        return JdbcClient.create(dataSource);
    }

    private static void journalTellsEachOwnerOnceAboutTheRunsARestartStopped(JdbcClient jdbc) {
        TrainingRequest request = new TrainingRequest("mlp", Presets.MLP.spec(), DataChoice.mnist(5000),
                Presets.MLP.training().optimizer(), 64, 3, 1, false, 0.1);
        RunJournal before = new JdbcRunJournal(jdbc);
        JobId done = JobId.random();
        JobId going = JobId.random();
        before.started(done, "ann", request);
        before.started(going, "ann", request);
        before.started(JobId.random(), "bob", request);
        before.ended(done, JobState.FINISHED);
        assertTrue(before.takeInterrupted("ann").isEmpty(), "nothing was interrupted yet");

        RunJournal after = new JdbcRunJournal(jdbc);
        List<RunJournal.InterruptedRun> told = after.takeInterrupted("ann");
        assertEquals(1, told.size());
        assertEquals("mlp", told.getFirst().network());
        assertEquals(DataChoice.mnist(5000), told.getFirst().data());
        assertTrue(after.takeInterrupted("ann").isEmpty(), "each run is told once");
        assertEquals(1, after.takeInterrupted("bob").size());
        assertEquals(List.of("FINISHED", "INTERRUPTED", "INTERRUPTED"),
                jdbc.sql("SELECT outcome FROM training_run ORDER BY outcome").query(String.class).list());

        new JdbcRunJournal(jdbc);
        assertEquals(3, jdbc.sql("SELECT COUNT(*) FROM training_run").query(Integer.class).single(),
                "a second restart changes nothing that had ended");
    }
}
