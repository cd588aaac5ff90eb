package org.nnlab.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.base.i18n.Translations;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.Room;
import org.nnlab.workshop.RoomService;

/**
 * A participant's way into a room: the join code (filled in from a {@code join/CODE} link or QR code) and a
 * nickname, no account. A browser already in a room sees that room, its pages and a way out instead; a
 * reload or a visit the next day finds it there again, since the room knows the browser by its owner id.
 */
@Route("join")
@Menu(order = 5, title = "workshop.nav.join", icon = "vaadin:group")
public class JoinView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private final RoomService rooms;
    private final String owner;
    final TextField code = new TextField();
    final TextField nickname = new TextField();
    final Button submit = new Button();
    final Div form = new Div();
    final Div inRoom = new Div();
    final Button leave = new Button();
    /** Why the last attempt to join was refused; empty and hidden once a join succeeds. */
    final Paragraph error = new Paragraph();

    public JoinView(RoomService rooms) {
        this.rooms = rooms;
        this.owner = CurrentOwner.id();
        setId("join");
        setMaxWidth("40rem");
        code.setId("join-code");
        code.setLabel(getTranslation("workshop.join.code"));
        code.setMaxLength(12);
        code.setAutocapitalize(com.vaadin.flow.component.textfield.Autocapitalize.CHARACTERS);
        code.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        nickname.setId("join-nickname");
        nickname.setLabel(getTranslation("workshop.join.nickname"));
        nickname.setHelperText(getTranslation("workshop.join.nicknameHelp"));
        nickname.setMaxLength(40);
        submit.setId("join-submit");
        submit.setText(getTranslation("workshop.join.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        submit.addClickListener(e -> join());
        code.setManualValidation(true);
        nickname.setManualValidation(true);
        error.setId("join-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        error.setVisible(false);
        VerticalLayout fields = new VerticalLayout(code, nickname, error, submit);
        fields.setPadding(false);
        code.setWidthFull();
        nickname.setWidthFull();
        form.add(fields);
        inRoom.setId("join-room");
        leave.setId("join-leave");
        leave.setText(getTranslation("workshop.join.leave"));
        leave.addClickListener(e -> {
            rooms.leave(owner);
            show(null);
        });
        add(new H2(getTranslation("workshop.join.heading")), inRoom, form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.nav.join") + " · " + getTranslation("app.name");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String codeInLink) {
        if (codeInLink != null && !codeInLink.isBlank()) {
            code.setValue(codeInLink.strip().toUpperCase(Locale.ROOT));
        }
        show(codeInLink);
    }

    /**
     * Joins, or says beside the form why not (the field at fault marked). The reason stays there until the next
     * attempt and is gone once one succeeds: a notification would still be on screen, in the room, saying the
     * nickname was taken.
     */
    private void join() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Participant p;
        try {
            p = rooms.join(code.getValue(), nickname.getValue(), owner, request == null ? "" : request.getRemoteAddr());
        } catch (LocalizedException refused) {
            refuse(refused);
            return;
        }
        refuse(null);
        show(null);
        Room room = rooms.room(p.roomId()).orElseThrow();
        getUI().ifPresent(ui -> enter(ui, room));
    }

    private void refuse(LocalizedException refused) {
        String key = refused == null ? "" : refused.messageKey();
        error.setText(refused == null ? "" : EngineMessages.localize(refused, getLocale()));
        error.setVisible(refused != null);
        code.setInvalid(key.equals("workshop.join.unknownCode"));
        nickname.setInvalid(key.startsWith("workshop.nickname."));
    }

    /** Takes the participant to the room's first page, in the room's language. */
    private static void enter(UI ui, Room room) {
        Locale language = Translations.supported(Locale.forLanguageTag(room.language()));
        boolean switching = !language.equals(Translations.supported(ui.getLocale()));
        VaadinSession.getCurrent().setLocale(language);
        ui.setLocale(language);
        ui.navigate(room.pages().isEmpty() ? "" : room.pages().getFirst());
        if (switching) {
            ui.refreshCurrentRoute(true);
        }
    }

    /** Shows the room this browser is in, if any; the form shows when it is in none or a link names another room. */
    private void show(String codeInLink) {
        Optional<Participant> participant = rooms.participantOf(owner);
        Optional<Room> room = participant.flatMap(p -> rooms.room(p.roomId()));
        inRoom.removeAll();
        inRoom.setVisible(room.isPresent());
        room.ifPresent(r -> showRoom(r, participant.get()));
        boolean otherRoom = codeInLink != null && room.isPresent() && !room.get().code().equalsIgnoreCase(codeInLink.strip());
        form.setVisible(room.isEmpty() || otherRoom);
    }

    private void showRoom(Room room, Participant participant) {
        inRoom.add(new Paragraph(getTranslation("workshop.join.inRoom", room.title(), participant.nickname())));
        FlexLayout pages = new FlexLayout();
        pages.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        pages.getStyle().set("gap", "var(--lumo-space-m)");
        for (String page : room.pages()) {
            Anchor link = new Anchor(page, getTranslation("workshop.page." + page));
            link.getElement().setAttribute("router-link", true);
            link.setId("join-page-" + page);
            pages.add(link);
        }
        pages.add(ClassLinks.of(this, "workshop/draw", "classdata.draw.title"));
        inRoom.add(pages, leave);
    }
}
