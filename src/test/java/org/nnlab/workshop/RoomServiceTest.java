package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.base.i18n.LocalizedException;

/** Rooms on a real (H2, migrated) database: joining, leaving, coming back, and the nickname rules. */
class RoomServiceTest {
    private RoomService rooms;
    private CreatedRoom created;

    @BeforeEach
    void openRoom() {
        rooms = Databases.service(Databases.h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
                new WorkshopProperties(3, 100, 4, 30, 60, 10, 500_000));
        created = rooms.create(settings("Digits class"));
    }

    static RoomSettings settings(String title) {
        return new RoomSettings(title, "en", List.of("draw", "train"), new RoomLimits(5, 100_000));
    }

    static String owner() {
        return UUID.randomUUID().toString();
    }

    private Participant join(String nickname, String owner) {
        return rooms.join(created.room().code(), nickname, owner, "10.0.0.1");
    }

    @Test
    void aRoomHasASixCharacterCodeWithoutLookAlikesAndAKey() {
        String code = created.room().code();
        assertEquals(6, code.length());
        assertTrue(code.chars().allMatch(c -> JoinCodes.ALPHABET.indexOf(c) >= 0), code);
        assertTrue(code.chars().noneMatch(c -> "0O1IL".indexOf(c) >= 0), code);
        assertTrue(created.instructorKey().length() >= 40);
        assertEquals(RoomState.OPEN, created.room().state());
        assertNotEquals(created.room().code(), rooms.create(settings("Other")).room().code());
    }

    @Test
    void joinLeaveAndRejoin() {
        String owner = owner();
        Participant ada = join("  Ada  ", owner);
        assertEquals("Ada", ada.nickname());
        assertEquals(ada, rooms.participantOf(owner).orElseThrow());
        // a reload or a return the next day: same browser, same participant, whatever is typed
        assertEquals(ada.id(), join("Someone else", owner).id());
        assertEquals(List.of(ada), rooms.participants(created.room().id()));

        rooms.leave(owner);
        assertTrue(rooms.participantOf(owner).isEmpty());
        assertTrue(rooms.participants(created.room().id()).isEmpty());

        Participant back = join("Ada L.", owner);
        assertEquals(ada.id(), back.id());
        assertEquals("Ada L.", back.nickname());
        assertEquals(1, rooms.results(created.room().id()).size());
    }

    @Test
    void joiningAnotherRoomLeavesTheFirst() {
        String owner = owner();
        join("Ada", owner);
        CreatedRoom other = rooms.create(settings("Other class"));
        Participant there = rooms.join(other.room().code(), "Ada", owner, "10.0.0.1");
        assertEquals(other.room().id(), rooms.participantOf(owner).orElseThrow().roomId());
        assertEquals(there, rooms.participantOf(owner).orElseThrow());
        assertTrue(rooms.participants(created.room().id()).isEmpty());
    }

    @Test
    void theCodeMayBeTypedInLowerCaseWithSpaces() {
        String code = created.room().code().toLowerCase();
        Participant p = rooms.join(code.substring(0, 3) + " " + code.substring(3), "Ada", owner(), "10.0.0.1");
        assertEquals(created.room().id(), p.roomId());
    }

    @Test
    void nicknameRules() {
        assertRefused("workshop.nickname.empty", () -> join("   ", owner()));
        assertRefused("workshop.nickname.tooLong", () -> join("x".repeat(25), owner()));
        join("y".repeat(24), owner());
        assertRefused("workshop.nickname.markup", () -> join("<b>Bob</b>", owner()));
        assertRefused("workshop.nickname.markup", () -> join("Tom & Jerry", owner()));
        assertRefused("workshop.nickname.markup", () -> join("\"Bob\"", owner()));
        assertRefused("workshop.nickname.control", () -> join("Bo\u0007b", owner()));
        assertRefused("workshop.nickname.control", () -> join("Bo\u202Eb", owner()));
        join("Bob", owner());
        assertRefused("workshop.nickname.taken", () -> join(" BOB ", owner()));
        join("李雷", owner());
    }

    @Test
    void aNicknameIsFreeAgainOnceItsBearerLeft() {
        String first = owner();
        join("Bob", first);
        rooms.leave(first);
        assertEquals("bob", join("bob", owner()).nickname());
    }

    @Test
    void aRoomTakesAtMostTheConfiguredNumberOfParticipants() {
        join("A", owner());
        join("B", owner());
        join("C", owner());
        assertRefused("workshop.join.full", () -> join("D", owner()));
    }

    @Test
    void unknownCodesAreRefused() {
        assertRefused("workshop.join.unknownCode", () -> rooms.join("ZZZZZZ", "Ada", owner(), "10.0.0.1"));
        assertRefused("workshop.join.unknownCode", () -> rooms.join("", "Ada", owner(), "10.0.0.1"));
    }

    @Test
    void aLockedRoomLetsInOnlyThoseAlreadyInside() {
        String inside = owner();
        Participant ada = join("Ada", inside);
        rooms.lock(created.room().id(), created.instructorKey());
        assertRefused("workshop.join.locked", () -> join("Bob", owner()));
        assertEquals(ada.id(), join("Ada", inside).id());
        rooms.unlock(created.room().id(), created.instructorKey());
        join("Bob", owner());
    }

    @Test
    void anEndedRoomHasNobodyInItAndCannotBeJoined() {
        String owner = owner();
        join("Ada", owner);
        Room ended = rooms.end(created.room().id(), created.instructorKey());
        assertEquals(RoomState.ENDED, ended.state());
        assertTrue(rooms.participantOf(owner).isEmpty());
        assertRefused("workshop.join.unknownCode", () -> join("Bob", owner()));
        assertEquals(1, rooms.results(created.room().id()).size());
        assertRefused("workshop.error.ended", () -> rooms.lock(created.room().id(), created.instructorKey()));
    }

    @Test
    void theInstructorRenamesAndRemoves() {
        String owner = owner();
        Participant bob = join("Bob", owner);
        join("Eve", owner());
        String room = created.room().id();
        assertEquals("Robert", rooms.rename(room, created.instructorKey(), bob.id(), " Robert ").nickname());
        assertEquals("Robert", rooms.participantOf(owner).orElseThrow().nickname());
        assertRefused("workshop.nickname.taken", () -> rooms.rename(room, created.instructorKey(), bob.id(), "eve"));
        assertRefused("workshop.nickname.markup", () -> rooms.rename(room, created.instructorKey(), bob.id(), "<i>"));

        rooms.remove(room, created.instructorKey(), bob.id());
        assertTrue(rooms.participantOf(owner).isEmpty());
        assertRefused("workshop.join.removed", () -> join("Bob again", owner));
    }

    static void assertRefused(String key, Runnable action) {
        LocalizedException e = assertThrows(LocalizedException.class, action::run);
        assertEquals(key, e.messageKey(), e.getMessage());
    }
}
