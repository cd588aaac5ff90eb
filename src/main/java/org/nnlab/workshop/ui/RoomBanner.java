package org.nnlab.workshop.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.training.ui.SentSetup;
import org.nnlab.training.ui.TrainingDashboardView;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.ParticipantChanged;
import org.nnlab.workshop.Room;
import org.nnlab.workshop.RoomActivity;
import org.nnlab.workshop.RoomChanged;
import org.nnlab.workshop.RoomEvent;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSetup;

/**
 * A participant's strip at the foot of every page while they are in a room: the room and their nickname, the
 * instructor's announcement, a note when the instructor has sent a training setup, and "follow me" (the page
 * follows the instructor to a lab; the participant can step out and go back). One per browser tab; it says
 * where the tab is, so the instructor's grid shows it, and listens to the room.
 */
class RoomBanner extends Div {
    /** Session attributes: the id of the last setup put into the Train page, and the room the person stepped out of. */
    static final String SETUP_SEEN = "nnlab.workshop.setupSeen";
    static final String STEPPED_OUT = "nnlab.workshop.steppedOut";
    /** Session attribute: the room the instructor removed this person from, or "" when none (or the note was read). */
    static final String REMOVED_FROM = "nnlab.workshop.removedFrom";
    private final RoomService rooms;
    private final RoomActivity activity;
    private final RoomEvents events;
    private final String pageKey;
    final Span who = new Span();
    final Span announcement = new Span();
    final Button openSetup = new Button();
    final Button stepOut = new Button();
    final Button followAgain = new Button();
    final Span removed = new Span();
    final Button removedOk = new Button();
    private Participant participant;
    private String path = "";
    private RoomEvents.Subscription subscription;

    RoomBanner(RoomService rooms, RoomActivity activity, RoomEvents events, String pageKey) {
        this.rooms = rooms;
        this.activity = activity;
        this.events = events;
        this.pageKey = pageKey;
        setId("room-banner");
        getStyle().set("position", "fixed").set("left", "0").set("right", "0").set("bottom", "0").set("z-index", "100")
                .set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center").set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("background", "var(--lumo-primary-color)").set("color", "var(--lumo-primary-contrast-color)")
                .set("font-size", "var(--lumo-font-size-s)").set("box-sizing", "border-box").set("max-width", "100vw");
        who.setId("room-banner-who");
        announcement.setId("room-announcement");
        announcement.getStyle().set("font-weight", "600").set("overflow-wrap", "anywhere");
        openSetup.setId("room-open-setup");
        // the instructor's setup again, even after the participant has had it and wandered off
        openSetup.addClickListener(e -> {
            VaadinSession.getCurrent().setAttribute(SETUP_SEEN, null);
            getUI().ifPresent(ui -> ui.navigate("train"));
        });
        stepOut.setId("room-step-out");
        stepOut.addClickListener(e -> {
            VaadinSession.getCurrent().setAttribute(STEPPED_OUT, participant == null ? null : participant.roomId());
            refresh(false);
        });
        followAgain.setId("room-follow-again");
        followAgain.addClickListener(e -> {
            VaadinSession.getCurrent().setAttribute(STEPPED_OUT, null);
            refresh(true);
        });
        removed.setId("room-removed");
        removed.getElement().setAttribute("role", "alert");
        removed.getStyle().set("font-weight", "600").set("overflow-wrap", "anywhere").set("flex", "1 1 14rem");
        removedOk.setId("room-removed-ok");
        removedOk.addClickListener(e -> {
            VaadinSession.getCurrent().setAttribute(REMOVED_FROM, "");
            refresh(false);
        });
        // light buttons on the coloured strip: the contrast theme's dark text on the primary blue was hard to read
        for (Button b : new Button[] {openSetup, stepOut, followAgain, removedOk}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            b.getStyle().set("background", "var(--lumo-base-color)").set("color", "var(--lumo-primary-text-color)")
                    .set("font-weight", "600").set("max-width", "100%");
        }
        removedOk.getStyle().set("color", "var(--lumo-error-text-color)");
        add(who, announcement, openSetup, stepOut, followAgain, removed, removedOk);
        setVisible(false);
    }

    /** The tab has moved to {@code newPath}: find the room again, tell it where the tab is, show what is current. */
    void navigated(String newPath) {
        path = newPath;
        Optional<Participant> now = CurrentOwner.known().flatMap(rooms::participantOf);
        if (participant != null && (now.isEmpty() || !now.get().roomId().equals(participant.roomId()))) {
            activity.closed(participant, pageKey);
            unsubscribe();
        }
        participant = now.orElse(null);
        if (participant != null) {
            if (subscription == null) {
                UI ui = UI.getCurrent();
                subscription = events.subscribe(participant.roomId(), e -> onEvent(ui, e));
            }
            activity.visit(participant, pageKey, path);
            VaadinSession.getCurrent().setAttribute(REMOVED_FROM, "");
        }
        refresh(false);
    }

    /** Before the Train page opens: hands it the instructor's latest setup if this browser has not had it yet. */
    void beforeTrain() {
        Optional<Participant> p = CurrentOwner.known().flatMap(rooms::participantOf);
        if (p.isEmpty()) {
            return;
        }
        Optional<Room> room = rooms.room(p.get().roomId());
        rooms.setup(p.get().roomId()).filter(s -> !s.id().equals(VaadinSession.getCurrent().getAttribute(SETUP_SEEN)))
                .ifPresent(s -> {
                    VaadinSession.getCurrent().setAttribute(SETUP_SEEN, s.id());
                    VaadinSession.getCurrent().setAttribute(TrainingDashboardView.SETUP_ATTRIBUTE,
                            sent(s, room.map(Room::title).orElse("")));
                });
    }

    static SentSetup sent(RoomSetup s, String sender) {
        return new SentSetup(sender, s.networkName(), SpecLimits.DEFAULT.read(s.specJson()), s.dataset(), s.dataSize(),
                OptimizerKind.valueOf(s.optimizer()), s.learningRate(), s.batchSize(), s.epochs(), s.seed());
    }

    /**
     * Only the room's own changes and a change of who this person is in it (joined, left, renamed, removed) alter
     * the banner. Their page moves, run progress and drawings do not, and are skipped here: the room's delivery
     * thread runs a listener's UI work in turn for every page of the room, and a class's runs report progress
     * many times a second, so redrawing each trainer's banner on every report held up every other page of the
     * room, the instructor's grid included.
     */
    private void onEvent(UI ui, RoomEvent event) {
        boolean aboutMe = event instanceof ParticipantChanged pc && participant != null
                && pc.participantId().equals(participant.id()) && changesWho(pc.change());
        if (!(event instanceof RoomChanged) && !aboutMe) {
            return;
        }
        try {
            ui.access(() -> {
                if (event instanceof RoomChanged rc && rc.what() == RoomChanged.What.SETUP && "train".equals(path)) {
                    beforeTrain();
                    ui.refreshCurrentRoute(false);
                } else if (aboutMe) {
                    if (((ParticipantChanged) event).change() == ParticipantChanged.Change.REMOVED) {
                        VaadinSession.getCurrent().setAttribute(REMOVED_FROM, participant.roomId());
                    }
                    navigated(path);
                } else {
                    refresh(event instanceof RoomChanged rc && rc.what() == RoomChanged.What.FOLLOW);
                }
            });
        } catch (UIDetachedException gone) {
            // the tab closed meanwhile
        }
    }

    private static boolean changesWho(ParticipantChanged.Change change) {
        return change != ParticipantChanged.Change.ACTIVITY && change != ParticipantChanged.Change.RUN
                && change != ParticipantChanged.Change.CONTRIBUTED;
    }

    /** Shows the room as it is now; {@code goThere} takes the tab to the route the instructor leads to. */
    private void refresh(boolean goThere) {
        Optional<Room> room = participant == null ? Optional.empty() : rooms.room(participant.roomId()).filter(Room::isActive);
        Optional<Room> removedFrom = participant == null ? removedFrom() : Optional.empty();
        showRemoved(removedFrom);
        setVisible(room.isPresent() || removedFrom.isPresent());
        if (room.isEmpty()) {
            return;
        }
        Room r = room.get();
        who.setVisible(true);
        openSetup.setText(getTranslation("workshop.banner.openSetup"));
        stepOut.setText(getTranslation("workshop.banner.stepOut"));
        followAgain.setText(getTranslation("workshop.banner.followAgain"));
        who.setText(getTranslation("workshop.banner.who", r.title(), participant.nickname()));
        announcement.setText(r.announcementText().orElse(""));
        announcement.setVisible(r.announcementText().isPresent());
        openSetup.setVisible(!"train".equals(path) && rooms.setup(r.id()).isPresent());
        boolean leading = r.followRoute() != null;
        boolean steppedOut = r.id().equals(VaadinSession.getCurrent().getAttribute(STEPPED_OUT));
        stepOut.setVisible(leading && !steppedOut);
        followAgain.setVisible(leading && steppedOut);
        if (leading && !steppedOut && goThere && !r.followRoute().equals(path)) {
            getUI().ifPresent(ui -> ui.navigate(r.followRoute()));
        }
    }

    /**
     * The room the instructor removed this person from, while it runs and until they have read the note. Looked up
     * once a session (a removal while the session is open arrives as an event), so that someone removed yesterday
     * is told too, while other visitors' pages cost no query per navigation.
     */
    private Optional<Room> removedFrom() {
        VaadinSession session = VaadinSession.getCurrent();
        Optional<String> owner = CurrentOwner.known();
        if (session.getAttribute(REMOVED_FROM) == null && owner.isPresent()) {
            session.setAttribute(REMOVED_FROM, owner.flatMap(rooms::removedFrom).map(Room::id).orElse(""));
        }
        String roomId = (String) session.getAttribute(REMOVED_FROM);
        return roomId == null || roomId.isEmpty() ? Optional.empty() : rooms.room(roomId).filter(Room::isActive);
    }

    /**
     * A removed person sees a strip in the error colour saying so, not a page that silently stopped being part of the
     * room; the room's own parts of the strip are hidden meanwhile.
     */
    private void showRemoved(Optional<Room> from) {
        boolean shown = from.isPresent();
        removed.setVisible(shown);
        removedOk.setVisible(shown);
        getStyle().set("background", shown ? "var(--lumo-error-color)" : "var(--lumo-primary-color)")
                .set("color", shown ? "var(--lumo-error-contrast-color)" : "var(--lumo-primary-contrast-color)");
        if (shown) {
            removed.setText(getTranslation("workshop.banner.removed", from.get().title()));
            removedOk.setText(getTranslation("workshop.banner.removedOk"));
            for (com.vaadin.flow.component.Component c : List.of(who, announcement, openSetup, stepOut, followAgain)) {
                c.setVisible(false);
            }
        }
    }

    /** The tab is closing. */
    void closed() {
        if (participant != null) {
            activity.closed(participant, pageKey);
        }
        unsubscribe();
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
