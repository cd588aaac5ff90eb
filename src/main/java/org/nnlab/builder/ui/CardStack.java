package org.nnlab.builder.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.builder.NetworkAnalysis;
import org.nnlab.engine.spec.LayerSpec;

/**
 * The layer cards from top to bottom and a drop area below them. Showing a new stack keeps every card
 * whose layer is unchanged at the top and at the bottom and makes new cards only for the part between, so
 * an edit, an added or a deleted layer costs the page about one card, not all of them.
 */
final class CardStack extends Div {
    private final List<LayerCard> cards = new ArrayList<>();
    private final ComponentEventListener<CardEvent> cardListener;
    private final Div end = new Div();
    private final Span endText = new Span();

    /** Something was dropped below the last card. */
    static final class EndDropped extends ComponentEvent<CardStack> {
        private final Object data;

        EndDropped(CardStack source, Object data) {
            super(source, true);
            this.data = data;
        }

        Object data() {
            return data;
        }
    }

    CardStack(ComponentEventListener<CardEvent> cardListener) {
        this.cardListener = cardListener;
        addClassName("build-stack");
        setId("build-stack");
        getElement().setAttribute("role", "list");
        getElement().setAttribute("aria-label", getTranslation("build.stack"));
        end.add(new Icon(VaadinIcon.PLUS_CIRCLE_O), endText);
        end.addClassName("build-drop-end");
        end.setId("build-drop-end");
        DropTarget<Div> target = DropTarget.create(end);
        target.setDropEffect(DropEffect.MOVE);
        target.addDropListener(e -> fireEvent(new EndDropped(this, e.getDragData().orElse(null))));
        add(end);
    }

    Registration addEndDropListener(ComponentEventListener<EndDropped> listener) {
        return addListener(EndDropped.class, listener);
    }

    /**
     * Makes the cards show {@code layers}; the card at {@code fresh} (or none, -1) is made again even when
     * its layer is unchanged, to drop a value its editors show that the stack never took.
     */
    void show(List<LayerSpec> layers, int fresh) {
        int n = cards.size();
        int m = layers.size();
        int top = 0;
        while (top < Math.min(n, m) && top != fresh && cards.get(top).spec().equals(layers.get(top))) {
            top++;
        }
        int bottom = 0;
        while (bottom < Math.min(n, m) - top && n - 1 - bottom != fresh
                && cards.get(n - 1 - bottom).spec().equals(layers.get(m - 1 - bottom))) {
            bottom++;
        }
        for (LayerCard gone : List.copyOf(cards.subList(top, n - bottom))) {
            remove(gone);
        }
        cards.subList(top, n - bottom).clear();
        for (int i = top; i < m - bottom; i++) {
            LayerCard card = new LayerCard(layers.get(i), i, m);
            card.addCardListener(cardListener);
            cards.add(i, card);
            addComponentAtIndex(i, card);
        }
        for (int i = 0; i < m; i++) {
            cards.get(i).renumber(i, m);
        }
        String text = getTranslation(m == 0 ? "build.drop.empty" : "build.drop.end");
        if (!text.equals(endText.getText())) {
            endText.setText(text);
        }
    }

    /** Puts the engine's figures (or its explanation) on every card. */
    void showAnalysis(NetworkAnalysis analysis, int insertAfter) {
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(analysis.rows().get(i), i == insertAfter);
        }
    }

    LayerCard card(int index) {
        return cards.get(index);
    }
}
