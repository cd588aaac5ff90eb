package org.nnlab.workshop.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.builder.SavedSpecService;
import org.nnlab.workshop.ContributionCounts;
import org.nnlab.workshop.CreatedRoom;
import org.nnlab.workshop.Room;
import org.nnlab.workshop.RoomActivity;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomRuns;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSettings;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The instructor's page. Without a room it shows the form that opens one; with a room whose key this browser
 * holds (in localStorage, or brought by a co-instructor link) it shows that room's screen. The key is sent
 * with every action and checked by the server; this page itself grants nothing.
 */
@Route("workshop")
@Menu(order = 6, title = "workshop.nav.teach", icon = "vaadin:presentation")
public class WorkshopView extends VerticalLayout implements HasDynamicTitle {
    private final RoomService rooms;
    private final RoomScreen.Services services;
    private final String owner;
    final CreateRoomForm createForm;
    RoomScreen screen;

    public WorkshopView(RoomService rooms, RoomActivity activity, RoomRuns runs, RoomEvents events,
                        ObjectProvider<ContributionCounts> contributions, SavedSpecService savedSpecs) {
        this.rooms = rooms;
        this.owner = CurrentOwner.id();
        this.services = new RoomScreen.Services(rooms, activity, runs, events,
                contributions.getIfAvailable(() -> roomId -> java.util.Map.of()), savedSpecs);
        setId("workshop");
        setMaxWidth("80rem");
        createForm = new CreateRoomForm(rooms.properties(), this::create);
        add(new H2(getTranslation("workshop.create.heading")), new Paragraph(getTranslation("workshop.create.intro")), createForm);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.nav.teach") + " · " + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (screen == null) {
            UI ui = event.getUI();
            InstructorKeyStorage.read(ui, stored -> {
                String[] parts = stored == null ? new String[0] : stored.strip().split(" ");
                if (parts.length == 2) {
                    open(parts[0], parts[1]);
                }
            });
        }
    }

    private void create(RoomSettings settings) {
        CreatedRoom created = rooms.create(settings);
        InstructorKeyStorage.store(UI.getCurrent(), created.room().id(), created.instructorKey());
        show(created.room(), created.instructorKey());
    }

    /**
     * Opens the room {@code roomId} with the key this browser holds; a key that no longer opens anything
     * (the room was deleted) is forgotten and the form stays.
     */
    void open(String roomId, String key) {
        Room room;
        try {
            room = rooms.roomForInstructor(roomId, key);
        } catch (LocalizedException notOurs) {
            InstructorKeyStorage.clear(UI.getCurrent());
            return;
        }
        show(room, key);
    }

    private void show(Room room, String key) {
        removeAll();
        screen = new RoomScreen(services, room, key, owner, this::leaveRoom);
        add(screen);
    }

    /** Forgets the room in this browser (after it ended) and offers the form for a new one. */
    private void leaveRoom() {
        InstructorKeyStorage.clear(UI.getCurrent());
        screen = null;
        removeAll();
        add(new H2(getTranslation("workshop.create.heading")), createForm);
    }
}
