package org.nnlab.labs.perceptron.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.perceptron.LogicGate;
import org.nnlab.engine.perceptron.Perceptron;
import org.nnlab.engine.perceptron.PerceptronResult;
import org.nnlab.engine.perceptron.PerceptronUpdate;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.ui.LabPage;

/**
 * The perceptron lab: pick a gate, set the weights and bias by hand or let the perceptron rule move them,
 * one sample at a time ("Learn", animated) or epoch after epoch until it settles ("Run to the end", at
 * most {@value #MAX_EPOCHS} epochs). The truth table, the plot and every update's numbers come from the
 * engine's {@link Perceptron}. AND, OR and NOT settle; XOR never does, and the page offers a hidden layer.
 */
@Route(value = "labs/perceptron")
public class PerceptronLabView extends LabPage {
    static final int MAX_EPOCHS = 100;
    static final int LEARN_EPOCHS = 25;
    static final int TICK_MILLIS = 450;
    static final String PLAYGROUND_XOR = "labs/playground?data=xor&features=x1,x2&hidden=4";
    private final RadioButtonGroup<LogicGate> gate = new RadioButtonGroup<>();
    private final ParameterControl w1 = new ParameterControl("perceptron-w1", "w_1", v -> changeWeight(0, v));
    private final ParameterControl w2 = new ParameterControl("perceptron-w2", "w_2", v -> changeWeight(1, v));
    private final ParameterControl b = new ParameterControl("perceptron-b", "b", this::changeBias);
    private final NumberField eta = new NumberField();
    private final Button learn = new Button();
    private final Button step = new Button();
    private final Button run = new Button();
    private final Div plot = new Div();
    private final Div table = new Div();
    private final UpdateLog log;
    private final Paragraph status = new Paragraph();
    private final Anchor hiddenLayer = new Anchor(PLAYGROUND_XOR);
    private double[] weights = {0.3, -0.2};
    private double bias = 0.1;
    private final List<PerceptronPlot.Line> earlier = new ArrayList<>();
    private Perceptron perceptron;
    private int cursor;
    private int epoch;
    private int mistakesThisEpoch;
    private boolean learning;
    private int highlight = -1;
    private Registration poll;

    public PerceptronLabView(LabProgress progress) {
        super(Chapter.PERCEPTRON, progress);
        log = new UpdateLog();
        addSection("labs.perceptron.idea", prose("labs.perceptron.idea.p1"),
                formula("y = H(w_1 x_1 + w_2 x_2 + b), \\qquad H(z) = \\begin{cases} 1 & z \\ge 0 \\\\ 0 & z < 0 \\end{cases}"),
                prose("labs.perceptron.idea.p2"),
                formula("w_i \\leftarrow w_i + \\eta\\,(t - y)\\,x_i, \\qquad b \\leftarrow b + \\eta\\,(t - y)"),
                prose("labs.perceptron.idea.p3"));
        addSection("labs.perceptron.play", controls(), board(), log, status, hiddenLayer);
        addTasks();
        addOpenLinks(spec(LogicGate.AND));
        gate.setValue(LogicGate.AND);
    }

    private Div controls() {
        gate.setId("perceptron-gate");
        gate.setLabel(getTranslation("labs.perceptron.gate"));
        gate.setItems(LogicGate.values());
        gate.setItemLabelGenerator(g -> getTranslation("labs.perceptron.gate." + g.name().toLowerCase()));
        gate.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != e.getOldValue()) {
                choose(e.getValue());
            }
        });
        eta.setId("perceptron-eta");
        eta.setLabel(getTranslation("labs.perceptron.eta"));
        eta.setWidth("9em");
        eta.setValue(0.1);
        eta.addValueChangeListener(e -> {
            stopLearning();
            rebuild();
        });
        learn.setId("perceptron-learn");
        learn.addThemeVariants(ButtonVariant.PRIMARY);
        learn.addClickListener(e -> toggleLearning());
        step.setId("perceptron-step");
        step.setText(getTranslation("labs.perceptron.step"));
        step.addClickListener(e -> learnOne());
        run.setId("perceptron-run");
        run.setText(getTranslation("labs.perceptron.run"));
        run.addClickListener(e -> runToTheEnd());
        Div buttons = new Div(learn, step, run);
        buttons.addClassName("nnlab-lab-buttons");
        Div params = new Div(w1, w2, b, eta);
        params.addClassName("nnlab-params");
        Div controls = new Div(gate, params, buttons);
        controls.addClassName("nnlab-perceptron-controls");
        return controls;
    }

    private Div board() {
        plot.setId("perceptron-plot");
        plot.addClassName("nnlab-perceptron-plotbox");
        table.setId("perceptron-table");
        Div board = new Div(plot, table);
        board.addClassName("nnlab-perceptron-board");
        status.setId("perceptron-status");
        status.addClassName("nnlab-lab-status");
        hiddenLayer.setId("perceptron-hidden-layer");
        hiddenLayer.setText(getTranslation("labs.perceptron.hidden"));
        hiddenLayer.getElement().setAttribute("router-link", true);
        hiddenLayer.addClassName("nnlab-lab-next");
        return board;
    }

    private void choose(LogicGate g) {
        stopLearning();
        w2.setVisible(g.arity() == 2);
        if (g.arity() == 1) {
            weights = new double[] {weights[0]};
        } else if (weights.length == 1) {
            weights = new double[] {weights[0], -0.2};
        }
        setOpenSpec(spec(g));
        earlier.clear();
        log.clear();
        rebuild();
    }

    /** A new engine perceptron from the current weights, bias and η; then everything is redrawn. */
    private void rebuild() {
        double rate = eta.getValue() == null || !(eta.getValue() > 0) ? 0.1 : eta.getValue();
        perceptron = new Perceptron(weights, bias, rate);
        cursor = 0;
        epoch = 0;
        mistakesThisEpoch = 0;
        highlight = -1;
        showWeights();
        redraw();
        showStatus(getTranslation("labs.perceptron.status.wrong", wrongCount(), samples().length));
        checkTasks(false);
    }

    private void changeWeight(int index, double value) {
        weights[index] = value;
        earlier.clear();
        rebuild();
    }

    private void changeBias(double value) {
        bias = value;
        earlier.clear();
        rebuild();
    }

    private void toggleLearning() {
        if (learning) {
            stopLearning();
        } else {
            learning = true;
            epoch = 0;
            mistakesThisEpoch = 0;
            cursor = 0;
            UI ui = UI.getCurrent();
            ui.setPollInterval(TICK_MILLIS);
            poll = ui.addPollListener(e -> learnOne());
            showLearning();
        }
    }

    private void stopLearning() {
        learning = false;
        if (poll != null) {
            poll.remove();
            poll = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
        showLearning();
    }

    /** Applies the rule to the next sample; at the end of an epoch decides whether learning has settled. */
    void learnOne() {
        float[][] xs = samples();
        int[] ts = gate.getValue().targets();
        int i = cursor;
        PerceptronUpdate update = perceptron.learn(xs[i], ts[i]);
        if (update.changed()) {
            earlier.add(line(update.weightsBefore(), update.biasBefore()));
            if (earlier.size() > 8) {
                earlier.removeFirst();
            }
            mistakesThisEpoch++;
        }
        weights = perceptron.weights();
        bias = perceptron.bias();
        highlight = i;
        cursor = (cursor + 1) % xs.length;
        showWeights();
        redraw();
        log.show(update, epoch + 1, i + 1);
        if (cursor == 0) {
            epoch++;
            if (mistakesThisEpoch == 0) {
                stopLearning();
                showStatus(getTranslation("labs.perceptron.status.converged", epoch));
                checkTasks(false);
                return;
            }
            mistakesThisEpoch = 0;
            if (learning && epoch >= LEARN_EPOCHS) {
                stopLearning();
                showStatus(getTranslation("labs.perceptron.status.notConverged", epoch), true);
                checkTasks(true);
                return;
            }
        }
        showStatus(getTranslation("labs.perceptron.status.learning", epoch + 1, wrongCount(), xs.length));
        checkTasks(false);
    }

    /** Trains with the engine until an epoch passes without a mistake, or {@value #MAX_EPOCHS} epochs. */
    void runToTheEnd() {
        stopLearning();
        PerceptronResult result = perceptron.train(samples(), gate.getValue().targets(), MAX_EPOCHS);
        earlier.add(line(weights, bias));
        weights = perceptron.weights();
        bias = perceptron.bias();
        highlight = -1;
        showWeights();
        redraw();
        log.showRun(result);
        showStatus(result.converged()
                ? getTranslation("labs.perceptron.status.converged", result.epochs())
                : getTranslation("labs.perceptron.status.notConverged", result.epochs()), !result.converged());
        checkTasks(!result.converged());
    }

    private void checkTasks(boolean gaveUp) {
        LogicGate g = gate.getValue();
        boolean allRight = wrongCount() == 0;
        if (g == LogicGate.AND && allRight) {
            complete("and");
        } else if (g == LogicGate.NOT && allRight) {
            complete("not");
        } else if (g == LogicGate.XOR && gaveUp) {
            complete("xor");
        }
        hiddenLayer.setVisible(g == LogicGate.XOR && gaveUp);
    }

    private int wrongCount() {
        float[][] xs = samples();
        int[] ts = gate.getValue().targets();
        int wrong = 0;
        for (int i = 0; i < xs.length; i++) {
            wrong += perceptron.predict(xs[i]) == ts[i] ? 0 : 1;
        }
        return wrong;
    }

    private void showStatus(String text) {
        showStatus(text, false);
    }

    private void showStatus(String text, boolean bad) {
        status.setText(text);
        status.setClassName("bad", bad);
    }

    private void showLearning() {
        learn.setText(getTranslation(learning ? "labs.perceptron.pause" : "labs.perceptron.learn"));
        step.setEnabled(!learning);
        run.setEnabled(!learning);
        w1.setEditable(!learning);
        w2.setEditable(!learning);
        b.setEditable(!learning);
        gate.setEnabled(!learning);
    }

    private void showWeights() {
        w1.show(weights[0]);
        if (weights.length > 1) {
            w2.show(weights[1]);
        }
        b.show(bias);
    }

    private void redraw() {
        float[][] xs = samples();
        int[] ts = gate.getValue().targets();
        plot.removeAll();
        plot.add(new Html(PerceptronPlot.svg(xs, ts, line(weights, bias), earlier, highlight)));
        table.removeAll();
        table.add(new Html(TruthTable.html(perceptron, xs, ts, highlight, getTranslation("labs.perceptron.table.right"),
                getTranslation("labs.perceptron.table.wrong"))));
    }

    private float[][] samples() {
        return gate.getValue().inputs();
    }

    private static PerceptronPlot.Line line(double[] w, double bias) {
        return new PerceptronPlot.Line(w[0], w.length > 1 ? w[1] : 0, bias);
    }

    private static ModelSpec spec(LogicGate g) {
        return g.arity() == 2 ? Presets.PERCEPTRON.spec()
                : ModelSpec.of(Shape.of(1), new DenseSpec(1), new StepSpec());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        showLearning();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopLearning();
        super.onDetach(detach);
    }
}
