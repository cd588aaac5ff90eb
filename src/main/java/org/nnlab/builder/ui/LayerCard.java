package org.nnlab.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
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
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.builder.DiagramSvg;
import org.nnlab.builder.NetworkAnalysis;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.text.Message;

/**
 * One layer in the stack: its kind, buttons to move, duplicate, delete it and to add below it, the
 * editors of its settings, and what the engine says about it (output shape, parameters, FLOPs, or why it
 * does not fit). It reports what a person asks as {@link CardEvent}s. The card can be dragged to another
 * place and takes drops of palette kinds and cards. When layers above it come or go, the same card is
 * {@linkplain #renumber renumbered} rather than made again.
 */
final class LayerCard extends Div {
    private static final String[] ACTIONS = {"up", "down", "duplicate", "insert", "delete"};
    private static final String[] ACTION_KEYS = {"build.card.up", "build.card.down", "build.card.duplicate",
            "build.card.insert", "build.card.delete"};

    private final Span number = new Span();
    private final Span shape = new Span();
    private final Span numbers = new Span();
    private final Div error = new Div();
    private final Div editors = new Div();
    private final List<Button> actions = new ArrayList<>();
    private final String kind;
    private LayerSpec spec;
    private int index = -1;
    private Message errorMessage;

    LayerCard(LayerSpec spec, int index, int size) {
        this.spec = spec;
        this.kind = BuildTexts.kind(spec.kind());
        addClassName("build-card");
        getElement().setAttribute("role", "listitem");
        getElement().setAttribute("data-kind", spec.kind());

        Icon handle = new Icon(VaadinIcon.ELLIPSIS_DOTS_V);
        handle.addClassName("build-card-handle");
        number.addClassName("build-card-index");
        Span title = new Span(kind);
        title.addClassName("build-card-kind");
        shape.addClassName("build-card-shape");
        VaadinIcon[] icons = {VaadinIcon.ARROW_UP, VaadinIcon.ARROW_DOWN, VaadinIcon.COPY_O, VaadinIcon.LEVEL_DOWN,
                VaadinIcon.CLOSE_SMALL};
        List<Runnable> fire = List.of(
                () -> fireEvent(new CardEvent.MoveRequested(this, this.index - 1)),
                () -> fireEvent(new CardEvent.MoveRequested(this, this.index + 1)),
                () -> fireEvent(new CardEvent.DuplicateRequested(this)),
                () -> fireEvent(new CardEvent.InsertionPointToggled(this)),
                () -> fireEvent(new CardEvent.DeleteRequested(this)));
        for (int i = 0; i < icons.length; i++) {
            Runnable action = fire.get(i);
            Button b = new Button(new Icon(icons[i]), e -> action.run());
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            actions.add(b);
        }
        actions.getLast().addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div buttons = new Div(actions.toArray(Component[]::new));
        buttons.addClassName("build-card-actions");
        Div header = new Div(handle, number, title, shape, buttons);
        header.addClassName("build-card-header");
        header.getElement().setAttribute("title", getTranslation("build.card.drag"));

        editors.addClassName("build-card-editors");
        numbers.addClassName("build-card-numbers");
        error.addClassName("build-card-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(header, editors, numbers, error);
        renumber(index, size);
        fillEditors();

        DragSource<Div> source = DragSource.create(header);
        source.setDragData(this);
        source.setEffectAllowed(EffectAllowed.MOVE);
        DropTarget<LayerCard> target = DropTarget.create(this);
        target.setDropEffect(DropEffect.MOVE);
        target.addDropListener(e -> fireEvent(new CardEvent.Dropped(this, e.getDragData().orElse(null))));
    }

    /** Hears every kind of {@link CardEvent} (Vaadin delivers an event to listeners of its exact class). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Registration addCardListener(ComponentEventListener<CardEvent> listener) {
        List<Registration> all = new ArrayList<>();
        for (Class<?> type : CardEvent.class.getPermittedSubclasses()) {
            all.add(addListener((Class) type, (ComponentEventListener) listener));
        }
        return Registration.combine(all.toArray(Registration[]::new));
    }

    /** The editors made from the spec as it is now, for example after a refused value was taken back. */
    void fillEditors() {
        editors.removeAll();
        List<Component> fields = PropertyEditors.create((Record) spec, List.of(), prefix(),
                (path, value, field, structural) -> fireEvent(new CardEvent.SettingEdited(this, path, value, field, structural)));
        editors.add(fields.toArray(Component[]::new));
        editors.setVisible(!fields.isEmpty());
    }

    /** Puts the card at {@code index} of a stack of {@code size}: ids, numbers and labels follow. */
    void renumber(int index, int size) {
        if (index != this.index) {
            String old = prefix();
            this.index = index;
            setId(prefix());
            number.setText(String.valueOf(index + 1));
            getElement().setAttribute("aria-label", getTranslation("build.card.aria", index + 1, kind));
            for (int i = 0; i < actions.size(); i++) {
                Button b = actions.get(i);
                String label = getTranslation(ACTION_KEYS[i], index + 1, kind);
                b.setAriaLabel(label);
                // a title, not a tooltip component: five per card would be the larger part of a deep stack's page state
                b.getElement().setAttribute("title", label);
                b.setId(prefix() + "-" + ACTIONS[i]);
            }
            renameEditors(editors, old + "-", prefix() + "-");
        }
        actions.get(0).setEnabled(index > 0);
        actions.get(1).setEnabled(index < size - 1);
    }

    private static void renameEditors(Component parent, String from, String to) {
        parent.getChildren().forEach(c -> {
            c.getId().filter(id -> id.startsWith(from)).ifPresent(id -> c.setId(to + id.substring(from.length())));
            renameEditors(c, from, to);
        });
    }

    private String prefix() {
        return "build-card-" + index;
    }

    /** Shows what the engine computed for this layer; {@code insertionPoint} marks where "add" goes. */
    void show(NetworkAnalysis.Row row, boolean insertionPoint) {
        setClassName("build-card-insert", insertionPoint);
        actions.get(3).getElement().setAttribute("aria-pressed", String.valueOf(insertionPoint));
        if (row.known()) {
            setText(shape, "→ " + DiagramSvg.shape(row.output()));
            setText(numbers, getTranslation("build.card.numbers", DiagramSvg.shape(row.input()),
                    DiagramSvg.number(row.params(), false), DiagramSvg.number(row.flops(), true)));
        } else {
            setText(shape, row.error() != null ? "⚠" : "→ ?");
            setText(numbers, row.error() != null ? getTranslation("build.card.input", DiagramSvg.shape(row.input()))
                    : getTranslation("build.card.unknown"));
        }
        setClassName("build-card-unknown", !row.known() && row.error() == null);
        if (row.error() != null) {
            showError(row.error());
        } else if (errorMessage != null) {
            errorMessage = null;
            removeClassName("build-card-invalid");
            error.setText("");
            error.setVisible(false);
        }
    }

    /** Text only when it changed: an unchanged card costs the page nothing. */
    private static void setText(Span span, String text) {
        if (!text.equals(span.getText())) {
            span.setText(text);
        }
    }

    /** Highlights the card with the engine's explanation, in the page's language where it knows how. */
    void showError(Message message) {
        if (message.equals(errorMessage)) {
            return;
        }
        errorMessage = message;
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

    LayerSpec spec() {
        return spec;
    }

    /** The layer after an edit made in this card's own editors, which already show it. */
    void edited(LayerSpec next) {
        spec = next;
    }
}
