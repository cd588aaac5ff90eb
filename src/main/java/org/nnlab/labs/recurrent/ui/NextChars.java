package org.nnlab.labs.recurrent.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.nnlab.labs.recurrent.CharModel.Guess;

/**
 * The model's guesses at every step of the prompt: one column per prompt character, under it the most likely next
 * characters with their probabilities, the best first ({@code data-best} on the column holds it).
 */
class NextChars extends Div {
    NextChars(String id) {
        setId(id);
        addClassName("nnlab-next-chars");
    }

    void show(String prompt, List<List<Guess>> steps) {
        removeAll();
        int[] chars = prompt.codePoints().toArray();
        for (int t = 0; t < steps.size(); t++) {
            Div column = new Div();
            column.addClassName("nnlab-next-step");
            Span read = new Span(Character.toString(chars[t]));
            read.addClassName("nnlab-next-read");
            column.add(read);
            for (Guess g : steps.get(t)) {
                Span guess = new Span(visible(g.character()) + String.format(Locale.ROOT, " %.0f%%", 100 * g.probability()));
                guess.addClassName("nnlab-next-guess");
                column.add(guess);
            }
            column.getElement().setAttribute("data-best", steps.get(t).getFirst().character());
            add(column);
        }
    }

    /** The character as shown: a line end or space made visible. */
    static String visible(String c) {
        return switch (c) {
            case "\n" -> "↵";
            case " " -> "␣";
            default -> c;
        };
    }
}
