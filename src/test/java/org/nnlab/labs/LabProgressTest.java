package org.nnlab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class LabProgressTest {
    @Autowired
    LabProgress progress;

    @Test
    void aTaskIsStoredOncePerOwnerAndTheChapterIsDoneWhenAllItsTasksAre() {
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();

        assertTrue(progress.complete(alice, Chapter.PERCEPTRON, "and"));
        assertFalse(progress.complete(alice, Chapter.PERCEPTRON, "and"), "the second time is not news");
        assertEquals(Set.of("and"), progress.completed(alice, Chapter.PERCEPTRON));
        assertFalse(progress.isDone(alice, Chapter.PERCEPTRON));
        assertEquals(Set.of(), progress.completed(bob, Chapter.PERCEPTRON), "each owner has their own progress");

        for (String task : Chapter.PERCEPTRON.tasks()) {
            progress.complete(alice, Chapter.PERCEPTRON, task);
        }
        progress.complete(alice, Chapter.BACKPROP, "w5");

        assertTrue(progress.isDone(alice, Chapter.PERCEPTRON));
        Map<Chapter, Set<String>> all = progress.completed(alice);
        assertEquals(Set.copyOf(Chapter.PERCEPTRON.tasks()), all.get(Chapter.PERCEPTRON));
        assertEquals(Set.of("w5"), all.get(Chapter.BACKPROP));
        assertFalse(all.containsKey(Chapter.DEEP));
    }

    @Test
    void aTaskTheChapterDoesNotHaveOrNoOwnerIsRefused() {
        String owner = UUID.randomUUID().toString();
        assertThrows(IllegalArgumentException.class, () -> progress.complete(owner, Chapter.PERCEPTRON, "fly"));
        assertThrows(IllegalArgumentException.class, () -> progress.complete(" ", Chapter.PERCEPTRON, "and"));
        assertFalse(progress.isDone(owner, Chapter.LSTM), "a chapter without tasks is never done");
    }

    @Test
    void chaptersFollowTheNotesAndLiveUnderTheLabsRoute() {
        assertEquals("labs/perceptron", Chapter.PERCEPTRON.route());
        assertEquals(Chapter.PERCEPTRON, Chapter.values()[0]);
        assertEquals(Chapter.BACKPROP, Chapter.values()[2]);
        assertEquals(Chapter.BIDIRECTIONAL, Chapter.values()[Chapter.values().length - 1]);
    }
}
