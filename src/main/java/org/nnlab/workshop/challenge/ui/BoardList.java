package org.nnlab.workshop.challenge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.nnlab.workshop.challenge.Leaderboard;

/**
 * The leaderboard as a list that fits a phone: per line the rank, nickname, accuracy, parameters with the finish
 * time, and the network in one line; with {@code reveal} (the instructor's page) a button to show that network to the room.
 */
class BoardList extends Div {
    BoardList() {
        setId("leaderboard");
        addClassName("nnlab-board");
    }

    /**
     * Shows the ranking with each run's finish time ({@code times}): between equal accuracies the earlier finish is
     * ahead, and the board shows why.
     */
    void show(List<Leaderboard.Row> rows, Map<String, String> nicknames, FinishTimes times, LongConsumer reveal) {
        removeAll();
        if (rows.isEmpty()) {
            add(new Paragraph(getTranslation("challenge.board.empty")));
            return;
        }
        List<String> finished = times.texts(rows);
        for (int i = 0; i < rows.size(); i++) {
            Leaderboard.Row r = rows.get(i);
            Span rank = new Span(Integer.toString(r.rank()));
            rank.addClassName("nnlab-board-rank");
            Span name = new Span(nicknames.getOrDefault(r.entry().participantId(), "?"));
            name.addClassName("nnlab-board-name");
            Span accuracy = new Span(getTranslation("challenge.board.accuracy", r.entry().accuracy() * 100));
            accuracy.addClassName("nnlab-board-accuracy");
            Span parameters = new Span(getTranslation("challenge.board.parametersAt", r.entry().parameters(),
                    finished.get(i)));
            parameters.addClassName("nnlab-board-parameters");
            Span network = new Span(r.entry().network());
            network.addClassName("nnlab-board-network");
            Div line = new Div(rank, name, accuracy, parameters, network);
            line.addClassName("nnlab-board-row");
            line.getElement().setAttribute("data-participant", r.entry().participantId());
            line.getElement().setAttribute("data-finished", r.entry().finishedAt().toString());
            if (reveal != null) {
                Button show = new Button(getTranslation("challenge.board.reveal"), e -> reveal.accept(r.entry().id()));
                show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                show.addClassName("nnlab-board-reveal");
                line.add(show);
            }
            add(line);
        }
    }
}
