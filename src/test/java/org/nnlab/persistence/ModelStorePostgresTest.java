package org.nnlab.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link ModelStore} on a real PostgreSQL (profile {@code postgres}: localhost:5432, database, user and
 * password {@code nnlab}; {@code .ci/run} sets it up). The schema is emptied first so the migrations run
 * from nothing. Skipped when the server is not reachable, except under {@code CI=true}, where that fails.
 */
@SpringBootTest(properties = "nnlab.data-dir=${java.io.tmpdir}/nnlab-test-postgres")
@ActiveProfiles({"test", "postgres"})
class ModelStorePostgresTest extends ModelStoreContract {
    static final String URL = "jdbc:postgresql://localhost:5432/nnlab";

    @BeforeAll
    static void emptyDatabase() {
        try (Connection c = DriverManager.getConnection(URL, "nnlab", "nnlab"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL must be reachable at " + URL + " (user nnlab) under CI: " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable at " + URL + ": " + e.getMessage());
        }
    }
}
