package org.nnlab.labs.recurrent.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.builder.SpecLinks;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.recurrent.BlankRace;
import org.nnlab.labs.recurrent.LiveLab;
import org.nnlab.labs.ui.LabPage;
import org.nnlab.training.ui.NnChart;

/**
 * The bidirectional lab: a one-way network and bidirectional ones of depth 1 to 3 race on a blank that only the
 * future explains; the forward and backward states of one example and their concatenation; weights and accuracy per
 * model, each with a link that opens it in Build.
 */
@Route("labs/bidirectional")
@StyleSheet("context://labs/recurrent.css")
public class BidirectionalView extends LabPage {
    /** Accuracy the bidirectional network must reach, and the one-way stay under, for the blank task. */
    static final double SOLVED = 0.9;
    static final double GUESSING = 0.4;

    private final LiveLab lab;
    final Select<String> cell = new Select<>();
    final Button start = new Button(getTranslation("labs.bidir.start"), VaadinIcon.PLAY.create());
    final Button stop = new Button(getTranslation("labs.recurrent.stop"), VaadinIcon.STOP.create());
    final Span status = new Span(getTranslation("labs.recurrent.status.idle"));
    final NnChart accuracy = new NnChart("bidir-accuracy");
    final Span example = new Span();
    final Div states = new Div();
    final NnChart forwardMap = new NnChart("bidir-forward");
    final NnChart backwardMap = new NnChart("bidir-backward");
    final NnChart concatMap = new NnChart("bidir-concat");
    final Div table = new Div();
    private BlankRace race;
    private LiveLab.Run run;
    /** The frame shown last (the view test reads it). */
    BlankRace.Frame shown;

    public BidirectionalView(LiveLab lab, LabProgress progress) {
        super(Chapter.BIDIRECTIONAL, progress);
        this.lab = lab;
        addSection("labs.bidir.idea", prose("labs.bidir.idea.one"),
                formula("\\overrightarrow{h}_t = f(\\overrightarrow{U} x_t + \\overrightarrow{W}\\,\\overrightarrow{h}_{t-1}),"
                        + "\\quad \\overleftarrow{h}_t = f(\\overleftarrow{U} x_t + \\overleftarrow{W}\\,\\overleftarrow{h}_{t+1}),"
                        + "\\quad h_t = [\\overrightarrow{h}_t ; \\overleftarrow{h}_t]"),
                prose("labs.bidir.idea.two"));
        addSection("labs.bidir.race", prose("labs.bidir.race.how"), createControls(), status, accuracy, table);
        addSection("labs.bidir.concat", prose("labs.bidir.concat.how"), example, states);
        addTasks();
        addOpenLinks(BlankRace.spec(true, 1));
    }

    private Div createControls() {
        cell.setId("bidir-cell");
        cell.setLabel(getTranslation("labs.recurrent.cell"));
        cell.setItems("rnn", "lstm");
        cell.setItemLabelGenerator(c -> getTranslation("labs.recurrent.cell." + c));
        cell.setValue("lstm");
        start.setId("bidir-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startRace());
        stop.setId("bidir-stop");
        stop.setEnabled(false);
        stop.addClickListener(e -> stopRace());
        status.setId("bidir-status");
        table.setId("bidir-depths");
        example.setId("bidir-example");
        states.setId("bidir-states");
        states.addClassName("nnlab-heatmaps");
        for (NnChart c : List.of(forwardMap, backwardMap, concatMap)) {
            c.setHeight("220px");
            states.add(c);
        }
        Div row = new Div(cell, start, stop);
        row.addClassName("nnlab-rnn-controls");
        return row;
    }

    private void startRace() {
        stopRace();
        race = new BlankRace("lstm".equals(cell.getValue()), 11);
        setOpenSpec(BlankRace.spec(race.isLstm(), 1));
        UI ui = UI.getCurrent();
        run = lab.start(CurrentOwner.id(), race, frame -> ui.access(() -> show(frame)));
        stop.setEnabled(true);
        status.setText(getTranslation("labs.recurrent.status.starting"));
    }

    private void stopRace() {
        if (run != null) {
            run.stop();
            run = null;
        }
        stop.setEnabled(false);
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(getTranslation("labs.bidir.oneway"));
        for (int d = 1; d <= BlankRace.MAX_DEPTH; d++) {
            names.add(getTranslation("labs.bidir.depth", d));
        }
        return names;
    }

    private void show(BlankRace.Frame frame) {
        shown = frame;
        List<String> names = new ArrayList<>(names());
        List<double[]> curves = new ArrayList<>(frame.accuracy());
        double[] chance = new double[curves.getFirst().length];
        java.util.Arrays.fill(chance, BlankRace.chance());
        names.add(getTranslation("labs.lstm.chance"));
        curves.add(chance);
        LineChart.lines(accuracy, getTranslation("labs.recurrent.batches"), names, curves, 8, 1.0);
        status.setText(getTranslation("labs.bidir.status", frame.batches(), percent(last(frame, 0)), percent(last(frame, 1)),
                percent(BlankRace.chance())));
        drawTable(frame);
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

    private void drawTable(BlankRace.Frame frame) {
        long[] params = race.paramCounts();
        List<String> names = names();
        StringBuilder html = new StringBuilder("<table class='nnlab-bidir-table'><tr><th>")
                .append(getTranslation("labs.bidir.model")).append("</th><th>").append(getTranslation("labs.bidir.params"))
                .append("</th><th>").append(getTranslation("labs.bidir.accuracy")).append("</th></tr>");
        table.removeAll();
        Div links = new Div();
        links.addClassName("nnlab-rnn-controls");
        for (int m = 0; m < params.length; m++) {
            html.append("<tr><td>").append(names.get(m)).append("</td><td>").append(params[m]).append("</td><td>")
                    .append(percent(last(frame, m))).append("</td></tr>");
            Anchor open = new Anchor(SpecLinks.link("build", BlankRace.spec(race.isLstm(), m)),
                    getTranslation("labs.bidir.open", names.get(m)));
            open.setId("bidir-open-" + m);
            links.add(open);
        }
        html.append("</table>");
        table.add(new com.vaadin.flow.component.Html(html.toString()), links);
    }

    private void drawStates(BlankRace.Frame frame) {
        example.setText(getTranslation("labs.bidir.example", race.exampleText(), race.exampleBlank() + 1));
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

    @Override
    protected void onDetach(DetachEvent detach) {
        stopRace();
    }
}
