package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The rooms migration and queries on a real PostgreSQL (localhost:5432, user and database {@code nnlab}), in a
 * schema of their own so that other tests on the same server are left alone. Skipped when the server is not
 * reachable, except under {@code CI=true}.
 */
class RoomPostgresTest {
    @Test
    void roomsWorkOnPostgres() {
        DriverManagerDataSource admin = new DriverManagerDataSource("jdbc:postgresql://localhost:5432/nnlab", "nnlab", "nnlab");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS workshop_test CASCADE");
            s.execute("CREATE SCHEMA workshop_test");
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL must be reachable under CI: " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable: " + e.getMessage());
        }
        RoomService rooms = Databases.service(Databases.migrated(new DriverManagerDataSource(
                "jdbc:postgresql://localhost:5432/nnlab?currentSchema=workshop_test", "nnlab", "nnlab")), new WorkshopProperties());
        CreatedRoom room = rooms.create(RoomServiceTest.settings("Class"));
        String owner = RoomServiceTest.owner();
        Participant ada = rooms.join(room.room().code(), "Ada", owner, "10.0.0.1");
        RoomServiceTest.assertRefused("workshop.nickname.taken",
                () -> rooms.join(room.room().code(), "ADA", RoomServiceTest.owner(), "10.0.0.1"));
        rooms.recordFinishedRun(ada, 0.91, "Dense(784 -> 10)");
        rooms.recordFinishedRun(ada, 0.87, "Dense(784 -> 32 -> 10)");
        ParticipantResult result = rooms.results(room.room().id()).getFirst();
        assertEquals(2, result.runsFinished());
        assertEquals(0.91, result.bestAccuracy(), 1e-9);
        assertEquals(ada, rooms.participantOf(owner).orElseThrow());
        rooms.end(room.room().id(), room.instructorKey());
        assertEquals(RoomState.ENDED, rooms.room(room.room().id()).orElseThrow().state());
    }
}
