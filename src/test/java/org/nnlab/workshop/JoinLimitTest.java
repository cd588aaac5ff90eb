package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.base.i18n.LocalizedException;

/** Guessing join codes is slowed per client address: after the allowance, even the right code is refused. */
class JoinLimitTest {
    @Test
    void bruteForcingACodeIsSlowedDown() {
        RoomService rooms = Databases.service(Databases.h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
                new WorkshopProperties(100, 10, 4, 30, 60, 10, 500_000));
        CreatedRoom room = rooms.create(RoomServiceTest.settings("Class"));
        JoinCodes guesses = new JoinCodes();
        int refusedAsUnknown = 0;
        for (int i = 0; i < 10; i++) {
            String guess = guesses.next();
            try {
                rooms.join(guess.equals(room.room().code()) ? "222222" : guess, "Guesser", RoomServiceTest.owner(), "203.0.113.7");
            } catch (LocalizedException e) {
                assertEquals("workshop.join.unknownCode", e.messageKey());
                refusedAsUnknown++;
            }
        }
        assertEquals(10, refusedAsUnknown);
        LocalizedException slowed = assertThrows(LocalizedException.class,
                () -> rooms.join(room.room().code(), "Guesser", RoomServiceTest.owner(), "203.0.113.7"));
        assertEquals("workshop.join.slowDown", slowed.messageKey());
        long seconds = ((Number) slowed.arguments()[0]).longValue();
        assertTrue(seconds >= 1 && seconds <= 6, "wait " + seconds + " s for one more attempt at 10 a minute");
        // another address is not held up by this one
        assertEquals(room.room().id(), rooms.join(room.room().code(), "Ada", RoomServiceTest.owner(), "198.51.100.2").roomId());
    }

    @Test
    void aClassBehindOneAddressJoinsWithoutBeingSlowed() {
        WorkshopProperties settings = new WorkshopProperties(100, 10, 4, 30, 60, 10, 500_000);
        RoomService rooms = Databases.service(Databases.h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), settings);
        CreatedRoom room = rooms.create(RoomServiceTest.settings("Class"));
        String school = "203.0.113.50";
        for (int i = 0; i < 3 * settings.joinAttemptsPerMinute(); i++) {
            rooms.join(room.room().code(), "Pupil " + i, RoomServiceTest.owner(), school);
        }
        // a taken nickname is a right code too: it costs the address nothing
        for (int i = 0; i < settings.joinAttemptsPerMinute(); i++) {
            LocalizedException taken = assertThrows(LocalizedException.class,
                    () -> rooms.join(room.room().code(), "Pupil 0", RoomServiceTest.owner(), school));
            assertEquals("workshop.nickname.taken", taken.messageKey());
        }
        assertEquals(3 * settings.joinAttemptsPerMinute(), rooms.participants(room.room().id()).size());
    }
}
