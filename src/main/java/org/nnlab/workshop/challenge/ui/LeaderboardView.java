package org.nnlab.workshop.challenge.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomMember;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.challenge.Challenge;
import org.nnlab.workshop.challenge.ChallengeChanged;
import org.nnlab.workshop.challenge.ChallengeService;
import org.nnlab.workshop.challenge.Entry;
import org.nnlab.workshop.classdata.ui.InstructorKey;
import org.nnlab.workshop.classdata.ui.RoomFeed;

/**
 * The room's challenge and leaderboard, live for everyone in the room: what counts and the limits, the
 * ranking, the network the instructor revealed (a link that opens it in Build) and, for a participant, what
 * became of each of their runs (entered, or why not). The instructor's page adds the controls.
 */
@Route("workshop/leaderboard")
@StyleSheet("classdata.css")
public class LeaderboardView extends Div implements HasDynamicTitle {
    private final ChallengeService challenges;
    private final RoomService rooms;
    private String roomId;
    private String participantId;
    private String key;
    final Div info = new Div();
    final BoardList board = new BoardList();
    final Div revealed = new Div();
    final Div mine = new Div();
    private final RoomFeed feed;

    public LeaderboardView(ChallengeService challenges, RoomService rooms, RoomEvents events) {
        this.challenges = challenges;
        this.rooms = rooms;
        this.feed = RoomFeed.follow(this, events, () -> roomId, ChallengeChanged.class::isInstance, e -> refresh());
        setId("leaderboard-view");
        addClassName("nnlab-class");
        add(new H1(getTranslation("challenge.title")));
        info.setId("challenge-info");
        revealed.setId("challenge-revealed");
        mine.setId("challenge-mine");
        Optional<Participant> me = rooms.participantOf(CurrentOwner.id());
        if (me.isPresent()) {
            roomId = me.get().roomId();
            participantId = me.get().id();
            add(info, revealed, board, mine);
            refresh();
        } else {
            add(info);
            info.add(new Paragraph(getTranslation("challenge.notInRoom")));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (roomId == null) {
            InstructorKey.read(event.getUI(), this::instruct);
        }
    }

    /** Turns the page into the instructor's for the room: the key is checked by every action it takes. */
    void instruct(String room, String instructorKey) {
        rooms.requireInstructor(room, instructorKey);
        this.roomId = room;
        this.key = instructorKey;
        this.participantId = null;
        removeAll();
        add(new H1(getTranslation("challenge.title")), new ChallengeForm(challenges, room, instructorKey), info,
                revealed, board);
        refresh();
        feed.restart();
    }

    void refresh() {
        Optional<Challenge> current = challenges.current(roomId);
        info.removeAll();
        info.add(new Paragraph(current.map(this::describe).orElse(getTranslation("challenge.none"))));
        // those who left or were removed keep their last nickname on the board, marked as gone
        Map<String, String> nicknames = rooms.members(roomId).stream()
                .collect(Collectors.toMap(m -> m.participant().id(), this::name, (a, b) -> a));
        LongConsumer reveal = key == null ? null : entryId -> {
            String link = challenges.reveal(roomId, key, entryId);
            UI.getCurrent().getPage().setLocation(link);
        };
        board.show(challenges.board(roomId), nicknames,
                FinishTimes.of(getLocale(), zone()), reveal);
        revealed.removeAll();
        challenges.revealed(roomId).ifPresent(e -> {
            Anchor open = new Anchor(ChallengeService.buildLink(e), getTranslation("challenge.revealed.open"));
            open.setId("challenge-open-build");
            revealed.add(new Span(getTranslation("challenge.revealed",
                    nicknames.getOrDefault(e.participantId(), "?"), e.network())), open);
        });
        if (participantId != null) {
            showMine(challenges.entriesOf(roomId, participantId));
        }
    }

    private String name(RoomMember m) {
        return switch (m.standing()) {
            case IN -> m.nickname();
            case LEFT -> getTranslation("challenge.board.left", m.nickname());
            case REMOVED -> getTranslation("challenge.board.removed", m.nickname());
        };
    }

    /** The time zone of the browser when it has told it, else the server's. */
    private static ZoneId zone() {
        try {
            return Optional.ofNullable(UI.getCurrent()).map(ui -> ui.getPage().getExtendedClientDetails())
                    .map(ExtendedClientDetails::getTimeZoneId).filter(id -> !id.isBlank()).map(ZoneId::of)
                    .orElse(ZoneId.systemDefault());
        } catch (DateTimeException unknownZone) {
            return ZoneId.systemDefault();
        }
    }

    private String describe(Challenge c) {
        String closes = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(zone()).format(c.closesAt());
        String objective = getTranslation("challenge.objective." + c.objective().name());
        return getTranslation(c.isOpen(java.time.Instant.now()) ? "challenge.open" : "challenge.closed", objective,
                c.maxParameters(), c.maxEpochs(), closes);
    }

    private void showMine(List<Entry> entries) {
        mine.removeAll();
        if (entries.isEmpty()) {
            return;
        }
        mine.add(new H3(getTranslation("challenge.mine.title")));
        for (Entry e : entries) {
            Paragraph line = new Paragraph(e.accepted()
                    ? getTranslation("challenge.mine.entered", e.network(), e.accuracy() * 100)
                    : getTranslation("challenge.mine.refused", e.network(),
                    getTranslation(e.reasonKey(), e.reasonArgs().toArray())));
            line.addClassName(e.accepted() ? "nnlab-entry-in" : "nnlab-entry-out");
            mine.add(line);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("challenge.title") + " · " + getTranslation("app.name");
    }
}
