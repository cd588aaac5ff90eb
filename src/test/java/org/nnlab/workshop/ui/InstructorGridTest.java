package org.nnlab.workshop.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.nnlab.workshop.CreatedRoom;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomActivity;
import org.nnlab.workshop.RoomLimits;
import org.nnlab.workshop.RoomRuns;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSettings;
import org.nnlab.workshop.ui.ParticipantGrid.Row;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The instructor's live grid with real participants (joined through the service, as other browsers would)
 * and real training runs held to the room's limits.
 */
class InstructorGridTest extends KaribuSpringTest {
    @Autowired
    RoomService rooms;
    @Autowired
    RoomRuns runs;
    @Autowired
    TrainingService training;
    @Autowired
    RoomActivity activity;
    private final List<String[]> started = new ArrayList<>();

    @AfterEach
    void stopRuns() {
        for (String[] ownerAndJob : started) {
            training.jobsOf(ownerAndJob[0]).stream().filter(j -> !j.isFinal()).forEach(j -> training.stop(ownerAndJob[0], j.id()));
        }
    }


    /**
     * Presses a button of a participant's actions cell: checks that the cell, as the browser renders it from the
     * grid's template, has the button with its label, then does what its click does.
     */
    private static void press(ParticipantGrid grid, String action, Participant p) {
        int row = 0;
        while (!p.id().equals(GridKt._get(grid.grid, row).participant().id())) {
            row++;
        }
        Row shown = GridKt._get(grid.grid, row);
        @SuppressWarnings("unchecked")
        LitRenderer<Row> renderer = (LitRenderer<Row>) grid.grid.getColumnByKey("actions").getRenderer();
        String template = com.github.mvysny.kaributools.RenderersKt.getTemplate(renderer);
        assertTrue(template.contains("id=\"" + action + "-${item.id}\"") && template.contains("@click=${" + action + "}"), template);
        Map<String, ValueProvider<Row, ?>> values = renderer.getValueProviders();
        assertEquals(p.id(), values.get("id").apply(shown));
        assertEquals(grid.getTranslation("workshop.grid." + action, shown.nickname()), values.get(action + "Label").apply(shown));
        RoomControls controls = _get(RoomScreen.class).controls;
        if (action.equals("rename")) {
            controls.rename(p);
        } else {
            controls.remove(p);
        }
    }

    private CreatedRoom openRoomScreen(RoomLimits limits) {
        CreatedRoom created = rooms.create(new RoomSettings("Grid class", "en", List.of("train"), limits));
        UI.getCurrent().navigate("workshop");
        _get(WorkshopView.class).open(created.room().id(), created.instructorKey());
        return created;
    }

    private static TrainingRequest xor(int epochs) {
        return new TrainingRequest("xor", Presets.XOR.spec(), new DataChoice("toy-xor", 200, DataChoice.Options.toy(0.1, 1)),
                new OptimizerConfig(OptimizerKind.SGD, 0.5, 0, 0), 8, epochs, 1, false, 0.1);
    }

    @Test
    void participantsAppearLiveCanBeRenamedAndRemoved() throws InterruptedException {
        CreatedRoom created = openRoomScreen(new RoomLimits(5, 200_000));
        ParticipantGrid grid = _get(ParticipantGrid.class);
        Participant bob = rooms.join(created.room().code(), "Bob", UUID.randomUUID().toString(), "10.2.0.1");
        await(() -> GridKt._size(grid.grid) == 1, "Bob in the grid");
        assertEquals("Bob", GridKt._get(grid.grid, 0).nickname());
        assertEquals("0 of 1 have finished a run", _get(Span.class, s -> s.withId("room-done-count")).getText());

        press(grid, "rename", bob);
        _get(TextField.class, s -> s.withId("rename-nickname")).setValue("Robert");
        _click(_get(Button.class, s -> s.withId("rename-ok")));
        await(() -> GridKt._get(grid.grid, 0).nickname().equals("Robert"), "the new nickname");
        rooms.join(created.room().code(), "Eve", UUID.randomUUID().toString(), "10.2.0.1");
        await(() -> GridKt._size(grid.grid) == 2, "Eve in the grid");
        grid.filter.setValue("ROB");
        assertEquals(1, GridKt._size(grid.grid));
        assertEquals("Robert", GridKt._get(grid.grid, 0).nickname());
        grid.filter.setValue("");
        grid.grid.sort(List.of(new com.vaadin.flow.component.grid.GridSortOrder<>(grid.grid.getColumnByKey("nickname"),
                com.vaadin.flow.data.provider.SortDirection.ASCENDING)));
        assertEquals("Eve", GridKt._get(grid.grid, 0).nickname());

        press(grid, "remove", bob);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        await(() -> GridKt._size(grid.grid) == 1, "Robert gone");
        assertTrue(rooms.participantOf(bob.owner()).isEmpty());
    }

    /**
     * What a redraw sends when one participant's drawings change: that row's values, not a new set of buttons for
     * the row (server-side buttons cost about 7 KB a row, and a class's frames then queued up in the browser).
     */
    @Test
    void aChangedRowSendsItsValuesNotNewComponents() throws InterruptedException {
        CreatedRoom created = openRoomScreen(new RoomLimits(5, 200_000));
        ParticipantGrid grid = _get(ParticipantGrid.class);
        for (int i = 0; i < 12; i++) {
            rooms.join(created.room().code(), "Learner " + i, UUID.randomUUID().toString(), "10.2.0.1");
        }
        await(() -> GridKt._size(grid.grid) == 12, "twelve in the grid");
        UI ui = UI.getCurrent();
        new com.vaadin.flow.server.communication.UidlWriter().createUidl(ui, false);
        List<Row> now = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Row r = GridKt._get(grid.grid, i);
            now.add(i == 5 ? new Row(r.participant(), r.activity(), r.run(), r.result(), r.drawings() + 1) : r);
        }
        grid.show(now);
        String sent = new com.vaadin.flow.server.communication.UidlWriter().createUidl(ui, false).toString();
        assertTrue(sent.contains(now.get(5).nickname()), sent);
        assertTrue(sent.length() < 2_000, sent.length() + " characters: " + sent);
    }

    @Test
    void runsAreHeldToTheRoomsLimitsAndShownInTheGrid() throws InterruptedException {
        CreatedRoom created = openRoomScreen(new RoomLimits(5, 200_000));
        ParticipantGrid grid = _get(ParticipantGrid.class);
        String owner = UUID.randomUUID().toString();
        Participant ada = rooms.join(created.room().code(), "Ada", owner, "10.2.0.2");
        LocalizedException tooLong = assertThrows(LocalizedException.class, () -> training.start(owner, xor(6)));
        assertEquals("workshop.run.tooManyEpochs", tooLong.messageKey());
        ModelSpec big = ModelSpec.of(Shape.of(2), new DenseSpec(500), new SigmoidSpec(), new DenseSpec(500), new SigmoidSpec(),
                new DenseSpec(1), new SigmoidSpec());
        LocalizedException tooBig = assertThrows(LocalizedException.class, () -> training.start(owner,
                new TrainingRequest("big", big, new DataChoice("toy-xor", 200, DataChoice.Options.toy(0.1, 1)),
                        new OptimizerConfig(OptimizerKind.SGD, 0.5, 0, 0), 8, 2, 1, false, 0.1)));
        assertEquals("workshop.run.tooManyParameters", tooBig.messageKey());

        JobSnapshot job = training.start(owner, xor(5));
        started.add(new String[] {owner, job.id().toString()});
        await(() -> runs.run(ada.id()).map(r -> r.state().isFinal()).orElse(false), "Ada's run to end");
        await(() -> GridKt._size(grid.grid) == 1 && GridKt._get(grid.grid, 0).done(), "Ada done in the grid");
        ParticipantGrid.Row row = GridKt._get(grid.grid, 0);
        assertEquals(runs.run(ada.id()).orElseThrow().accuracy(), row.result().bestAccuracy(), 1e-12);
        assertEquals("1 of 1 have finished a run", _get(Span.class, s -> s.withId("room-done-count")).getText());
        // outside a room the same run is the server's business only
        assertEquals(6, training.start(UUID.randomUUID().toString(), xor(6)).epochs());
    }

    @Test
    void aRoomHasAtMostItsShareOfRunsGoingAtOnce() {
        CreatedRoom created = rooms.create(new RoomSettings("Busy class", "en", List.of("train"), new RoomLimits(100, 5_000_000)));
        ModelSpec slow = ModelSpec.of(Shape.of(2), new DenseSpec(1000), new SigmoidSpec(), new DenseSpec(1000), new SigmoidSpec(),
                new DenseSpec(1), new SigmoidSpec());
        TrainingRequest request = new TrainingRequest("slow", slow, new DataChoice("toy-spiral", 2000, DataChoice.Options.toy(0.1, 1)),
                new OptimizerConfig(OptimizerKind.SGD, 0.1, 0, 0), 8, 100, 1, false, 0.1);
        int cap = rooms.properties().maxConcurrentRunsPerRoom();
        for (int i = 0; i <= cap; i++) {
            String owner = UUID.randomUUID().toString();
            rooms.join(created.room().code(), "P" + i, owner, "10.3.0." + i);
            if (i < cap) {
                started.add(new String[] {owner, training.start(owner, request).id().toString()});
            } else {
                LocalizedException busy = assertThrows(LocalizedException.class, () -> training.start(owner, request));
                assertEquals("workshop.run.roomBusy", busy.messageKey());
                // someone outside the room still trains
                String outsider = UUID.randomUUID().toString();
                started.add(new String[] {outsider, training.start(outsider, request).id().toString()});
            }
        }
    }

    @Test
    void thePageColumnNamesPagesInTheInstructorsLanguage() throws InterruptedException {
        CreatedRoom created = openRoomScreen(new RoomLimits(5, 200_000));
        ParticipantGrid grid = _get(ParticipantGrid.class);
        Participant ada = rooms.join(created.room().code(), "Ada", UUID.randomUUID().toString(), "10.4.0.1");
        activity.visit(ada, "ada-tab", "draw");
        await(() -> GridKt._size(grid.grid) == 1 && "Draw".equals(GridKt._getFormatted(grid.grid, 0, "page")), "Draw");
        activity.visit(ada, "ada-tab", "labs/perceptron");
        await(() -> "The perceptron".equals(GridKt._getFormatted(grid.grid, 0, "page")), "the lab's title");
        activity.visit(ada, "ada-tab", "workshop/leaderboard");
        await(() -> "Challenge".equals(GridKt._getFormatted(grid.grid, 0, "page")), "the leaderboard page's name");

        newSession();
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("workshop");
        _get(WorkshopView.class).open(created.room().id(), created.instructorKey());
        ParticipantGrid zh = _get(ParticipantGrid.class);
        activity.visit(ada, "ada-tab", "draw");
        await(() -> "手写识别".equals(GridKt._getFormatted(zh.grid, 0, "page")), "手写识别");
        activity.visit(ada, "ada-tab", "labs/perceptron");
        await(() -> "感知机".equals(GridKt._getFormatted(zh.grid, 0, "page")), "感知机");
    }

    @Test
    void anEmptyGridIsShortAndSaysSoALongOneScrolls() throws InterruptedException {
        CreatedRoom created = openRoomScreen(new RoomLimits(5, 200_000));
        ParticipantGrid grid = _get(ParticipantGrid.class);
        assertTrue(grid.grid.isAllRowsVisible(), "no fixed-height empty box");
        assertNull(grid.grid.getHeight());
        assertEquals("Nobody has joined yet. Show the code or the QR code to your class.", grid.grid.getEmptyStateText());
        for (int i = 0; i <= ParticipantGrid.ROWS_SHOWN_WHOLE; i++) {
            rooms.join(created.room().code(), "P" + i, UUID.randomUUID().toString(), "10.5.0." + i);
        }
        await(() -> GridKt._size(grid.grid) == ParticipantGrid.ROWS_SHOWN_WHOLE + 1, "everyone in the grid");
        assertFalse(grid.grid.isAllRowsVisible(), "a long list scrolls inside the grid");
        assertEquals("28rem", grid.grid.getHeight());
    }
}
