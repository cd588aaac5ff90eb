package org.nnlab.workshop.classdata.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.nnlab.digits.GrayPng;
import org.nnlab.workshop.classdata.ClassData;
import org.nnlab.workshop.classdata.ClassDrawing;

/**
 * The instructor's gallery of the class drawings: one row per digit with its count and its drawings as the
 * network sees them (oldest first), each with a delete button. Deleting asks the server with the instructor's key.
 * <p>
 * The gallery keeps the thumbnails it shows: a new drawing adds its own thumbnail, a deleted one loses its own,
 * and every other stays as it was (no new image is encoded or sent). It rebuilt every thumbnail on every drawing
 * before, so a class drawing 500 digits encoded and sent about 125,000 images to the instructor's page.
 */
class ClassGallery extends Div {
    private final ClassData classData;
    private final String roomId;
    private final String key;
    /** One row per digit: its heading, then its thumbnails. */
    final List<Div> rows = new ArrayList<>();
    private final List<Span> heads = new ArrayList<>();
    private final List<Div> thumbRows = new ArrayList<>();
    /** The thumbnails shown, by drawing id (ids grow with time, so this is the oldest-first order too). */
    private final Map<Long, Shown> shown = new TreeMap<>();
    /** The drawings of these ids, pixels and all: only drawings not shown yet are read (tests count them). */
    Function<List<Long>, List<ClassDrawing>> read;
    /** A drawing's pixels as the image shown (tests count the calls). */
    Function<float[], String> encode = pixels -> GrayPng.dataUrl(pixels, 0, 28, 28, 0, 1);

    private record Shown(int label, Div thumb) {
    }

    ClassGallery(ClassData classData, String roomId, String key) {
        this.classData = classData;
        this.roomId = roomId;
        this.key = key;
        this.read = ids -> classData.gallery(roomId, key, ids);
        setId("class-gallery");
        addClassName("nnlab-class-gallery");
        for (int digit = 0; digit < 10; digit++) {
            Span head = new Span();
            head.addClassName("nnlab-class-gallery-head");
            Div thumbs = new Div();
            thumbs.addClassName("nnlab-class-thumbs");
            Div row = new Div(head, thumbs);
            row.addClassName("nnlab-class-gallery-row");
            row.getElement().setAttribute("data-digit", Integer.toString(digit));
            heads.add(head);
            thumbRows.add(thumbs);
            rows.add(row);
            add(row);
        }
        showCounts();
    }

    /**
     * Shows the room's drawings as they are now: thumbnails of drawings that are gone are removed, new drawings
     * get theirs, in their digit's row in the order they were drawn; the rest are left alone. Only the new
     * drawings' pixels are read from the database (it read every drawing on every refresh before).
     */
    void refresh() {
        List<Long> now = classData.galleryIds(roomId, key);
        Set<Long> present = new HashSet<>(now);
        for (Long id : new ArrayList<>(shown.keySet())) {
            if (!present.contains(id)) {
                removeThumbnail(id);
            }
        }
        List<Long> missing = now.stream().filter(id -> !shown.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            read.apply(missing).forEach(this::addThumbnail);
        }
        showCounts();
    }

    private void addThumbnail(ClassDrawing x) {
        Div thumb = thumbnail(x);
        // place it after the older drawings of its digit: a drawing seen late (a missed event) keeps its place
        int before = (int) shown.entrySet().stream()
                .filter(e -> e.getValue().label() == x.label() && e.getKey() < x.id()).count();
        thumbRows.get(x.label()).addComponentAtIndex(before, thumb);
        shown.put(x.id(), new Shown(x.label(), thumb));
    }

    private void removeThumbnail(long id) {
        Shown gone = shown.remove(id);
        if (gone != null) {
            thumbRows.get(gone.label()).remove(gone.thumb());
        }
    }

    private void showCounts() {
        int[] counts = new int[10];
        shown.values().forEach(s -> counts[s.label()]++);
        for (int digit = 0; digit < 10; digit++) {
            heads.get(digit).setText(getTranslation("classdata.gallery.row", digit, counts[digit]));
        }
    }

    private Div thumbnail(ClassDrawing x) {
        Image img = new Image(encode.apply(x.pixels()), getTranslation("classdata.gallery.alt", x.label()));
        Button delete = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> {
            classData.delete(roomId, key, x.id());
            removeThumbnail(x.id());
            showCounts();
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
