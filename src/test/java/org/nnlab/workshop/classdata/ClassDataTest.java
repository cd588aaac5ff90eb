package org.nnlab.workshop.classdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.digits.Strokes;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.workshop.ContributionCounts;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.ParticipantChanged;
import org.nnlab.workshop.RoomEvent;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The class dataset through the real room service, preprocessing and database (H2, migrated). */
@SpringBootTest(properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
@ActiveProfiles("test")
class ClassDataTest {
    @Autowired
    ClassData classData;
    @Autowired
    RoomService rooms;
    @Autowired
    RoomEvents events;
    @Autowired
    ContributionCounts counts;

    private Classroom room;
    private Participant ada;

    @BeforeEach
    void openRoom() {
        room = new Classroom(rooms);
        ada = room.join("Ada");
    }

    @Test
    void promptsTheDigitTheClassHasFewestOfAndBreaksTiesAtRandom() {
        Set<Integer> asked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            asked.add(classData.prompt(room.id()));
        }
        assertEquals(10, asked.size(), "with no drawings every digit is as rare: all get asked " + asked);

        GrayImage one = Strokes.one(112);
        for (int d = 0; d < 10; d++) {
            if (d != 3) {
                classData.contribute(ada.owner(), d, one);
            }
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(3, classData.prompt(room.id()));
        }
        classData.contribute(ada.owner(), 3, one);
        classData.contribute(ada.owner(), 3, one);
        classData.contribute(ada.owner(), 5, one);
        Set<Integer> now = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            now.add(classData.prompt(room.id()));
        }
        assertEquals(Set.of(0, 1, 2, 4, 6, 7, 8, 9), now);
    }

    @Test
    void theInstructorsGridHearsOfEveryContributionAndGetsTheCounts() throws InterruptedException {
        BlockingQueue<RoomEvent> heard = new LinkedBlockingQueue<>();
        try (RoomEvents.Subscription s = events.subscribe(room.id(), heard::add)) {
            long id = classData.contribute(ada.owner(), 2, Strokes.one(112));
            assertEquals(ada.id(), nextContribution(heard).participantId());
            assertEquals(Map.of(ada.id(), 1), counts.drawingsByParticipant(room.id()));
            classData.delete(room.id(), room.key(), id);
            assertEquals(ada.id(), nextContribution(heard).participantId());
            assertEquals(Map.of(), counts.drawingsByParticipant(room.id()));
        }
    }

    /** The next contribution change heard; Ada's own join may still be on its way when the test subscribes. */
    private static ParticipantChanged nextContribution(BlockingQueue<RoomEvent> heard) throws InterruptedException {
        for (RoomEvent e = heard.poll(30, TimeUnit.SECONDS); e != null; e = heard.poll(30, TimeUnit.SECONDS)) {
            if (e instanceof ParticipantChanged c && c.change() == ParticipantChanged.Change.CONTRIBUTED) {
                return c;
            }
        }
        throw new AssertionError("no contribution heard within 30 s");
    }

    @Test
    void fewestBreaksTiesAmongTheRarestOnly() {
        SplittableRandom random = new SplittableRandom(4);
        int[] counts = {2, 1, 5, 1, 1, 3, 2, 2, 9, 4};
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(ClassDrawings.fewest(counts, random));
        }
        assertEquals(Set.of(1, 3, 4), seen);
    }

    @Test
    void aDrawingIsKeptAsDrawPreparesItWithItsLabelAndAuthor() {
        GrayImage seven = Strokes.smallSevenOffCentre(112);
        long id = classData.contribute(ada.owner(), 7, seven);

        List<ClassDrawing> all = classData.gallery(room.id(), room.key());
        assertEquals(1, all.size());
        ClassDrawing kept = all.getFirst();
        assertEquals(id, kept.id());
        assertEquals(7, kept.label());
        assertEquals(ada.id(), kept.participantId());
        assertEquals(room.id(), kept.roomId());
        float[] expected = new DigitPreprocessor().process(seven).centred().pixels();
        assertArrayEquals(expected, kept.pixels(), 1f / 510 + 1e-6f);
        assertEquals(1, classData.drawingsOf(ada.id()));
        assertEquals(1, classData.countsByLabel(room.id())[7]);
    }

    @Test
    void onlyParticipantsDrawAndOnlyInkCounts() {
        LocalizedException outsider = assertThrows(LocalizedException.class,
                () -> classData.contribute(UUID.randomUUID().toString(), 1, Strokes.one(112)));
        assertEquals("classdata.error.notInRoom", outsider.messageKey());
        LocalizedException blank = assertThrows(LocalizedException.class,
                () -> classData.contribute(ada.owner(), 1, new GrayImage(112, 112, new float[112 * 112])));
        assertEquals("classdata.error.empty", blank.messageKey());
        assertEquals(0, classData.drawingsOf(ada.id()));
    }

    @Test
    void deletingFromTheGalleryNeedsTheRoomsInstructorKey() {
        long id = classData.contribute(ada.owner(), 1, Strokes.one(112));
        Classroom other = new Classroom(rooms);
        for (String crafted : new String[] {null, "", "guess", other.key(), room.key().substring(1)}) {
            LocalizedException refused = assertThrows(LocalizedException.class,
                    () -> classData.delete(room.id(), crafted, id));
            assertEquals("workshop.error.notInstructor", refused.messageKey());
        }
        assertThrows(LocalizedException.class, () -> classData.gallery(room.id(), other.key()));
        assertThrows(LocalizedException.class, () -> classData.galleryIds(room.id(), other.key()));
        assertThrows(LocalizedException.class, () -> classData.gallery(room.id(), other.key(), List.of(id)));
        assertEquals(List.of(), classData.gallery(other.id(), other.key(), List.of(id)),
                "another room's key reads none of this room's drawings by id");
        assertThrows(LocalizedException.class,
                () -> classData.runExperiment(room.id(), null, Experiment.Kind.SHIPPED_ON_CLASS));
        assertFalse(classData.delete(other.id(), other.key(), id), "another room's key reaches only that room");
        assertEquals(1, classData.gallery(room.id(), room.key()).size());

        assertTrue(classData.delete(room.id(), room.key(), id));
        assertEquals(0, classData.gallery(room.id(), room.key()).size());
        assertEquals(0, classData.drawingsOf(ada.id()));
    }

    @Test
    void theGalleryReadsTheIdsAloneAndThePixelsOfTheDrawingsAskedFor() {
        long one = classData.contribute(ada.owner(), 1, Strokes.one(112));
        long zero = classData.contribute(ada.owner(), 0, Strokes.zero(112));
        long seven = classData.contribute(ada.owner(), 7, Strokes.smallSevenOffCentre(112));
        assertEquals(List.of(one, zero, seven), classData.galleryIds(room.id(), room.key()));

        List<ClassDrawing> asked = classData.gallery(room.id(), room.key(), List.of(seven, one, 12345L));
        assertEquals(List.of(one, seven), asked.stream().map(ClassDrawing::id).toList(), "oldest first, unknown ids left out");
        assertEquals(List.of(1, 7), asked.stream().map(ClassDrawing::label).toList());
        ClassDrawing whole = classData.gallery(room.id(), room.key()).get(2);
        assertArrayEquals(whole.pixels(), asked.get(1).pixels());
        assertEquals(List.of(), classData.gallery(room.id(), room.key(), List.of()));
    }
}
