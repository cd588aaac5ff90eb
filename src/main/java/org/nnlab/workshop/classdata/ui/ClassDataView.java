package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.classdata.ClassData;
import org.nnlab.workshop.classdata.ClassDataChanged;
import org.nnlab.workshop.classdata.Experiment;

/**
 * The instructor's view of the class dataset: the gallery of every drawing by digit (live, with delete),
 * a button per experiment and the experiments' results, which the participants see on their draw page too.
 * It shows nothing until the instructor's key for the room has been checked.
 */
@Route("workshop/class-data")
@StyleSheet("classdata.css")
public class ClassDataView extends Div implements HasDynamicTitle {
    private final ClassData classData;
    private final RoomService rooms;
    final ExperimentsPanel experiments = new ExperimentsPanel();
    final Map<Experiment.Kind, Button> runButtons = new EnumMap<>(Experiment.Kind.class);
    ClassGallery gallery;
    private String roomId;
    private final RoomFeed feed;

    public ClassDataView(ClassData classData, RoomService rooms, RoomEvents events) {
        this.classData = classData;
        this.rooms = rooms;
        setId("class-data-view");
        addClassName("nnlab-class");
        add(new H1(getTranslation("classdata.title")), new Paragraph(getTranslation("classdata.instructorOnly")));
        feed = RoomFeed.follow(this, events, () -> roomId, ClassDataChanged.class::isInstance, e -> {
            if (e instanceof ClassDataChanged c && c.what() == ClassDataChanged.What.DRAWINGS) {
                gallery.refresh();
            } else {
                experiments.show(classData.experiments(roomId));
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (roomId == null) {
            InstructorKey.read(event.getUI(), this::instruct);
        }
    }

    /** Opens the room's class data for its instructor; refused unless {@code key} is the room's. */
    void instruct(String room, String key) {
        rooms.requireInstructor(room, key);
        this.roomId = room;
        gallery = new ClassGallery(classData, room, key);
        Div buttons = new Div();
        buttons.addClassName("nnlab-class-run");
        for (Experiment.Kind kind : Experiment.Kind.values()) {
            Button run = new Button(getTranslation("classdata.run." + kind.name()),
                    e -> classData.runExperiment(room, key, kind));
            run.setId("run-" + kind.name().toLowerCase(Locale.ROOT));
            runButtons.put(kind, run);
            buttons.add(run);
        }
        removeAll();
        add(new H1(getTranslation("classdata.title")), new H3(getTranslation("classdata.gallery.title")), gallery,
                new H3(getTranslation("classdata.run.title")), new Paragraph(getTranslation("classdata.run.lead")),
                buttons, experiments);
        gallery.refresh();
        experiments.show(classData.experiments(room));
        feed.restart();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classdata.title") + " · " + getTranslation("app.name");
    }
}
