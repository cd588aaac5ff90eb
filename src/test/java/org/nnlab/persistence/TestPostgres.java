package org.nnlab.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The test PostgreSQL (localhost:5432, nnlab/nnlab): a schema of one's own, emptied and migrated. Outside CI a
 * missing server skips the test; under CI it fails it.
 */
public final class TestPostgres {
    public static final String URL = "jdbc:postgresql://localhost:5432/nnlab";

    private TestPostgres() {
    }

    /** Drops and recreates {@code schema}, runs every migration in it and returns a data source on it. */
    public static DriverManagerDataSource freshSchema(String schema) {
        DriverManagerDataSource admin = new DriverManagerDataSource(URL, "nnlab", "nnlab");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL must be reachable under CI: " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable: " + e.getMessage());
        }
        DriverManagerDataSource data = new DriverManagerDataSource(URL + "?currentSchema=" + schema, "nnlab", "nnlab");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        return data;
    }
}
