package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.workshop.RoomServiceTest.assertRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody but the holder of a room's key can run it: every instructor action, called directly on the service
 * as a crafted request would reach it, is refused with any other key, and nothing changes.
 */
class InstructorActionsTest {
    private RoomService rooms;
    private CreatedRoom room;
    private CreatedRoom otherRoom;
    private Participant participant;

    @BeforeEach
    void openRooms() {
        rooms = Databases.service(Databases.h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
                new WorkshopProperties());
        room = rooms.create(RoomServiceTest.settings("Class"));
        otherRoom = rooms.create(RoomServiceTest.settings("Other class"));
        participant = rooms.join(room.room().code(), "Mallory", RoomServiceTest.owner(), "10.0.0.9");
    }

    private Map<String, BiConsumer<String, String>> actions() {
        String p = participant.id();
        return Map.of(
                "room", rooms::roomForInstructor,
                "lock", rooms::lock,
                "unlock", rooms::unlock,
                "end", rooms::end,
                "rename", (id, key) -> rooms.rename(id, key, p, "Boss"),
                "remove", (id, key) -> rooms.remove(id, key, p),
                "announce", (id, key) -> rooms.announce(id, key, "free pizza"),
                "follow", (id, key) -> rooms.follow(id, key, "labs/perceptron"),
                "require", rooms::requireInstructor);
    }

    @Test
    void everyInstructorActionRefusesAnyOtherKey() {
        String key = room.instructorKey();
        List<String> wrongKeys = new ArrayList<>(List.of("", " ", participant.owner(), participant.id(), room.room().id(),
                room.room().code(), otherRoom.instructorKey(), key.substring(1), key + "x",
                key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A"), key.toUpperCase(),
                InstructorKeys.hash(key)));
        wrongKeys.add(null);
        for (var action : actions().entrySet()) {
            for (String wrong : wrongKeys) {
                assertRefused("workshop.error.notInstructor", () -> action.getValue().accept(room.room().id(), wrong));
            }
            // the other room's key does not open this room's participant to that room's instructor either
            assertRefused("workshop.error.notInstructor", () -> action.getValue().accept(null, key));
            assertRefused("workshop.error.notInstructor", () -> action.getValue().accept("no-such-room", key));
        }
        Room after = rooms.room(room.room().id()).orElseThrow();
        assertEquals(RoomState.OPEN, after.state());
        assertTrue(after.announcementText().isEmpty());
        assertEquals(null, after.followRoute());
        assertEquals(List.of(participant), rooms.participants(room.room().id()));
    }

    @Test
    void anInstructorCannotReachIntoAnotherRoom() {
        assertRefused("workshop.error.noParticipant",
                () -> rooms.rename(otherRoom.room().id(), otherRoom.instructorKey(), participant.id(), "Boss"));
        assertRefused("workshop.error.noParticipant",
                () -> rooms.remove(otherRoom.room().id(), otherRoom.instructorKey(), participant.id()));
        assertEquals(List.of(participant), rooms.participants(room.room().id()));
    }

    @Test
    void theRightKeyWorks() {
        rooms.announce(room.room().id(), room.instructorKey(), "  Break until 11:00  ");
        assertEquals("Break until 11:00", rooms.room(room.room().id()).orElseThrow().announcement());
        rooms.follow(room.room().id(), room.instructorKey(), "labs/perceptron");
        assertEquals("labs/perceptron", rooms.room(room.room().id()).orElseThrow().followRoute());
        rooms.remove(room.room().id(), room.instructorKey(), participant.id());
        assertTrue(rooms.participants(room.room().id()).isEmpty());
    }
}
