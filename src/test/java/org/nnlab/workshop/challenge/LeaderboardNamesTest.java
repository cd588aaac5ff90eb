package org.nnlab.workshop.challenge;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.classdata.Classroom;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The leaderboard as the room reads it: equal accuracies ordered by a finish time shown to the second (to the
 * millisecond where equal accuracies finished within the same second), and those
 * who left or were removed still named (by their last nickname, marked), not shown as "?".
 */
class LeaderboardNamesTest extends KaribuSpringTest {
    @Autowired
    ChallengeService challenges;
    @Autowired
    ChallengeStore store;
    @Autowired
    RoomService rooms;
    private TimeZone zone;

    @BeforeEach
    void utc() {
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    private void enter(Challenge c, Participant p, double accuracy, String finishedAt) {
        store.add(new Entry(0, c.id(), p.id(), "job-" + p.id(), true, null, List.of(), accuracy, 7850,
                "Flatten → Dense(10)", "{}", Instant.parse(finishedAt)));
    }

    /** Each line of the board: its name and its parameters-and-time text. */
    private static List<String> lines() {
        UI.getCurrent().navigate("workshop/draw");
        UI.getCurrent().navigate("workshop/leaderboard");
        Div board = _get(Div.class, spec -> spec.withId("leaderboard"));
        return board.getChildren().map(line -> line.getElement().getChildren()
                .filter(e -> e.getClassList().contains("nnlab-board-name") || e.getClassList().contains("nnlab-board-parameters"))
                .map(Element::getText).reduce((a, b) -> a + " | " + b).orElse("")).toList();
    }

    @Test
    void equalAccuraciesShowTheFinishTimeThatOrdersThemAndGonePeopleKeepTheirName() {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada");
        Participant bo = room.join("Bo");
        Participant cy = room.join("Cy");
        Participant dee = room.join("Dee");
        Participant ev = room.join("Ev");
        Challenge c = challenges.start(room.id(), room.key(), Challenge.Objective.MNIST_TEST, 10_000, 1, 30);
        enter(c, bo, 0.9, "2026-12-01T10:31:07.400Z");
        enter(c, ada, 0.9, "2026-12-01T10:31:05.900Z");
        enter(c, ev, 0.9, "2026-12-01T10:31:07.100Z");
        enter(c, cy, 0.8, "2026-12-01T10:30:00Z");
        enter(c, dee, 0.7, "2026-12-01T10:29:00Z");
        rooms.remove(room.id(), room.key(), cy.id());
        rooms.leave(dee.owner());

        VaadinSession.getCurrent().setAttribute(CurrentOwner.SESSION_ATTRIBUTE, ada.owner());
        assertEquals(List.of(
                "Ada | 7,850 parameters · finished 10:31:05 AM",
                "Ev | 7,850 parameters · finished 10:31:07.100 AM",
                "Bo | 7,850 parameters · finished 10:31:07.400 AM",
                "Cy (removed) | 7,850 parameters · finished 10:30:00 AM",
                "Dee (left the room) | 7,850 parameters · finished 10:29:00 AM"), lines().stream()
                .map(s -> s.replace('\u202f', ' ')).toList());

        useLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals(List.of(
                "Ada | 7,850 个参数 · 10:31:05 完成",
                "Ev | 7,850 个参数 · 10:31:07.100 完成",
                "Bo | 7,850 个参数 · 10:31:07.400 完成",
                "Cy（已被移出） | 7,850 个参数 · 10:30:00 完成",
                "Dee（已离开房间） | 7,850 个参数 · 10:29:00 完成"), lines());
        assertEquals(0, _find(Span.class, spec -> spec.withText("?")).size());
    }
}
