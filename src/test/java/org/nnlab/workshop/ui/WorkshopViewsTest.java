package org.nnlab.workshop.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.model.Presets;
import org.nnlab.labs.Chapter;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.training.ui.TrainingDashboardView;
import org.nnlab.workshop.CreatedRoom;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomLimits;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSettings;
import org.nnlab.workshop.RoomSetup;
import org.springframework.beans.factory.annotation.Autowired;

/** The workshop pages on the server side with the real services and database: instructor and participants. */
class WorkshopViewsTest extends KaribuSpringTest {
    @Autowired
    RoomService rooms;

    private CreatedRoom room(List<String> pages) {
        return rooms.create(new RoomSettings("Digits class", "en", pages, new RoomLimits(5, 200_000)));
    }


    @Test
    void theInstructorOpensARoomAndSeesItsCodeLinkAndQrCode() {
        UI.getCurrent().navigate("workshop");
        _get(TextField.class, spec -> spec.withId("room-title")).setValue("Monday class");
        _click(_get(Button.class, spec -> spec.withId("room-create")));

        String code = _get(Span.class, spec -> spec.withId("room-code")).getText();
        assertEquals(6, code.length());
        Image qr = _get(Image.class, spec -> spec.withId("room-qr"));
        String svg = new String(Base64.getDecoder().decode(qr.getSrc().substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && svg.contains("<path"), svg);
        assertTrue(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("room-link")).getHref().endsWith("/join/" + code));

        // the co-instructor link carries the key; a second browser that opens it runs the same room
        assertTrue(_find(TextField.class, spec -> spec.withId("room-co-instructor")).isEmpty(), "hidden from the projector");
        _click(_get(Button.class, spec -> spec.withId("room-co-instructor-show")));
        String link = _get(TextField.class, spec -> spec.withId("room-co-instructor")).getValue();
        String fragment = link.substring(link.indexOf('#') + 1);
        String roomId = fragment.split("&")[0].substring("room=".length());
        String key = fragment.split("&")[1].substring("key=".length());
        newSession();
        UI.getCurrent().navigate("workshop");
        WorkshopView second = _get(WorkshopView.class);
        second.open(roomId, key);
        assertEquals(code, _get(Span.class, spec -> spec.withId("room-code")).getText());
        _click(_get(Button.class, spec -> spec.withId("room-lock")));
        assertEquals(org.nnlab.workshop.RoomState.LOCKED, rooms.room(roomId).orElseThrow().state());
    }

    @Test
    void aWrongKeyOpensNothing() {
        CreatedRoom created = room(List.of("train"));
        UI.getCurrent().navigate("workshop");
        WorkshopView view = _get(WorkshopView.class);
        view.open(created.room().id(), created.instructorKey().substring(1) + "A");
        assertTrue(_find(Span.class, spec -> spec.withId("room-code")).isEmpty());
        assertTrue(_find(Button.class, spec -> spec.withId("room-create")).size() == 1);
    }

    @Test
    void aParticipantJoinsByLinkIsKnownAgainAndSeesTheBanner() {
        CreatedRoom created = room(List.of("labs", "train"));
        UI.getCurrent().navigate("join/" + created.room().code().toLowerCase());
        assertEquals(created.room().code(), _get(TextField.class, spec -> spec.withId("join-code")).getValue());
        _get(TextField.class, spec -> spec.withId("join-nickname")).setValue("<script>");
        _click(_get(Button.class, spec -> spec.withId("join-submit")));
        assertTrue(_get(JoinView.class).error.isVisible(), "the refused nickname is explained beside the form");
        _get(TextField.class, spec -> spec.withId("join-nickname")).setValue("Ada");
        _click(_get(Button.class, spec -> spec.withId("join-submit")));

        // taken to the room's first page, with the room's strip at the foot
        assertEquals("labs", UI.getCurrent().getInternals().getActiveViewLocation().getPath());
        assertTrue(_get(RoomBanner.class).isVisible());
        assertEquals("Digits class · Ada", _get(Span.class, spec -> spec.withId("room-banner-who")).getText());
        String owner = CurrentOwner.id();
        Participant ada = rooms.participantOf(owner).orElseThrow();

        UI.getCurrent().navigate("join");
        assertTrue(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("join-room")).isVisible());
        _click(_get(Button.class, spec -> spec.withId("join-leave")));
        assertTrue(rooms.participantOf(owner).isEmpty());
        assertEquals(ada.id(), rooms.join(created.room().code(), "Ada", owner, "10.1.1.1").id());
    }

    @Test
    void aPushedSetupReachesTheParticipantsTrainPage() throws InterruptedException {
        CreatedRoom created = room(List.of("train"));
        String spec = Presets.XOR.spec().toJson();
        UI.getCurrent().navigate("join/" + created.room().code());
        _get(TextField.class, s -> s.withId("join-nickname")).setValue("Grace");
        _click(_get(Button.class, s -> s.withId("join-submit")));
        UI.getCurrent().navigate("");
        rooms.pushSetup(created.room().id(), created.instructorKey(),
                new RoomSetup("setup-1", "xor", spec, "toy-circle", 200, "SGD", 0.5, 8, 4, 7));
        // the banner hears of the setup through the room's events, on another thread
        await(() -> !_find(Button.class, s -> s.withId("room-open-setup")).isEmpty(), "the banner's note about the setup");
        Button open = _get(Button.class, s -> s.withId("room-open-setup"));
        _click(open);

        TrainingDashboardView train = _get(TrainingDashboardView.class);
        assertTrue(_get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("train-sent-setup")).getText()
                .contains("Digits class"));
        assertEquals(4, _get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("epochs")).getValue());
        assertEquals(7, _get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("seed")).getValue());
        assertEquals(8, _get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("batch-size")).getValue());
        assertEquals(0.5, _get(com.vaadin.flow.component.textfield.NumberField.class, s -> s.withId("learning-rate")).getValue());
        assertEquals(OptimizerKind.SGD, ((com.vaadin.flow.component.select.Select<?>) _get(com.vaadin.flow.component.select.Select.class,
                s -> s.withId("optimizer"))).getValue());
        assertEquals("custom", ((com.vaadin.flow.component.select.Select<?>) _get(com.vaadin.flow.component.select.Select.class,
                s -> s.withId("network"))).getValue());
        assertFalse(open.isVisible());
        assertTrue(train.isAttached());

        // the participant changes the epochs and wanders off; the banner still leads back to the instructor's setup
        _get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("epochs")).setValue(9);
        UI.getCurrent().navigate("draw");
        assertTrue(open.isVisible());
        _click(open);
        assertEquals(4, _get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("epochs")).getValue());
    }

    @Test
    void announcementsAndFollowMeReachTheParticipantWhoCanStepOutAndBack() throws InterruptedException {
        CreatedRoom created = room(List.of("labs"));
        UI.getCurrent().navigate("join/" + created.room().code());
        _get(TextField.class, s -> s.withId("join-nickname")).setValue("Lin");
        _click(_get(Button.class, s -> s.withId("join-submit")));
        Span announcement = _get(RoomBanner.class).announcement;
        assertFalse(announcement.isVisible());

        rooms.announce(created.room().id(), created.instructorKey(), "Break until 11:00");
        await(() -> announcement.isVisible() && "Break until 11:00".equals(announcement.getText()), "the announcement");

        rooms.follow(created.room().id(), created.instructorKey(), Chapter.PERCEPTRON.route());
        await(() -> path().equals("labs/perceptron"), "the page to follow the instructor");
        _click(_get(Button.class, s -> s.withId("room-step-out")));
        UI.getCurrent().navigate("labs");
        Button back = _get(RoomBanner.class).followAgain;
        rooms.follow(created.room().id(), created.instructorKey(), Chapter.BACKPROP.route());
        await(() -> back.isVisible(), "the way back");
        assertEquals("labs", path(), "a participant who stepped out stays where they are");
        _click(back);
        assertEquals("labs/backprop", path());
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void aChineseRoomSpeaksChineseToThoseWhoJoin() {
        CreatedRoom created = rooms.create(new RoomSettings("数字课", "zh", List.of("train"), new RoomLimits(5, 200_000)));
        UI.getCurrent().navigate("join/" + created.room().code());
        _get(TextField.class, s -> s.withId("join-nickname")).setValue("小明");
        _click(_get(Button.class, s -> s.withId("join-submit")));
        assertEquals("train", path());
        assertEquals(org.nnlab.base.i18n.Translations.CHINESE, UI.getCurrent().getLocale());
        assertEquals("数字课 · 小明", _get(Span.class, s -> s.withId("room-banner-who")).getText());
    }
}
