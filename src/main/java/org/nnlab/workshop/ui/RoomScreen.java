package org.nnlab.workshop.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nnlab.builder.SavedSpecService;
import org.nnlab.workshop.ContributionCounts;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.ParticipantResult;
import org.nnlab.workshop.Room;
import org.nnlab.workshop.RoomActivity;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomRuns;
import org.nnlab.workshop.RoomService;

/**
 * The instructor's screen of one room: the header for the projector, the room's controls, the setup to push
 * and the live participant grid. It listens to the room and redraws what changed; bursts of events are
 * folded into one redraw (at most one waits at a time, and redraws are a quarter of a second apart at least),
 * so a busy room cannot flood the page or the server. The grid sends all its rows at most twice a second; when
 * it held some back (people who joined meanwhile), another redraw follows when it can send them.
 */
class RoomScreen extends VerticalLayout {
    private final RoomService rooms;
    private final RoomActivity activity;
    private final RoomRuns runs;
    private final RoomEvents events;
    private final ContributionCounts contributions;
    private final String key;
    private Room room;
    final RoomHeader header;
    final RoomControls controls;
    final SetupPusher setup;
    final ParticipantGrid grid;
    /** Redraws of one screen are at least this far apart (a class's runs report progress many times a second). */
    private static final long MIN_REDRAW_NANOS = 250_000_000L;
    /** Runs the redraws, so that the thread delivering room events never waits for a screen. */
    private static final ScheduledExecutorService REDRAWS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "room-screen-redraws");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    private volatile long lastRedraw = System.nanoTime() - MIN_REDRAW_NANOS;
    private RoomEvents.Subscription subscription;

    RoomScreen(Services services, Room room, String key, String owner, Runnable onLeave) {
        this.rooms = services.rooms();
        this.activity = services.activity();
        this.runs = services.runs();
        this.events = services.events();
        this.contributions = services.contributions();
        this.key = key;
        this.room = room;
        setId("room-screen");
        setPadding(false);
        header = new RoomHeader(room);
        controls = new RoomControls(rooms, room, key, this::roomChanged, onLeave);
        setup = new SetupPusher(services.savedSpecs(), owner, room.limits(), s -> rooms.pushSetup(room.id(), key, s));
        grid = new ParticipantGrid(rooms.properties().maxParticipants(), p -> controls.rename(p), p -> controls.remove(p));
        add(header, controls, setup, grid, ClassLinks.of(this, "workshop/class-data", "classdata.title"));
        redraw();
    }

    /** What the room screen needs from the application. */
    record Services(RoomService rooms, RoomActivity activity, RoomRuns runs, RoomEvents events,
                    ContributionCounts contributions, SavedSpecService savedSpecs) {
    }

    private void roomChanged(Room now) {
        room = now;
        header.show(now);
        controls.show(now);
        setup.setVisible(now.isActive());
    }

    /**
     * Reads the room again and shows it as it is now.
     *
     * @return 0, or the nanoseconds after which the grid can show what it held back (see {@link ParticipantGrid#show})
     */
    long redraw() {
        Room now = rooms.roomForInstructor(room.id(), key);
        roomChanged(now);
        List<ParticipantResult> all = rooms.results(now.id());
        Map<String, ParticipantResult> results = new java.util.HashMap<>();
        all.forEach(r -> results.put(r.participant().id(), r));
        // an ended room shows everyone who took part, for its results
        List<Participant> inside = now.isActive() ? rooms.participants(now.id())
                : all.stream().map(ParticipantResult::participant).toList();
        Map<String, Integer> drawings = contributions.drawingsByParticipant(now.id());
        return grid.show(inside.stream().map(p -> new ParticipantGrid.Row(p, activity.activity(p.id()),
                runs.run(p.id()).orElse(null), results.get(p.id()), drawings.getOrDefault(p.id(), 0))).toList());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        subscription = events.subscribe(room.id(), e -> requestRedraw(ui, 0));
        long heldBack = redraw();
        if (heldBack > 0) {
            requestRedraw(ui, heldBack);
        }
    }

    /** Asks for a redraw in {@code afterNanos} at the earliest (and a quarter of a second after the last one). */
    private void requestRedraw(UI ui, long afterNanos) {
        if (redrawPending.compareAndSet(false, true)) {
            long wait = Math.max(afterNanos, lastRedraw + MIN_REDRAW_NANOS - System.nanoTime());
            REDRAWS.schedule(() -> redrawIn(ui), Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private void redrawIn(UI ui) {
        try {
            ui.access(() -> {
                redrawPending.set(false);
                lastRedraw = System.nanoTime();
                long heldBack = redraw();
                if (heldBack > 0) {
                    requestRedraw(ui, heldBack);
                }
            });
        } catch (UIDetachedException gone) {
            redrawPending.set(false);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
