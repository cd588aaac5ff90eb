package org.nnlab.labs.recurrent.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nnlab.builder.SpecLinks;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.recurrent.BlankRace;
import org.nnlab.labs.recurrent.BlankSentences;
import org.nnlab.labs.recurrent.LiveLab;
import org.nnlab.labs.ui.LabPage;
import org.nnlab.training.ui.NnChart;

/**
 * The bidirectional lab: a one-way network and bidirectional ones of depth 1 to 3 race on sentences whose blank only
 * a later word explains, matched by a rule the page states; a few sentences with each network's guess; the forward
 * and backward states of one sentence and their concatenation; weights, kept states and accuracy per model, each with
 * a link that opens it in Build.
 */
@Route("labs/bidirectional")
@StyleSheet("context://labs/recurrent.css")
public class BidirectionalView extends LabPage {
    /** Accuracy the bidirectional network must reach, and the one-way stay under, for the blank task. */
    static final double SOLVED = 0.9;
    static final double GUESSING = 0.4;

    final Select<String> cell = new Select<>();
    final Select<BlankRace.Matching> matching = new Select<>();
    final RunControls<BlankRace.Frame> controls;
    final Span status;
    final Paragraph rule = new Paragraph();
    final NnChart accuracy = new NnChart("bidir-accuracy");
    final Div sentences = new Div();
    final Span example = new Span();
    final Div states = new Div();
    final NnChart forwardMap = new NnChart("bidir-forward");
    final NnChart backwardMap = new NnChart("bidir-backward");
    final NnChart concatMap = new NnChart("bidir-concat");
    final Div table = new Div();
    final Div links = new Div();
    private BlankRace race;
    /** The frame shown last (the view test reads it). */
    BlankRace.Frame shown;

    public BidirectionalView(LiveLab lab, LabProgress progress) {
        super(Chapter.BIDIRECTIONAL, progress);
        controls = new RunControls<>(lab, "bidir", "bidir-start", "labs.bidir.start", this::newRace, this::show, cell,
                matching);
        status = controls.status;
        addSection("labs.bidir.idea", prose("labs.bidir.idea.one"),
                formula("\\overrightarrow{h}_t = f(\\overrightarrow{U} x_t + \\overrightarrow{W}\\,\\overrightarrow{h}_{t-1}),"
                        + "\\quad \\overleftarrow{h}_t = f(\\overleftarrow{U} x_t + \\overleftarrow{W}\\,\\overleftarrow{h}_{t+1}),"
                        + "\\quad h_t = [\\overrightarrow{h}_t ; \\overleftarrow{h}_t]"),
                prose("labs.bidir.idea.two"));
        addSection("labs.bidir.race", prose("labs.bidir.race.how"), createControls(), status, rule, accuracy,
                prose("labs.bidir.sentences"), sentences, table, links);
        addSection("labs.bidir.concat", prose("labs.bidir.concat.how"), example, states);
        addTasks();
        addOpenLinks(BlankRace.bidirectional(BlankSentences.forLocale(getLocale()), true));
        showSentences(BlankSentences.forLocale(getLocale()), null);
    }

    private Div createControls() {
        cell.setId("bidir-cell");
        cell.setLabel(getTranslation("labs.recurrent.cell"));
        cell.setItems("rnn", "lstm");
        cell.setItemLabelGenerator(c -> getTranslation("labs.recurrent.cell." + c));
        cell.setValue("lstm");
        matching.setId("bidir-matching");
        matching.setLabel(getTranslation("labs.bidir.matching"));
        matching.setItems(BlankRace.Matching.values());
        matching.setItemLabelGenerator(m -> getTranslation("labs.bidir.matching." + m.name().toLowerCase(Locale.ROOT)));
        matching.setValue(BlankRace.Matching.WIDTH);
        rule.setId("bidir-rule");
        sentences.setId("bidir-sentences");
        sentences.addClassName("nnlab-bidir-sentences");
        table.setId("bidir-depths");
        links.addClassName("nnlab-rnn-controls");
        example.setId("bidir-example");
        states.setId("bidir-states");
        states.addClassName("nnlab-heatmaps");
        for (NnChart c : List.of(forwardMap, backwardMap, concatMap)) {
            c.setHeight("220px");
            states.add(c);
        }
        return controls;
    }

    private BlankRace newRace() {
        race = new BlankRace(BlankSentences.forLocale(getLocale()), "lstm".equals(cell.getValue()), matching.getValue(), 11);
        setOpenSpec(race.spec(1));
        List<String> names = names();
        links.removeAll();
        for (int m = 0; m <= BlankRace.MAX_DEPTH; m++) {
            Anchor open = new Anchor(SpecLinks.link("build", race.spec(m)), getTranslation("labs.bidir.open", names.get(m)));
            open.setId("bidir-open-" + m);
            links.add(open);
        }
        long[] params = race.paramCounts();
        String ruleKey = "labs.bidir.rule." + matching.getValue().name().toLowerCase(Locale.ROOT);
        rule.setText(getTranslation(ruleKey, race.unitsPerDirection(0), params[0], BlankRace.HIDDEN, 2 * BlankRace.HIDDEN,
                params[1], String.format(Locale.ROOT, "%.1f", (double) params[1] / params[0])));
        return race;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(getTranslation("labs.bidir.oneway"));
        boolean lstm = race == null || race.isLstm();
        for (int d = 1; d <= BlankRace.MAX_DEPTH; d++) {
            names.add(getTranslation(lstm ? "labs.bidir.depth.lstm" : "labs.bidir.depth", d));
        }
        return names;
    }

    private void show(BlankRace.Frame frame) {
        shown = frame;
        List<String> names = new ArrayList<>(names());
        List<double[]> curves = new ArrayList<>(frame.accuracy());
        double[] chance = new double[curves.getFirst().length];
        Arrays.fill(chance, race.chance());
        names.add(getTranslation("labs.lstm.chance"));
        curves.add(chance);
        LineChart.lines(accuracy, getTranslation("labs.recurrent.batches"), getTranslation("labs.bidir.accuracy"), names,
                curves, 8, 1.0, true);
        accuracy.getElement().setAttribute("data-oneway", String.valueOf(last(frame, 0)));
        accuracy.getElement().setAttribute("data-bidirectional", String.valueOf(last(frame, 1)));
        accuracy.getElement().setAttribute("data-chance", String.valueOf(race.chance()));
        status.setText(getTranslation("labs.bidir.status", frame.batches(), percent(last(frame, 0)), percent(last(frame, 1)),
                percent(race.chance())));
        drawTable(frame);
        showSentences(race.sentences(), frame);
        drawStates(frame);
        if (last(frame, 1) >= SOLVED && last(frame, 0) <= GUESSING) {
            complete("blank");
        }
        if (last(frame, BlankRace.MAX_DEPTH) >= SOLVED) {
            complete("deep");
        }
    }

    private static double last(BlankRace.Frame frame, int model) {
        double[] c = frame.accuracy().get(model);
        return c.length == 0 ? 0 : c[c.length - 1];
    }

    /** Example sentences with their blank; once a race runs, its shown sentences with the one-way and bidirectional guesses. */
    private void showSentences(BlankSentences bank, BlankRace.Frame frame) {
        sentences.removeAll();
        List<BlankSentences.Sentence> list = frame == null ? bank.draw(BlankRace.SHOWN, 5) : race.shownSentences();
        for (int s = 0; s < list.size(); s++) {
            BlankSentences.Sentence sentence = list.get(s);
            Div row = new Div(new Span(bank.text(sentence, null)));
            row.addClassName("nnlab-bidir-sentence");
            row.getElement().setAttribute("data-answer", bank.answer(sentence.answer()));
            if (frame != null) {
                int[] g = frame.guesses().get(s);
                row.add(guess("labs.bidir.oneway", bank.answer(g[0]), g[0] == sentence.answer()),
                        guess("labs.bidir.guess.bidirectional", bank.answer(g[1]), g[1] == sentence.answer()));
                row.getElement().setAttribute("data-oneway", bank.answer(g[0]));
                row.getElement().setAttribute("data-bidirectional", bank.answer(g[1]));
            }
            sentences.add(row);
        }
    }

    private Span guess(String who, String word, boolean right) {
        Span s = new Span(getTranslation("labs.bidir.guess", getTranslation(who), word,
                getTranslation(right ? "labs.bidir.guess.right" : "labs.bidir.guess.wrong")));
        s.addClassName(right ? "nnlab-guess-right" : "nnlab-guess-wrong");
        return s;
    }

    private void drawTable(BlankRace.Frame frame) {
        long[] params = race.paramCounts();
        List<String> names = names();
        StringBuilder html = new StringBuilder("<div class='nnlab-table-scroll'><table class='nnlab-bidir-table'><tr>");
        for (String h : List.of("model", "units", "states", "params", "accuracy")) {
            html.append("<th>").append(getTranslation("labs.bidir." + h)).append("</th>");
        }
        html.append("</tr>");
        for (int m = 0; m < params.length; m++) {
            html.append("<tr><td>").append(names.get(m)).append("</td><td>").append(race.unitsPerDirection(m))
                    .append(m == 0 ? "" : " × 2").append("</td><td>").append(race.statesPerStep(m)).append("</td><td>")
                    .append(params[m]).append("</td><td>").append(percent(last(frame, m))).append("</td></tr>");
        }
        html.append("</table></div>");
        table.removeAll();
        table.add(new Html(html.toString()));
    }

    private void drawStates(BlankRace.Frame frame) {
        BlankSentences.Sentence first = race.shownSentences().getFirst();
        example.setText(getTranslation("labs.bidir.example", race.sentences().text(first, null), first.blank() + 1));
        int steps = frame.forward().length;
        float[][] concat = new float[steps][];
        for (int t = 0; t < steps; t++) {
            concat[t] = new float[2 * BlankRace.HIDDEN];
            System.arraycopy(frame.forward()[t], 0, concat[t], 0, BlankRace.HIDDEN);
            System.arraycopy(frame.backward()[t], 0, concat[t], BlankRace.HIDDEN, BlankRace.HIDDEN);
        }
        LineChart.heatmap(forwardMap, getTranslation("labs.bidir.forward"), frame.forward(), -1, 1);
        LineChart.heatmap(backwardMap, getTranslation("labs.bidir.backward"), frame.backward(), -1, 1);
        LineChart.heatmap(concatMap, getTranslation("labs.bidir.concatenated", 2 * BlankRace.HIDDEN), concat, -1, 1);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
