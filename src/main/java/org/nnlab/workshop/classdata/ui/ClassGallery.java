package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.digits.GrayPng;
import org.nnlab.workshop.classdata.ClassData;
import org.nnlab.workshop.classdata.ClassDrawing;

/**
 * The instructor's gallery of the class drawings: one row per digit with its count and its drawings as the
 * network sees them, each with a delete button. Deleting asks the server with the instructor's key.
 */
class ClassGallery extends Div {
    private final ClassData classData;
    private final String roomId;
    private final String key;
    final List<Div> rows = new ArrayList<>();

    ClassGallery(ClassData classData, String roomId, String key) {
        this.classData = classData;
        this.roomId = roomId;
        this.key = key;
        setId("class-gallery");
        addClassName("nnlab-class-gallery");
    }

    void refresh() {
        List<ClassDrawing> all = classData.gallery(roomId, key);
        removeAll();
        rows.clear();
        for (int digit = 0; digit < 10; digit++) {
            int d = digit;
            List<ClassDrawing> mine = all.stream().filter(x -> x.label() == d).toList();
            Span head = new Span(getTranslation("classdata.gallery.row", d, mine.size()));
            head.addClassName("nnlab-class-gallery-head");
            Div thumbs = new Div();
            thumbs.addClassName("nnlab-class-thumbs");
            mine.forEach(x -> thumbs.add(thumbnail(x)));
            Div row = new Div(head, thumbs);
            row.addClassName("nnlab-class-gallery-row");
            row.getElement().setAttribute("data-digit", Integer.toString(d));
            rows.add(row);
            add(row);
        }
    }

    private Div thumbnail(ClassDrawing x) {
        Image img = new Image(GrayPng.dataUrl(x.pixels(), 0, 28, 28, 0, 1),
                getTranslation("classdata.gallery.alt", x.label()));
        Button delete = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> {
            classData.delete(roomId, key, x.id());
            refresh();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        delete.setAriaLabel(getTranslation("classdata.gallery.delete", x.label()));
        delete.addClassName("nnlab-class-delete");
        Div thumb = new Div(img, delete);
        thumb.addClassName("nnlab-class-thumb");
        thumb.getElement().setAttribute("data-drawing", Long.toString(x.id()));
        return thumb;
    }
}
