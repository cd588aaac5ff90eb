package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nnlab.persistence.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rooms migration and queries on a real PostgreSQL (localhost:5432, user and database {@code nnlab}), in a
 * schema of their own so that other tests on the same server are left alone. Skipped when the server is not
 * reachable, except under {@code CI=true}.
 */
class RoomPostgresTest {
    @Test
    void roomsWorkOnPostgres() {
        RoomService rooms = Databases.service(JdbcClient.create(TestPostgres.freshSchema("workshop_test")), new WorkshopProperties());
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
