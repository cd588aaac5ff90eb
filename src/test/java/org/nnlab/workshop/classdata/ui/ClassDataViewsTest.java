package org.nnlab.workshop.classdata.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.Requests;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.digits.Strokes;
import org.nnlab.training.DataChoice;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.classdata.ClassData;
import org.nnlab.workshop.classdata.Classroom;
import org.nnlab.workshop.classdata.Experiment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The participant's "draw for the class" page and the instructor's gallery, on the server side. */
@SpringBootTest(properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
class ClassDataViewsTest extends KaribuSpringTest {
    @Autowired
    RoomService rooms;
    @Autowired
    ClassData classData;

    private ClassDrawView openDrawAs(Participant p) {
        VaadinSession.getCurrent().setAttribute(CurrentOwner.SESSION_ATTRIBUTE, p.owner());
        UI.getCurrent().navigate("workshop/draw");
        return _get(ClassDrawView.class);
    }

    @Test
    void aParticipantDrawsTheDigitTheyAreAskedForAndItJoinsTheClass() {
        Classroom room = new Classroom(rooms);
        Participant ada = room.join("Ada");
        ClassDrawView view = openDrawAs(ada);
        int asked = view.asked();
        assertEquals("Draw a " + asked, view.prompt.getText());
        assertFalse(view.send.isEnabled(), "nothing drawn yet");

        view.drawn(Strokes.one(112));
        view.send.click();

        var kept = classData.gallery(room.id(), room.key());
        assertEquals(1, kept.size());
        assertEquals(asked, kept.getFirst().label());
        assertEquals(ada.id(), kept.getFirst().participantId());
        assertEquals("You have sent 1 drawing.", view.status.getText());
        assertFalse(view.send.isEnabled());
        assertTrue(view.asked() != asked, "the class now has one of " + asked + ", so another digit is asked");
    }

    @Test
    void theChinesePageAsksInChinese() {
        Classroom room = new Classroom(rooms);
        useLocale(Locale.SIMPLIFIED_CHINESE);
        ClassDrawView view = openDrawAs(room.join("小明"));
        assertEquals("请写一个 " + view.asked(), view.prompt.getText());
    }

    @Test
    void theTrainPageOffersTheRoomsClassDrawingsOnceThereAreEnough() {
        Classroom room = new Classroom(rooms);
        Participant cy = room.join("Cy");
        VaadinSession.getCurrent().setAttribute(CurrentOwner.SESSION_ATTRIBUTE, cy.owner());
        for (int i = 0; i < 12; i++) {
            classData.contribute(cy.owner(), i % 2, i % 2 == 0 ? Strokes.zero(112) : Strokes.one(112));
        }
        assertFalse(offeredOnTrain().contains(DataChoice.CLASS + room.id()), "12 drawings: 8 train, 4 held out");
        classData.contribute(cy.owner(), 1, Strokes.one(112));
        classData.contribute(cy.owner(), 0, Strokes.zero(112));
        assertTrue(offeredOnTrain().contains(DataChoice.CLASS + room.id()), "14 drawings: 10 train");
        Select<?> data = _get(Select.class, spec -> spec.withId("dataset-size"));
        assertTrue(data.getListDataView().getItems().map(c -> ((DataChoice) c).dataset()).anyMatch(n -> n.startsWith("class-")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> offeredOnTrain() {
        UI.getCurrent().navigate("workshop/draw");
        UI.getCurrent().navigate("train");
        Select<DataChoice> data = _get(Select.class, spec -> spec.withId("dataset-size"));
        return data.getListDataView().getItems().map(DataChoice::dataset).toList();
    }

    @Test
    void someoneOutsideAnyRoomIsToldToJoinFirst() {
        UI.getCurrent().navigate("workshop/draw");
        assertTrue(_get(ClassDrawView.class).getElement().getTextRecursively().contains("You are not in a workshop room"));
    }

    @Test
    void trainingOnTooFewClassDrawingsIsRefusedSayingHowManyAreNeeded() {
        Classroom room = new Classroom(rooms);
        Participant bo = room.join("Bo");
        for (int i = 0; i < 6; i++) {
            classData.contribute(bo.owner(), i % 2, i % 2 == 0 ? Strokes.zero(112) : Strokes.one(112));
        }
        UI.getCurrent().navigate("workshop/class-data");
        ClassDataView view = _get(ClassDataView.class);
        view.instruct(room.id(), room.key());

        Requests.handle(() -> view.runButtons.get(Experiment.Kind.CLASS_TRAINED).click());
        assertEquals("Too few class drawings to train on: 4 so far, at least 10 are needed (one drawing in 5 of each"
                + " digit is kept aside for testing). Ask the class to draw a few more.", lastNotification());
        assertTrue(classData.experiments(room.id()).isEmpty(), "nothing started, nothing failed");

        useLocale(Locale.SIMPLIFIED_CHINESE);
        Requests.handle(() -> view.runButtons.get(Experiment.Kind.MNIST_PLUS_CLASS).click());
        assertEquals("班级的手写数字太少，还不能训练：目前可用于训练的有 4 个，至少需要 10 个（每个数字每 5 个中留出 1 个用于测试）。"
                + "请让学员再多写几个。", lastNotification());
        assertTrue(classData.experiments(room.id()).isEmpty());
    }

    private static String lastNotification() {
        return NotificationsKt.getNotifications().getLast().getElement().getProperty("text", "");
    }

    @Test
    void theGalleryOpensOnlyWithTheKeyAndDeletesABadDrawing() {
        Classroom room = new Classroom(rooms);
        Participant bo = room.join("Bo");
        classData.contribute(bo.owner(), 1, Strokes.one(112));
        classData.contribute(bo.owner(), 0, Strokes.zero(112));
        UI.getCurrent().navigate("workshop/class-data");
        ClassDataView view = _get(ClassDataView.class);
        assertThrows(LocalizedException.class, () -> view.instruct(room.id(), "not-the-key"));
        assertEquals(null, view.gallery, "nothing of the room is shown without the key");

        view.instruct(room.id(), room.key());
        assertEquals("1: 1 drawing", view.gallery.rows.get(1).getChildren().findFirst().orElseThrow()
                .getElement().getText());
        Button delete = (Button) view.gallery.rows.get(1).getChildren().skip(1).findFirst().orElseThrow()
                .getChildren().findFirst().orElseThrow().getChildren().skip(1).findFirst().orElseThrow();
        delete.click();
        MockVaadin.clientRoundtrip(false);
        assertEquals(1, classData.gallery(room.id(), room.key()).size());
        assertEquals(0, classData.gallery(room.id(), room.key()).getFirst().label());
        assertEquals("1: none yet", view.gallery.rows.get(1).getChildren().findFirst().orElseThrow()
                .getElement().getText());
    }

    /** The thumbnails the gallery shows, by drawing id, in the order shown (digit by digit). */
    private static Map<Long, Component> thumbnails(ClassGallery gallery) {
        Map<Long, Component> shown = new LinkedHashMap<>();
        for (Div row : gallery.rows) {
            row.getChildren().skip(1).findFirst().orElseThrow().getChildren().forEach(thumb ->
                    shown.put(Long.parseLong(thumb.getElement().getAttribute("data-drawing")), thumb));
        }
        return shown;
    }

    /**
     * A new drawing adds only its own thumbnail and a deleted one takes only its own away: the others stay the
     * same components and no image is encoded again. The gallery rebuilt every thumbnail on every drawing, so a
     * class of 100 drawing 5 digits each had the server encode and send about 125,000 images.
     */
    @Test
    void aNewDrawingAddsOnlyItsOwnThumbnailAndADeleteRemovesOnlyItsOwn() throws InterruptedException {
        Classroom room = new Classroom(rooms);
        Participant cy = room.join("Cy");
        long first = classData.contribute(cy.owner(), 1, Strokes.one(112));
        long second = classData.contribute(cy.owner(), 0, Strokes.zero(112));
        UI.getCurrent().navigate("workshop/class-data");
        ClassDataView view = _get(ClassDataView.class);
        view.instruct(room.id(), room.key());
        Map<Long, Component> before = thumbnails(view.gallery);
        assertEquals(List.of(second, first), List.copyOf(before.keySet()), "digit 0's row, then digit 1's");
        AtomicInteger encoded = new AtomicInteger();
        var encode = view.gallery.encode;
        view.gallery.encode = pixels -> {
            encoded.incrementAndGet();
            return encode.apply(pixels);
        };
        List<Long> read = new ArrayList<>();
        var reader = view.gallery.read;
        view.gallery.read = ids -> {
            read.addAll(ids);
            return reader.apply(ids);
        };

        long third = classData.contribute(cy.owner(), 1, Strokes.one(112));
        await(() -> thumbnails(view.gallery).size() == 3, "the new drawing in the gallery");
        Map<Long, Component> after = thumbnails(view.gallery);
        assertEquals(List.of(second, first, third), List.copyOf(after.keySet()), "the new 1 after the older one");
        assertSame(before.get(first), after.get(first), "the thumbnails shown stay");
        assertSame(before.get(second), after.get(second));
        assertEquals(1, encoded.get(), "only the new drawing is encoded");
        assertEquals(List.of(third), read, "only the new drawing's pixels are read");
        assertEquals("1: 2 drawings", view.gallery.rows.get(1).getChildren().findFirst().orElseThrow().getElement().getText());

        classData.delete(room.id(), room.key(), first);
        await(() -> thumbnails(view.gallery).size() == 2, "the deleted drawing gone");
        Map<Long, Component> left = thumbnails(view.gallery);
        assertSame(after.get(second), left.get(second));
        assertSame(after.get(third), left.get(third));
        assertEquals(1, encoded.get(), "a delete encodes nothing");
        assertEquals(List.of(third), read, "a delete reads no drawing");
        assertEquals("1: 1 drawing", view.gallery.rows.get(1).getChildren().findFirst().orElseThrow().getElement().getText());

        // a reload (a new page) shows the room as it is
        UI.getCurrent().navigate("workshop");
        UI.getCurrent().navigate("workshop/class-data");
        ClassDataView reloaded = _get(ClassDataView.class);
        reloaded.instruct(room.id(), room.key());
        assertEquals(List.of(second, third), List.copyOf(thumbnails(reloaded.gallery).keySet()));
    }
}
