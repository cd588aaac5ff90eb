package org.nnlab.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnlab.labs.Chapter;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.Room;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomState;

/**
 * The instructor's buttons: lock or open the room, end it, show the co-instructor link (hidden at first, since
 * the screen may be projected), an announcement, "follow me" to a lab page, the results as CSV, and the
 * dialogs that rename or remove a participant. Every action sends the key; the server checks it.
 */
class RoomControls extends VerticalLayout {
    static final String NOT_LEADING = "";
    final Button lock = new Button();
    final Button end = new Button();
    final Button showCoInstructor = new Button();
    final TextField coInstructorLink = new TextField();
    final TextField announcement = new TextField();
    final Button announce = new Button();
    final Select<String> follow = new Select<>();
    final Anchor export = new Anchor();
    final Button newRoom = new Button();
    private final RoomService rooms;
    private final String key;
    private final Consumer<Room> changed;
    private Room room;

    RoomControls(RoomService rooms, Room room, String key, Consumer<Room> changed, Runnable onLeave) {
        this.rooms = rooms;
        this.key = key;
        this.changed = changed;
        this.room = room;
        setPadding(false);
        lock.setId("room-lock");
        lock.addClickListener(e -> changed.accept(this.room.state() == RoomState.OPEN
                ? rooms.lock(room.id(), key) : rooms.unlock(room.id(), key)));
        end.setId("room-end");
        end.setText(getTranslation("workshop.room.end"));
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        end.addClickListener(e -> confirmEnd());
        showCoInstructor.setId("room-co-instructor-show");
        showCoInstructor.setText(getTranslation("workshop.room.coInstructor"));
        showCoInstructor.addClickListener(e -> coInstructorLink.setVisible(!coInstructorLink.isVisible()));
        coInstructorLink.setId("room-co-instructor");
        coInstructorLink.setReadOnly(true);
        coInstructorLink.setWidthFull();
        coInstructorLink.setHelperText(getTranslation("workshop.room.coInstructorHelp"));
        coInstructorLink.setValue(PublicLinks.base() + "workshop#" + InstructorKeyStorage.fragment(room.id(), key));
        coInstructorLink.setVisible(false);
        export.setId("room-export");
        export.setText(getTranslation("workshop.room.export"));
        String fileName = "room-" + room.code() + "-results.csv";
        export.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = rooms.resultsCsv(room.id(), key).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), fileName, "text/csv", csv.length);
        }));
        export.getElement().setAttribute("download", fileName);
        newRoom.setId("room-new");
        newRoom.setText(getTranslation("workshop.room.new"));
        newRoom.addClickListener(e -> onLeave.run());
        FlexLayout buttons = new FlexLayout(lock, end, showCoInstructor, export, newRoom);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.setAlignItems(FlexComponent.Alignment.CENTER);
        buttons.getStyle().set("gap", "var(--lumo-space-s)");

        announcement.setId("room-announcement-text");
        announcement.setLabel(getTranslation("workshop.room.announcement"));
        announcement.setMaxLength(RoomService.MAX_ANNOUNCEMENT);
        announcement.setClearButtonVisible(true);
        announcement.getStyle().set("flex", "1 1 16rem");
        announce.setId("room-announce");
        announce.setText(getTranslation("workshop.room.announce"));
        announce.addClickListener(e -> rooms.announce(room.id(), key, announcement.getValue()));
        follow.setId("room-follow");
        follow.setLabel(getTranslation("workshop.room.follow"));
        List<String> routes = new ArrayList<>(List.of(NOT_LEADING, Chapter.INDEX_ROUTE));
        for (Chapter c : Chapter.values()) {
            routes.add(c.route());
        }
        follow.setItems(routes.stream().distinct().toList());
        follow.setItemLabelGenerator(r -> r.isEmpty() ? getTranslation("workshop.room.followNone")
                : PageNames.key(r).map(this::getTranslation).orElse(r));
        follow.setValue(room.followRoute() == null ? NOT_LEADING : room.followRoute());
        follow.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                rooms.follow(room.id(), key, e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue());
            }
        });
        FlexLayout talk = new FlexLayout(announcement, announce, follow);
        talk.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        talk.setAlignItems(FlexComponent.Alignment.BASELINE);
        talk.getStyle().set("gap", "var(--lumo-space-s)");
        add(buttons, coInstructorLink, talk);
        show(room);
    }

    void show(Room now) {
        room = now;
        lock.setText(getTranslation(now.state() == RoomState.OPEN ? "workshop.room.lock" : "workshop.room.unlock"));
        boolean active = now.isActive();
        lock.setVisible(active);
        end.setVisible(active);
        announcement.setEnabled(active);
        announce.setEnabled(active);
        follow.setEnabled(active);
        newRoom.setVisible(!active);
    }

    private void confirmEnd() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("workshop.room.endTitle"),
                getTranslation("workshop.room.endText"), getTranslation("workshop.room.end"),
                e -> changed.accept(rooms.end(room.id(), key)), getTranslation("workshop.cancel"), e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    void rename(Participant p) {
        TextField name = new TextField(getTranslation("workshop.grid.newNickname"));
        name.setId("rename-nickname");
        name.setValue(p.nickname());
        Dialog dialog = new Dialog(name);
        dialog.setHeaderTitle(getTranslation("workshop.grid.rename", p.nickname()));
        Button ok = new Button(getTranslation("workshop.grid.renameOk"), e -> {
            rooms.rename(room.id(), key, p.id(), name.getValue());
            dialog.close();
        });
        ok.setId("rename-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("workshop.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    void remove(Participant p) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("workshop.grid.remove", p.nickname()),
                getTranslation("workshop.grid.removeText", p.nickname()), getTranslation("workshop.grid.removeOk"),
                e -> rooms.remove(room.id(), key, p.id()), getTranslation("workshop.cancel"), e -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("remove-dialog");
        dialog.open();
    }
}
