package org.nnlab.workshop;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Databases for workshop tests, migrated by the real Flyway migrations, without a Spring context. */
final class Databases {
    private Databases() {
    }

    static JdbcClient h2(String url) {
        return migrated(new DriverManagerDataSource(url, "sa", ""));
    }

    static JdbcClient migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }

    static RoomService service(JdbcClient jdbc, WorkshopProperties properties) {
        return new RoomService(jdbc, new LocalRoomEvents(), properties);
    }
}
