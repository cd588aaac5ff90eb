package org.nnlab.digits.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Arrays;
import java.util.List;
import org.nnlab.digits.Drawing;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.GrayPng;

/**
 * The person's own collection of labelled drawings ("Wrong? Tell it"), small: how many of each digit,
 * the newest ones as thumbnails with a delete button each, and "delete all" (after a confirmation).
 */
final class MyDrawings extends Details {
    /** Thumbnails shown at most (the newest); the rest are only counted. */
    static final int SHOWN = 24;

    private final DrawingCollection drawings;
    private final String owner;
    private final Runnable onChange;
    final Div counts = new Div();
    final Div thumbnails = new Div();
    final Span status = new Span();
    final Button deleteAll = new Button();
    private int total;

    /** {@code onChange} runs after the person deleted drawings here. */
    MyDrawings(DrawingCollection drawings, String owner, Runnable onChange) {
        this.drawings = drawings;
        this.owner = owner;
        this.onChange = onChange;
        setId("my-drawings");
        addClassName("nnlab-my-drawings");
        Paragraph text = new Paragraph(getTranslation("draw.mine.text"));
        text.addClassName("nnlab-hint");
        counts.setId("my-drawings-counts");
        counts.addClassName("nnlab-mine-counts");
        thumbnails.setId("my-drawings-list");
        thumbnails.addClassName("nnlab-mine-list");
        status.setId("my-drawings-status");
        status.addClassName("nnlab-hint");
        deleteAll.setId("my-drawings-delete-all");
        deleteAll.setText(getTranslation("draw.mine.deleteAll"));
        deleteAll.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        deleteAll.addClickListener(e -> confirmDeleteAll());
        add(text, counts, thumbnails, status, new Div(deleteAll));
        refresh();
    }

    /** Reads the collection again and shows it. */
    void refresh() {
        int[] perDigit = drawings.countsByLabel(owner);
        total = Arrays.stream(perDigit).sum();
        setSummaryText(getTranslation("draw.mine.title", total));
        counts.removeAll();
        for (int d = 0; d < 10; d++) {
            Span count = new Span(d + " · " + perDigit[d]);
            count.setId("my-drawings-count-" + d);
            count.addClassName("nnlab-mine-count");
            if (perDigit[d] == 0) {
                count.addClassName("nnlab-mine-count-zero");
            }
            String said = getTranslation("draw.mine.digitCount", d, perDigit[d]);
            count.getElement().setAttribute("title", said);
            count.getElement().setAttribute("aria-label", said);
            counts.add(count);
        }
        thumbnails.removeAll();
        List<Drawing> newest = drawings.newest(owner, SHOWN);
        for (Drawing drawing : newest) {
            thumbnails.add(thumbnail(drawing));
        }
        if (total == 0) {
            status.setText(getTranslation("draw.mine.empty"));
        } else if (total > newest.size()) {
            status.setText(getTranslation("draw.mine.more", newest.size(), total - newest.size()));
        } else {
            status.setText("");
        }
        deleteAll.setEnabled(total > 0);
    }

    private Div thumbnail(Drawing drawing) {
        Image image = new Image(GrayPng.dataUrl(drawing.pixels(), 0, DrawingCollection.SIZE, DrawingCollection.SIZE, 0, 1),
                getTranslation("draw.mine.alt", drawing.label()));
        image.addClassName("nnlab-mine-image");
        Span label = new Span(Integer.toString(drawing.label()));
        label.addClassName("nnlab-mine-label");
        Button delete = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> {
            drawings.delete(owner, drawing.id());
            changed();
        });
        delete.setId("my-drawings-delete-" + drawing.id());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        String deleteText = getTranslation("draw.mine.delete", drawing.label());
        delete.setAriaLabel(deleteText);
        delete.setTooltipText(deleteText);
        Div box = new Div(image, label, delete);
        box.addClassName("nnlab-mine-item");
        return box;
    }

    private void confirmDeleteAll() {
        if (total == 0) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("my-drawings-confirm");
        dialog.setHeaderTitle(getTranslation("draw.mine.deleteAll"));
        dialog.add(new Paragraph(getTranslation("draw.mine.deleteAll.confirm", total)));
        Button yes = new Button(getTranslation("draw.mine.deleteAll"), e -> {
            drawings.deleteAll(owner);
            dialog.close();
            changed();
        });
        yes.setId("my-drawings-delete-all-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button no = new Button(getTranslation("draw.mine.cancel"), e -> dialog.close());
        no.setId("my-drawings-delete-all-no");
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void changed() {
        refresh();
        onChange.run();
    }

    int total() {
        return total;
    }
}
