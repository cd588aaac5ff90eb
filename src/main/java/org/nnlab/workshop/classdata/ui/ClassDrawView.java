package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.Optional;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.digits.ui.DrawingPad;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.classdata.ClassData;
import org.nnlab.workshop.classdata.ClassDataChanged;

/**
 * "Draw for the class": a participant is asked for one digit at a time (the one the class has fewest of),
 * draws it on the same pad as the Draw page and sends it; the drawing joins the room's class dataset. Below,
 * the results of the room's experiments, updated as they come.
 */
@Route("workshop/draw")
@StyleSheet("classdata.css")
public class ClassDrawView extends Div implements HasDynamicTitle {
    private final ClassData classData;
    private final String owner;
    private final Optional<Participant> participant;
    final DrawingPad pad = new DrawingPad();
    final Span prompt = new Span();
    final Button send = new Button();
    final Span status = new Span();
    final ExperimentsPanel experiments = new ExperimentsPanel();
    private int asked = -1;
    private GrayImage drawing;

    public ClassDrawView(ClassData classData, RoomService rooms, RoomEvents events) {
        this.classData = classData;
        this.owner = CurrentOwner.id();
        this.participant = rooms.participantOf(owner);
        setId("class-draw");
        addClassName("nnlab-class");
        add(new H1(getTranslation("classdata.draw.title")));
        if (participant.isEmpty()) {
            add(new Paragraph(getTranslation("classdata.draw.notInRoom")));
            return;
        }
        prompt.setId("class-prompt");
        prompt.addClassName("nnlab-class-prompt");
        pad.setId("class-pad");
        pad.setLabels(getTranslation("draw.pad.undo"), getTranslation("draw.pad.clear"),
                getTranslation("draw.pad.width"), getTranslation("draw.pad.label"),
                getTranslation("draw.pad.placeholder"));
        pad.addStrokeEndListener(e -> {
            drawing = e.decodeImage();
            send.setEnabled(true);
            pad.acknowledge(e.getSeq());
        });
        pad.addPadClearedListener(e -> {
            drawing = null;
            send.setEnabled(false);
        });
        send.setId("class-send");
        send.setText(getTranslation("classdata.draw.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setEnabled(false);
        send.addClickListener(e -> sendDrawing());
        status.setId("class-status");
        Div padColumn = new Div(prompt, pad, new Div(send, status));
        padColumn.addClassName("nnlab-class-pad");
        add(new Paragraph(getTranslation("classdata.draw.lead")), padColumn, experiments);
        askNext();
        showCount();
        String roomId = participant.get().roomId();
        experiments.show(classData.experiments(roomId));
        RoomFeed.follow(this, events, () -> roomId,
                e -> e instanceof ClassDataChanged c && c.what() == ClassDataChanged.What.EXPERIMENT,
                e -> experiments.show(classData.experiments(roomId)));
    }

    /** The digit the participant is asked to draw now. */
    int asked() {
        return asked;
    }

    /** Takes a drawing as if the pad had sent it (for the pad's stroke end and for tests). */
    void drawn(GrayImage image) {
        drawing = image;
        send.setEnabled(image != null);
    }

    private void sendDrawing() {
        if (drawing == null) {
            return;
        }
        classData.contribute(owner, asked, drawing);
        drawing = null;
        send.setEnabled(false);
        pad.clear();
        askNext();
        showCount();
    }

    private void askNext() {
        asked = classData.prompt(participant.orElseThrow().roomId());
        prompt.setText(getTranslation("classdata.draw.prompt", asked));
    }

    private void showCount() {
        status.setText(getTranslation("classdata.draw.count", classData.drawingsOf(participant.orElseThrow().id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classdata.draw.title") + " · " + getTranslation("app.name");
    }
}
