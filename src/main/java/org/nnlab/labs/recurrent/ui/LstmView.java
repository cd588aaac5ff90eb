package org.nnlab.labs.recurrent.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Route;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.recurrent.GateRace;
import org.nnlab.labs.recurrent.LiveLab;
import org.nnlab.labs.ui.LabPage;
import org.nnlab.training.ui.NnChart;

/**
 * The LSTM lab: the cell with one step's and unit's values written on it, and a live race on the long-range task
 * between a tanh RNN and an LSTM (or GRU), with heat maps of the gates and the cell state for one example.
 */
@Route("labs/lstm")
@StyleSheet("context://labs/recurrent.css")
public class LstmView extends LabPage {
    /** Accuracy the gated network must reach, and the RNN stay under, for the race task. */
    static final double SOLVED = 0.9;
    static final double FAILED = 0.5;

    final IntegerField lag = new IntegerField(getTranslation("labs.lstm.lag"));
    final Select<String> variant = new Select<>();
    final RunControls<GateRace.Frame> controls;
    final Button start;
    final Button stop;
    final Span status;
    final NnChart accuracy = new NnChart("lstm-accuracy");
    final Div heatmaps = new Div();
    final IntegerField step = new IntegerField(getTranslation("labs.lstm.step"));
    final IntegerField unit = new IntegerField(getTranslation("labs.lstm.unit"));
    final Div cell = new Div();
    private final List<String> maps = List.of("forget", "input", "output", "cell", "hidden");
    private final java.util.Map<String, NnChart> charts = new java.util.LinkedHashMap<>();
    private GateRace race;
    /** The frame shown last (the view test reads it). */
    GateRace.Frame shown;

    public LstmView(LiveLab lab, LabProgress progress) {
        super(Chapter.LSTM, progress);
        controls = new RunControls<>(lab, "lstm", "lstm-race-start", "labs.lstm.start", this::newRace, this::show, lag,
                variant);
        start = controls.start;
        stop = controls.stop;
        status = controls.status;
        addSection("labs.lstm.idea", prose("labs.lstm.idea.one"),
                formula("f_t = \\sigma(W_f[h_{t-1}, x_t] + b_f),\\; i_t = \\sigma(W_i[h_{t-1}, x_t] + b_i),\\;"
                        + " o_t = \\sigma(W_o[h_{t-1}, x_t] + b_o)"),
                formula("\\tilde c_t = \\tanh(W_c[h_{t-1}, x_t] + b_c),\\quad c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde c_t,"
                        + "\\quad h_t = o_t \\odot \\tanh(c_t)"),
                prose("labs.lstm.idea.two"), createCellControls(), cell);
        addSection("labs.lstm.race", prose("labs.lstm.race.how"), createRaceControls(), status, accuracy,
                prose("labs.lstm.heatmaps"), heatmaps, prose("labs.lstm.gru"));
        addTasks();
        addOpenLinks(GateRace.spec(20, true, false));
    }

    private Div createRaceControls() {
        lag.setId("lstm-lag");
        lag.setMin(GateRace.MIN_LAG);
        lag.setMax(GateRace.MAX_LAG);
        lag.setStepButtonsVisible(true);
        lag.setValue(20);
        variant.setId("lstm-variant");
        variant.setLabel(getTranslation("labs.lstm.variant"));
        variant.setItems("lstm", "gru");
        variant.setItemLabelGenerator(v -> getTranslation("labs.lstm.variant." + v));
        variant.setValue("lstm");
        heatmaps.setId("lstm-gate-heatmap");
        heatmaps.addClassName("nnlab-heatmaps");
        for (String m : maps) {
            NnChart chart = new NnChart("lstm-map-" + m);
            chart.setHeight("240px");
            charts.put(m, chart);
            heatmaps.add(chart);
        }
        return controls;
    }

    private Div createCellControls() {
        step.setId("lstm-cell-step");
        step.setMin(1);
        step.setValue(GateRace.keyStep() + 1);
        step.setStepButtonsVisible(true);
        unit.setId("lstm-cell-unit");
        unit.setMin(1);
        unit.setMax(GateRace.HIDDEN);
        unit.setValue(1);
        unit.setStepButtonsVisible(true);
        step.addValueChangeListener(e -> drawCell());
        unit.addValueChangeListener(e -> drawCell());
        cell.setId("lstm-cell");
        cell.addClassName("nnlab-lstm-cell");
        cell.add(new Span(getTranslation("labs.lstm.cell.empty")));
        Div row = new Div(step, unit);
        row.addClassName("nnlab-rnn-controls");
        return row;
    }

    private GateRace newRace() {
        int n = lag.getValue() == null ? 20 : lag.getValue();
        race = new GateRace(n, "gru".equals(variant.getValue()), 10);
        setOpenSpec(GateRace.spec(n, true, race.isGru()));
        return race;
    }

    private void show(GateRace.Frame frame) {
        shown = frame;
        double r = frame.rnn().length == 0 ? 0 : frame.rnn()[frame.rnn().length - 1];
        double g = frame.gated().length == 0 ? 0 : frame.gated()[frame.gated().length - 1];
        String gatedName = getTranslation("labs.lstm.variant." + (race.isGru() ? "gru" : "lstm"));
        status.setText(getTranslation("labs.lstm.status", frame.batches(), percent(r), gatedName, percent(g),
                percent(GateRace.chance())));
        double[] chance = new double[frame.rnn().length];
        Arrays.fill(chance, GateRace.chance());
        LineChart.lines(accuracy, getTranslation("labs.recurrent.batches"), getTranslation("labs.lstm.accuracy"),
                List.of(getTranslation("labs.recurrent.cell.rnn"), gatedName, getTranslation("labs.lstm.chance")),
                List.of(frame.rnn(), frame.gated(), chance), 8, 1.0, true);
        for (Map.Entry<String, NnChart> e : charts.entrySet()) {
            float[][] values = frame.traces().get(e.getKey());
            e.getValue().setVisible(values != null);
            if (values != null) {
                boolean signed = e.getKey().equals("cell") || e.getKey().equals("hidden");
                LineChart.heatmap(e.getValue(), getTranslation("labs.lstm.map." + e.getKey()), values,
                        signed ? -1 : 0, 1);
            }
        }
        drawCell();
        if (race.lag() >= 15 && g >= SOLVED && r <= FAILED) {
            complete("race");
        }
    }

    private void drawCell() {
        if (shown == null || !shown.traces().containsKey("forget")) {
            return;
        }
        Map<String, float[][]> t = shown.traces();
        int steps = t.get("forget").length;
        int s = Math.max(1, Math.min(steps, step.getValue() == null ? 1 : step.getValue())) - 1;
        int u = Math.max(1, Math.min(GateRace.HIDDEN, unit.getValue() == null ? 1 : unit.getValue())) - 1;
        step.setMax(steps);
        cell.removeAll();
        float before = s == 0 ? 0 : t.get("cell")[s - 1][u];
        cell.add(value("labs.lstm.cell.previous", before), value("labs.lstm.map.forget", t.get("forget")[s][u]),
                value("labs.lstm.map.input", t.get("input")[s][u]), value("labs.lstm.map.candidate", t.get("candidate")[s][u]),
                value("labs.lstm.map.output", t.get("output")[s][u]), value("labs.lstm.map.cell", t.get("cell")[s][u]),
                value("labs.lstm.map.hidden", t.get("hidden")[s][u]));
        if (s > GateRace.keyStep() && isTaskDone("race")) {
            complete("gates");
        }
    }

    private Span value(String key, float v) {
        Span s = new Span(getTranslation(key) + String.format(Locale.ROOT, " = %.3f", v));
        s.getElement().setAttribute("data-value", String.format(Locale.ROOT, "%.4f", v));
        return s;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
