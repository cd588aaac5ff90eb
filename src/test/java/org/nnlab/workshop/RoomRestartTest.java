package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A room and its people live in the database: a new service on the same database file finds them all. */
class RoomRestartTest {
    @Test
    void aRestartKeepsTheRoomItsPeopleAndTheInstructorsKey(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("nnlab") + ";AUTO_SERVER=FALSE";
        RoomService before = Databases.service(Databases.h2(url), new WorkshopProperties());
        CreatedRoom created = before.create(RoomServiceTest.settings("Evening class"));
        String owner = RoomServiceTest.owner();
        Participant ada = before.join(created.room().code(), "Ada", owner, "10.0.0.1");
        before.lock(created.room().id(), created.instructorKey());
        before.announce(created.room().id(), created.instructorKey(), "Welcome back");

        RoomService after = Databases.service(Databases.h2(url), new WorkshopProperties());
        Room room = after.roomForInstructor(created.room().id(), created.instructorKey());
        assertEquals(RoomState.LOCKED, room.state());
        assertEquals("Welcome back", room.announcement());
        assertEquals(created.room().code(), room.code());
        assertEquals(ada, after.participantOf(owner).orElseThrow());
        assertEquals(ada.id(), after.join(created.room().code(), "whatever", owner, "10.0.0.1").id());
    }
}
