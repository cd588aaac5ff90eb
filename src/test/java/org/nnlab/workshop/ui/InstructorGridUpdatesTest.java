package org.nnlab.workshop.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.UidlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.workshop.CreatedRoom;
import org.nnlab.workshop.RoomLimits;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSettings;
import org.nnlab.workshop.ui.ParticipantGrid.Row;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the instructor's grid sends to the browser as a class joins and works: rows in one page, column widths
 * refitted only when a text got wider.
 */
class InstructorGridUpdatesTest extends KaribuSpringTest {
    @Autowired
    RoomService rooms;

    private CreatedRoom openRoomScreen() {
        CreatedRoom created = rooms.create(new RoomSettings("Grid updates", "en", List.of("train"), new RoomLimits(5, 200_000)));
        UI.getCurrent().navigate("workshop");
        _get(WorkshopView.class).open(created.room().id(), created.instructorKey());
        return created;
    }

    /** What the UI would send to the browser now (and forgets it, as a sent message is). */
    private static String sent() {
        return new UidlWriter().createUidl(UI.getCurrent(), false).toString();
    }

    @Test
    void theBrowserFetchesAWholeClassInOnePage() {
        openRoomScreen();
        ParticipantGrid grid = _get(ParticipantGrid.class);
        assertEquals(Math.max(ParticipantGrid.MIN_PAGE_SIZE, rooms.properties().maxParticipants()), grid.grid.getPageSize());
    }

    /**
     * Refitting the columns makes the browser measure every rendered cell; with a class's rows changing several
     * times a second it did so on every change. Now only a wider text (a longer page name, a tenth drawing) does.
     */
    @Test
    void columnWidthsAreRefittedOnlyWhenATextGetsWider() throws InterruptedException {
        CreatedRoom created = openRoomScreen();
        ParticipantGrid grid = _get(ParticipantGrid.class);
        for (int i = 0; i < 12; i++) {
            rooms.join(created.room().code(), "Learner " + i, UUID.randomUUID().toString(), "10.6.0.1");
        }
        await(() -> GridKt._size(grid.grid) == 12, "twelve in the grid");
        sent();
        assertFalse(sent().contains("recalculateColumnWidths"), "nothing changed, nothing to refit");

        grid.show(withDrawings(grid, 5, 1));
        String oneMore = sent();
        assertTrue(oneMore.contains("Learner 5"), oneMore);
        assertFalse(oneMore.contains("recalculateColumnWidths"), "0 -> 1 drawing is no wider: " + oneMore);

        grid.show(withDrawings(grid, 5, 10));
        assertTrue(sent().contains("recalculateColumnWidths"), "10 drawings is wider than any count so far");
        grid.show(withDrawings(grid, 7, 12));
        assertFalse(sent().contains("recalculateColumnWidths"), "12 is as wide as 10");
    }

    private static List<Row> withDrawings(ParticipantGrid grid, int index, int drawings) {
        List<Row> now = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid.grid); i++) {
            Row r = GridKt._get(grid.grid, i);
            now.add(i == index ? new Row(r.participant(), r.activity(), r.run(), r.result(), drawings) : r);
        }
        return now;
    }
}
