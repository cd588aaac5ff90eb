package org.nnlab.workshop.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.classdata.Classroom;
import org.springframework.beans.factory.annotation.Autowired;

/** Joining as a participant sees it: why a join was refused, gone once it works; being removed, said plainly. */
class JoinAndRemovalTest extends KaribuSpringTest {
    @Autowired
    RoomService rooms;

    private static void joinAs(String nickname) {
        _get(TextField.class, s -> s.withId("join-nickname")).setValue(nickname);
        _click(_get(Button.class, s -> s.withId("join-submit")));
    }

    @Test
    void aRefusedJoinIsExplainedBesideTheFormAndTheExplanationGoesWhenAJoinSucceeds() {
        Classroom room = new Classroom(rooms);
        room.join("Ada");
        UI.getCurrent().navigate("join/" + room.created.room().code());
        JoinView view = _get(JoinView.class);

        joinAs("ada ");
        assertTrue(view.error.isVisible());
        assertEquals("Someone in this room is already called \"ada\". Please choose another nickname.", view.error.getText());
        assertTrue(view.nickname.isInvalid());
        assertFalse(view.code.isInvalid());
        assertEquals(List.of(), NotificationsKt.getNotifications(), "said once, beside the form");

        joinAs("Bo");
        assertTrue(rooms.participantOf(CurrentOwner.id()).isPresent());
        assertFalse(view.error.isVisible(), "no stale refusal once in the room");
        assertEquals("", view.error.getText());
        assertFalse(view.nickname.isInvalid());
        assertEquals(List.of(), NotificationsKt.getNotifications());
    }

    @Test
    void aWrongCodeMarksTheCodeInTheBrowsersLanguage() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("join/ZZZZZZ");
        JoinView view = _get(JoinView.class);
        joinAs("小明");
        assertTrue(view.code.isInvalid());
        assertEquals("没有开放的房间使用这个代码。请核对老师屏幕上的代码。", view.error.getText());
    }

    @Test
    void aRemovedParticipantIsToldOnThePageTheyHaveOpenAndAfterAReload() throws InterruptedException {
        Classroom room = new Classroom(rooms);
        UI.getCurrent().navigate("join/" + room.created.room().code());
        joinAs("Ada");
        Participant ada = rooms.participantOf(CurrentOwner.id()).orElseThrow();
        RoomBanner banner = _get(RoomBanner.class);
        assertFalse(banner.removed.isVisible());

        rooms.remove(room.id(), room.key(), ada.id());
        await(() -> banner.removed.isVisible(), "the note that the instructor removed Ada");
        assertTrue(banner.isVisible());
        assertEquals("room-removed", banner.removed.getId().orElseThrow());
        assertEquals("The instructor has removed you from the room “" + room.created.room().title() + "”. What you drew"
                + " and trained stays with the room; you can go on using NN Lab on your own.", banner.removed.getText());
        assertFalse(banner.who.isVisible(), "no longer shown as in the room");

        // the next day: a new session of the same browser (its owner cookie)
        newSession();
        useLocale(Locale.SIMPLIFIED_CHINESE);
        VaadinSession.getCurrent().setAttribute(CurrentOwner.SESSION_ATTRIBUTE, ada.owner());
        UI.getCurrent().navigate("draw");
        RoomBanner again = banner();
        assertTrue(again.removed.isVisible());
        assertEquals("老师已将你移出房间“" + room.created.room().title() + "”。你写的数字和训练结果仍留在房间里；你可以继续自己使用 NN Lab。",
                again.removed.getText());
        _click(again.removedOk);
        assertFalse(again.isVisible());
        UI.getCurrent().navigate("train");
        assertFalse(again.isVisible(), "read once, not shown on every page");
    }

    @Test
    void nobodyElseSeesTheNote() {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada");
        rooms.remove(room.id(), room.key(), ada.id());
        UI.getCurrent().navigate("draw");
        assertFalse(banner().isVisible());
    }

    /** The tab's strip, also while it is hidden. */
    private static RoomBanner banner() {
        return UI.getCurrent().getChildren().filter(RoomBanner.class::isInstance).map(RoomBanner.class::cast)
                .findFirst().orElseThrow();
    }
}
