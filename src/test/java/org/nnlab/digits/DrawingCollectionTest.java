package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.data.LabeledImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The drawings table (migration V10) through the service, on the test database. */
@SpringBootTest
@ActiveProfiles("test")
class DrawingCollectionTest {
    @Autowired
    DrawingCollection drawings;

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    private static GrayImage input(GrayImage drawing) {
        return new DigitPreprocessor().process(drawing).centred();
    }

    @Test
    void keepsEachOwnersDrawingsApartAndGivesThemBackAsATrainingSet() {
        GrayImage one = input(Strokes.one(112));
        GrayImage zero = input(Strokes.zero(112));
        long first = drawings.add(alice, one, 1, 7, "mnist-cnn");
        drawings.add(alice, zero, 0, 0, "mnist-mlp");
        drawings.add(bob, one, 1, 1, "mnist-cnn");

        assertEquals(2, drawings.count(alice));
        assertEquals(1, drawings.count(bob));
        List<Drawing> list = drawings.list(alice);
        assertEquals(List.of(1, 0), list.stream().map(Drawing::label).toList());
        assertEquals(first, list.getFirst().id());
        assertEquals(7, list.getFirst().predicted());
        assertEquals("mnist-cnn", list.getFirst().modelId());
        assertArrayEquals(one.pixels(), list.getFirst().pixels(), 1f / 510 + 1e-6f);

        LabeledImages set = drawings.asTrainingSet(alice);
        assertEquals(2, set.size());
        assertArrayEquals(new int[] {1, 0}, set.labels());
        assertArrayEquals(zero.pixels(), set.image(1), 1f / 510 + 1e-6f);
        assertEquals(0, drawings.asTrainingSet("nobody-" + UUID.randomUUID()).size());
    }

    @Test
    void anOwnerDeletesOnlyTheirOwnDrawings() {
        long id = drawings.add(alice, input(Strokes.one(112)), 1, 1, "mnist-cnn");
        assertFalse(drawings.delete(bob, id));
        assertTrue(drawings.delete(alice, id));
        assertEquals(0, drawings.count(alice));
    }

    @Test
    void countsPerDigitNewestFirstAndDeleteAllStayWithTheOwner() {
        GrayImage one = input(Strokes.one(112));
        GrayImage zero = input(Strokes.zero(112));
        drawings.add(alice, one, 1, 1, "mnist-cnn");
        long middle = drawings.add(alice, zero, 0, 6, "mnist-cnn");
        long newest = drawings.add(alice, one, 1, 7, "mnist-cnn");
        drawings.add(bob, zero, 0, 0, "mnist-cnn");

        assertArrayEquals(new int[] {1, 2, 0, 0, 0, 0, 0, 0, 0, 0}, drawings.countsByLabel(alice));
        assertArrayEquals(new int[10], drawings.countsByLabel("nobody-" + UUID.randomUUID()));
        List<Drawing> two = drawings.newest(alice, 2);
        assertEquals(List.of(newest, middle), two.stream().map(Drawing::id).toList());
        assertEquals(List.of(1, 0), two.stream().map(Drawing::label).toList());
        assertEquals(3, drawings.newest(alice, 50).size());

        assertEquals(3, drawings.deleteAll(alice));
        assertEquals(0, drawings.count(alice));
        assertEquals(1, drawings.count(bob), "another owner's drawings stay");
    }

    @Test
    void refusesWhatIsNotALabelled28By28Drawing() {
        assertThrows(IllegalArgumentException.class, () -> drawings.add(alice, GrayImage.blank(112, 112), 1, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> drawings.add(alice, GrayImage.blank(28, 28), 10, 1, "m"));
        assertThrows(IllegalArgumentException.class, () -> drawings.add("", GrayImage.blank(28, 28), 1, 1, "m"));
        assertEquals(0, drawings.count(alice));
    }
}
