package org.nnlab.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.builder.DiagramSvg;
import org.nnlab.builder.NetworkAnalysis;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.text.Message;

/**
 * One layer in the stack: its kind, buttons to move, duplicate, delete it and to add below it, the
 * editors of its settings, and what the engine says about it (output shape, parameters, FLOPs, or why it
 * does not fit). The card can be dragged to another place and takes drops of palette kinds and cards.
 */
final class LayerCard extends Div {
    private final Span shape = new Span();
    private final Span numbers = new Span();
    private final Div error = new Div();
    private final Button insertHere;
    private final int index;

    LayerCard(LayerBuilderView view, int index, LayerSpec spec) {
        this.index = index;
        String kind = BuildTexts.kind(spec.kind());
        addClassName("build-card");
        setId("build-card-" + index);
        getElement().setAttribute("role", "listitem");
        getElement().setAttribute("aria-label", getTranslation("build.card.aria", index + 1, kind));
        getElement().setAttribute("data-kind", spec.kind());

        Icon handle = new Icon(VaadinIcon.ELLIPSIS_DOTS_V);
        handle.addClassName("build-card-handle");
        Span number = new Span(String.valueOf(index + 1));
        number.addClassName("build-card-index");
        Span title = new Span(kind);
        title.addClassName("build-card-kind");
        shape.addClassName("build-card-shape");
        int size = view.spec().layers().size();
        Button up = iconButton(VaadinIcon.ARROW_UP, "build.card.up", kind, "up", () -> view.move(index, index - 1));
        up.setEnabled(index > 0);
        Button down = iconButton(VaadinIcon.ARROW_DOWN, "build.card.down", kind, "down", () -> view.move(index, index + 1));
        down.setEnabled(index < size - 1);
        Button copy = iconButton(VaadinIcon.COPY_O, "build.card.duplicate", kind, "duplicate", () -> view.duplicate(index));
        insertHere = iconButton(VaadinIcon.LEVEL_DOWN, "build.card.insert", kind, "insert", () -> view.selectInsertionPoint(index));
        Button delete = iconButton(VaadinIcon.CLOSE_SMALL, "build.card.delete", kind, "delete", () -> view.delete(index));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(up, down, copy, insertHere, delete);
        actions.addClassName("build-card-actions");
        Div header = new Div(handle, number, title, shape, actions);
        header.addClassName("build-card-header");
        header.getElement().setAttribute("title", getTranslation("build.card.drag"));

        Div editors = new Div();
        editors.addClassName("build-card-editors");
        List<Component> fields = PropertyEditors.create((Record) spec, List.of(), "build-card-" + index,
                (path, value, field, structural) -> view.edit(index, path, value, field, structural));
        editors.add(fields.toArray(Component[]::new));
        editors.setVisible(!fields.isEmpty());

        numbers.addClassName("build-card-numbers");
        error.addClassName("build-card-error");
        error.getElement().setAttribute("role", "alert");
        add(header, editors, numbers, error);

        DragSource<Div> source = DragSource.create(header);
        source.setDragData(index);
        source.setEffectAllowed(EffectAllowed.MOVE);
        DropTarget<LayerCard> target = DropTarget.create(this);
        target.setDropEffect(DropEffect.MOVE);
        target.addDropListener(e -> view.dropped(e, index));
    }

    private Button iconButton(VaadinIcon icon, String key, String kind, String id, Runnable action) {
        Button b = new Button(new Icon(icon), e -> action.run());
        String label = getTranslation(key, index + 1, kind);
        b.setAriaLabel(label);
        // a title, not a tooltip component: five per card would be the larger part of a deep stack's page state
        b.getElement().setAttribute("title", label);
        b.setId("build-card-" + index + "-" + id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** Shows what the engine computed for this layer; {@code insertionPoint} marks where "add" goes. */
    void show(NetworkAnalysis.Row row, boolean insertionPoint) {
        setClassName("build-card-insert", insertionPoint);
        insertHere.getElement().setAttribute("aria-pressed", String.valueOf(insertionPoint));
        if (row.known()) {
            shape.setText("→ " + DiagramSvg.shape(row.output()));
            numbers.setText(getTranslation("build.card.numbers", DiagramSvg.shape(row.input()),
                    DiagramSvg.number(row.params(), false), DiagramSvg.number(row.flops(), true)));
        } else {
            shape.setText(row.error() != null ? "⚠" : "→ ?");
            numbers.setText(row.error() != null ? getTranslation("build.card.input", DiagramSvg.shape(row.input()))
                    : getTranslation("build.card.unknown"));
        }
        setClassName("build-card-unknown", !row.known() && row.error() == null);
        if (row.error() != null) {
            showError(row.error());
        } else {
            removeClassName("build-card-invalid");
            error.setText("");
            error.setVisible(false);
        }
    }

    /** Highlights the card with the engine's explanation, in the page's language where it knows how. */
    void showError(Message message) {
        addClassName("build-card-invalid");
        error.setText(EngineMessages.localize(message, getLocale()));
        error.setVisible(true);
    }

    String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    int index() {
        return index;
    }
}
