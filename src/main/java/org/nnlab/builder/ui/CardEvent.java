package org.nnlab.builder.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValidation;
import java.util.List;

/**
 * What a person asked of one layer card; the view decides what it does to the stack. {@link #index()} is
 * the card's place in the stack when the event fired (0 = top).
 */
abstract sealed class CardEvent extends ComponentEvent<LayerCard> {
    private final int index;

    private CardEvent(LayerCard card) {
        super(card, true);
        this.index = card.index();
    }

    int index() {
        return index;
    }

    /** Up or down: the card should end at {@code to}. */
    static final class MoveRequested extends CardEvent {
        private final int to;

        MoveRequested(LayerCard card, int to) {
            super(card);
            this.to = to;
        }

        int to() {
            return to;
        }
    }

    static final class DuplicateRequested extends CardEvent {
        DuplicateRequested(LayerCard card) {
            super(card);
        }
    }

    static final class DeleteRequested extends CardEvent {
        DeleteRequested(LayerCard card) {
            super(card);
        }
    }

    /** "Add new layers below this one", pressed again to let go. */
    static final class InsertionPointToggled extends CardEvent {
        InsertionPointToggled(LayerCard card) {
            super(card);
        }
    }

    /**
     * One setting changed in an editor of the card; {@code field} is the editor, to mark when the value is
     * refused; {@code structural} when the change replaces editors (a nested layer's kind).
     */
    static final class SettingEdited extends CardEvent {
        private final List<String> path;
        private final Object value;
        private final HasValidation field;
        private final boolean structural;

        SettingEdited(LayerCard card, List<String> path, Object value, HasValidation field, boolean structural) {
            super(card);
            this.path = List.copyOf(path);
            this.value = value;
            this.field = field;
            this.structural = structural;
        }

        List<String> path() {
            return path;
        }

        Object value() {
            return value;
        }

        HasValidation field() {
            return field;
        }

        boolean structural() {
            return structural;
        }
    }

    /** Something was dropped on the card: a palette kind or another card (its index). */
    static final class Dropped extends CardEvent {
        private final Object data;

        Dropped(LayerCard card, Object data) {
            super(card);
            this.data = data;
        }

        Object data() {
            return data;
        }
    }
}
