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
 * What the instructor's grid sends to the browser as a class joins and works: rows in one page, newcomers' rows
 * alone, column widths set on the server and widened only when a text got wider.
 */
class InstructorGridUpdatesTest extends KaribuSpringTest {
    @Autowired
    RoomService rooms;

    /** The open room screen's grid once {@code learners} people joined from {@code address} are all in it. */
    private ParticipantGrid gridWithLearners(CreatedRoom created, int learners, String address) throws InterruptedException {
        ParticipantGrid grid = _get(ParticipantGrid.class);
        for (int i = 0; i < learners; i++) {
            rooms.join(created.room().code(), "Learner " + i, UUID.randomUUID().toString(), address);
        }
        await(() -> GridKt._size(grid.grid) == learners, learners + " in the grid");
        return grid;
    }

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
     * The browser measures no cell: auto-width columns made it lay out every rendered cell of each column on every
     * new row count and every wider text (half a second to most of a second per phase of a class of 100, crowd
     * bench profile). Each column is as wide as its header or its widest text, set on the server, and widens only
     * when a wider text comes; then the browser is asked whether the columns still fit unfrozen.
     */
    @Test
    void columnsWidenOnTheServerOnlyWhenATextGetsWiderAndTheBrowserMeasuresNothing() throws InterruptedException {
        CreatedRoom created = openRoomScreen();
        ParticipantGrid grid = gridWithLearners(created, 12, "10.6.0.1");
        grid.grid.getColumns().forEach(c -> {
            assertFalse(c.isAutoWidth(), c.getKey() + " is not measured in the browser");
            assertFalse(c.isFrozen() || c.isFrozenToEnd(), c.getKey() + " is frozen by the browser only when narrow");
            assertTrue(c.getWidth() != null && c.getWidth().endsWith("rem"), c.getKey() + ": " + c.getWidth());
        });
        sent();
        assertFalse(sent().contains("recalculateColumnWidths"), "nothing changed, nothing to refit");
        java.util.Map<String, String> before = widths(grid);

        grid.show(withDrawings(grid, 5, 10));
        String ten = sent();
        assertEquals(before, widths(grid), "10 drawings fit under the header: " + ten);
        assertFalse(ten.contains("recalculateColumnWidths") || ten.contains("__nnlabFitFrozen"), ten);

        List<Row> longer = withDrawings(grid, 0, 0);
        Row first = longer.getFirst();
        longer.set(0, new Row(new org.nnlab.workshop.Participant(first.participant().id(), first.participant().roomId(),
                first.participant().owner(), "Bartholomew Magnificent", first.participant().joinedAt()),
                first.activity(), first.run(), first.result(), 0));
        grid.show(longer);
        String wider = sent();
        java.util.Map<String, String> after = widths(grid);
        assertTrue(rem(after.get("nickname")) > rem(before.get("nickname")), before + " -> " + after);
        after.remove("nickname");
        before.remove("nickname");
        assertEquals(before, after, "only the nickname column widened");
        assertTrue(wider.contains(grid.grid.getColumnByKey("nickname").getWidth()) && wider.contains("__nnlabFitFrozen"), wider);
        assertFalse(wider.contains("recalculateColumnWidths"), wider);
    }

    private static double rem(String width) {
        return Double.parseDouble(width.replace("rem", ""));
    }

    private static java.util.Map<String, String> widths(ParticipantGrid grid) {
        java.util.Map<String, String> widths = new java.util.TreeMap<>();
        grid.grid.getColumns().forEach(c -> widths.put(c.getKey(), c.getWidth()));
        return widths;
    }

    /** Estimated widths: a header's, a capital's, an ideograph's; a column's with the padding, in quarter rem. */
    @Test
    void textWidthsAreEstimatedGenerously() {
        assertEquals(0.75 + 6 * 0.56, ParticipantGridWidths.em("Learner"), 1e-9);
        assertEquals(4, ParticipantGridWidths.em("手写识别"), 1e-9);
        assertEquals("6.00rem", ParticipantGridWidths.width(4));
        assertEquals("6.25rem", ParticipantGridWidths.width(4.01));
    }

    /**
     * A run's progress moves many times a second, its shown percent far less often: a row that would look the same
     * is not sent again (each row sent makes the instructor's browser lay out the whole grid once more), though the
     * grid keeps its new values for sorting.
     */
    @Test
    void aRowThatWouldLookTheSameIsNotSentAgain() throws InterruptedException {
        CreatedRoom created = openRoomScreen();
        ParticipantGrid grid = gridWithLearners(created, 3, "10.6.0.5");
        String first = '"' + GridKt._get(grid.grid, 0).nickname() + '"';
        sent();
        grid.show(withProgress(grid, 0.101));
        String started = sent();
        assertTrue(started.contains(first) && started.contains("10 %"), started);

        grid.show(withProgress(grid, 0.104));
        String same = sent();
        assertFalse(same.contains(first), "still 10 %: " + same);
        assertFalse(same.contains("\"changes\":[{"), "nothing else changed either: " + same);
        String id = GridKt._get(grid.grid, 0).participant().id();
        assertEquals(0.104, grid.grid.getListDataView().getItems().filter(r -> r.participant().id().equals(id))
                .findFirst().orElseThrow().progress(), 1e-9, "kept for sorting");

        grid.show(withProgress(grid, 0.11));
        String moved = sent();
        assertTrue(moved.contains(first) && moved.contains("11 %"), moved);
    }

    /** The grid's rows with the first one training, {@code progress} done. */
    private static List<Row> withProgress(ParticipantGrid grid, double progress) {
        List<Row> now = withDrawings(grid, 0, 0);
        Row r = now.getFirst();
        now.set(0, new Row(r.participant(), r.activity(), new org.nnlab.workshop.RunStatus(r.participant().id(), "LeNet-5",
                org.nnlab.training.JobState.RUNNING, progress, Double.NaN), r.result(), r.drawings()));
        return now;
    }

    /**
     * A newcomer's row travels alone, with the new row count: the rows already shown are not sent again. Sending
     * all rows on every join made the instructor's browser clear and redraw the whole class each time; while a
     * class joined, that browser was busy all the time and the grid fell seconds behind (crowd bench). Newcomers
     * within half a second of the last ones wait for the next batch, while a changed row goes at once.
     */
    @Test
    void aNewcomerIsSentAloneWithoutTheRowsShown() throws InterruptedException {
        CreatedRoom created = openRoomScreen();
        ParticipantGrid grid = gridWithLearners(created, 12, "10.6.0.2");
        long[] now = {System.nanoTime() + 10_000_000_000L};
        grid.clock = () -> now[0];
        // names as the grid orders them (people who joined in the same instant may come in any order), quoted
        // as in the JSON sent, so that "Learner 1" is not found inside "Learner 10"
        String sixth = '"' + GridKt._get(grid.grid, 5).nickname() + '"';
        String fifth = '"' + GridKt._get(grid.grid, 4).nickname() + '"';
        sent();
        List<Row> rows = withDrawings(grid, 0, 0);
        rows.add(newcomer(rows.getFirst(), "Newcomer A"));
        assertEquals(0, grid.show(rows), "long after the last newcomers: at once");
        assertEquals(13, GridKt._size(grid.grid));
        String added = sent();
        assertTrue(added.contains("Newcomer A"), added);
        assertFalse(added.contains(fifth) || added.contains(sixth), "rows already shown are not sent again: " + added);

        now[0] += 100_000_000L;
        rows = withDrawings(grid, 5, 1);
        rows.add(newcomer(rows.getFirst(), "Newcomer B"));
        long wait = grid.show(rows);
        assertEquals(ParticipantGrid.NEW_ROWS_NANOS - 100_000_000L, wait, "the next newcomers wait for the next batch");
        assertEquals(13, GridKt._size(grid.grid));
        assertEquals(1, GridKt._get(grid.grid, 5).drawings(), "the changed row is shown at once");
        String changed = sent();
        assertTrue(changed.contains(sixth) && !changed.contains(fifth) && !changed.contains("Newcomer"), changed);

        now[0] += wait;
        assertEquals(0, grid.show(rows));
        assertEquals(14, GridKt._size(grid.grid));
        assertEquals("Newcomer B", GridKt._get(grid.grid, 13).nickname());
        String later = sent();
        assertTrue(later.contains("Newcomer B") && !later.contains("Newcomer A") && !later.contains(sixth), later);
    }

    /**
     * Someone leaving makes the grid send all its rows; within half a second of the last time that waits, while a
     * changed row of someone shown goes at once, alone.
     */
    @Test
    void aDepartureWaitsForTheNextFullSendWhileAChangedRowGoesAtOnce() throws InterruptedException {
        CreatedRoom created = openRoomScreen();
        ParticipantGrid grid = gridWithLearners(created, 12, "10.6.0.4");
        long[] now = {System.nanoTime() + 10_000_000_000L};
        grid.clock = () -> now[0];
        List<Row> rows = withDrawings(grid, 0, 0);
        rows.removeLast();
        assertEquals(0, grid.show(rows), "long after the last full send: at once");
        assertEquals(11, GridKt._size(grid.grid));
        sent();

        now[0] += 100_000_000L;
        String sixth = '"' + GridKt._get(grid.grid, 5).nickname() + '"';
        String fifth = '"' + GridKt._get(grid.grid, 4).nickname() + '"';
        rows = withDrawings(grid, 5, 1);
        rows.removeLast();
        long wait = grid.show(rows);
        assertEquals(ParticipantGrid.FULL_REFRESH_NANOS - 100_000_000L, wait, "the rest waits for the next full send");
        assertEquals(11, GridKt._size(grid.grid));
        assertEquals(1, GridKt._get(grid.grid, 5).drawings(), "the changed row is shown");
        String changed = sent();
        assertTrue(changed.contains(sixth) && !changed.contains(fifth), changed);

        now[0] += wait;
        assertEquals(0, grid.show(rows));
        assertEquals(10, GridKt._size(grid.grid));
    }

    /**
     * A class joining over a few seconds: the grid never sends all its rows again (it did up to twice a second,
     * each time with everyone's row), and everyone is in it at the end.
     */
    @Test
    void aClassJoiningNeverHasTheGridSentWhole() throws InterruptedException {
        CreatedRoom created = openRoomScreen();
        ParticipantGrid grid = _get(ParticipantGrid.class);
        java.util.concurrent.atomic.AtomicInteger full = new java.util.concurrent.atomic.AtomicInteger();
        grid.grid.getDataProvider().addDataProviderListener(e -> {
            if (!(e instanceof com.vaadin.flow.data.provider.DataChangeEvent.DataRefreshEvent)) {
                full.incrementAndGet();
            }
        });
        int people = 40;
        Thread joining = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < people; i++) {
                rooms.join(created.room().code(), "Learner " + i, UUID.randomUUID().toString(), "10.6.0.3");
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        await(() -> GridKt._size(grid.grid) == people, "everyone in the grid");
        joining.join();
        assertEquals(0, full.get(), "full sends while a class joined");
        assertEquals("0 of " + people + " have finished a run",
                _get(com.vaadin.flow.component.html.Span.class, s -> s.withId("room-done-count")).getText());
    }

    private static Row newcomer(Row like, String nickname) {
        return new Row(new org.nnlab.workshop.Participant(UUID.randomUUID().toString(), like.participant().roomId(),
                UUID.randomUUID().toString(), nickname, like.participant().joinedAt()), like.activity(), null, null, 0);
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
