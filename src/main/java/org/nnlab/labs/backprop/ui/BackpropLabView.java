package org.nnlab.labs.backprop.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import java.util.Locale;
import org.nnlab.engine.backprop.BackpropStep;
import org.nnlab.engine.backprop.BackpropTrace;
import org.nnlab.engine.backprop.WorkedExample;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.ui.LabPage;
import org.nnlab.labs.ui.NnMath;
import org.nnlab.training.ui.NnChart;

/**
 * The backpropagation lab: the notes' 2-2-2 sigmoid network, stepped through one computation at a time
 * (forward pass, error, each weight's chain rule and update) with every number from the engine's
 * {@link BackpropTrace}; every input, target, weight and η can be changed, and 10,000 steps of training
 * show the error falling.
 */
@Route(value = "labs/backprop")
public class BackpropLabView extends LabPage {
    static final int RUN_STEPS = 10_000;
    private static final int CHART_POINTS = 250;
    private final NumbersEditor editor = new NumbersEditor(this::use);
    private final Div diagram = new Div();
    private final H3 stageTitle = new H3();
    private final Div stageBody = new Div();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button apply = new Button();
    private final Span totalError = new Span();
    private final Span[] newWeights = new Span[8];
    private final Paragraph runResult = new Paragraph();
    private final NnChart chart = new NnChart("backprop-chart");
    private WorkedExample example = WorkedExample.classic();
    private BackpropStep step;
    private int stage;

    public BackpropLabView(LabProgress progress) {
        super(Chapter.BACKPROP, progress);
        addSection("labs.backprop.idea", prose("labs.backprop.idea.p1"),
                formula("\\mathrm{net}_{h1} = w_1 i_1 + w_2 i_2 + b_1, \\qquad \\mathrm{out}_{h1} = \\sigma(\\mathrm{net}_{h1}) = \\frac{1}{1 + e^{-\\mathrm{net}_{h1}}}"),
                prose("labs.backprop.idea.p2"),
                formula("E_{\\mathrm{total}} = \\sum_o \\tfrac12 (t_o - \\mathrm{out}_o)^2"),
                prose("labs.backprop.idea.p3"),
                formula("\\frac{\\partial E_{\\mathrm{total}}}{\\partial w_5} = \\frac{\\partial E_{\\mathrm{total}}}{\\partial \\mathrm{out}_{o1}} \\cdot \\frac{\\partial \\mathrm{out}_{o1}}{\\partial \\mathrm{net}_{o1}} \\cdot \\frac{\\partial \\mathrm{net}_{o1}}{\\partial w_5}, \\qquad w^{+} = w - \\eta \\frac{\\partial E_{\\mathrm{total}}}{\\partial w}"),
                prose("labs.backprop.idea.p4"));
        addSection("labs.backprop.play", stepper(), editor);
        addSection("labs.backprop.run.title", runner());
        addTasks();
        addOpenLinks(ModelSpec.of(Shape.of(2), new DenseSpec(2), new SigmoidSpec(), new DenseSpec(2), new SigmoidSpec()));
        editor.show(example);
        recompute();
    }

    private Div stepper() {
        diagram.setId("backprop-diagram");
        diagram.addClassName("nnlab-backprop-diagram-box");
        back.setId("backprop-back");
        back.setText(getTranslation("labs.backprop.back"));
        back.addClickListener(e -> goTo(stage - 1));
        next.setId("backprop-step");
        next.setText(getTranslation("labs.backprop.next"));
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.addClickListener(e -> goTo(stage + 1));
        apply.setId("backprop-apply");
        apply.setText(getTranslation("labs.backprop.apply"));
        apply.addClickListener(e -> use(step.updated()));
        Button reset = new Button(getTranslation("labs.backprop.reset"), e -> use(WorkedExample.classic()));
        reset.setId("backprop-reset");
        Div buttons = new Div(back, next, apply, reset);
        buttons.addClassName("nnlab-lab-buttons");
        stageTitle.setId("backprop-stage-title");
        stageBody.setId("backprop-stage");
        stageBody.addClassName("nnlab-backprop-stage");
        Div now = new Div(stageTitle, stageBody);
        now.addClassName("nnlab-backprop-now");
        Div board = new Div(diagram, now);
        board.addClassName("nnlab-backprop-board");
        return new Div(buttons, board, results());
    }

    private Div results() {
        totalError.setId("backprop-total-error");
        Div results = new Div(new Span(new NnMath("E_{\\mathrm{total}} =")), totalError);
        results.setId("backprop-results");
        results.addClassName("nnlab-backprop-results");
        for (int k = 0; k < 8; k++) {
            newWeights[k] = new Span();
            newWeights[k].setId("backprop-w" + (k + 1) + "-new");
            results.add(new Span(new NnMath("w_{" + (k + 1) + "}^{+} =")), newWeights[k]);
        }
        return results;
    }

    private Div runner() {
        Button run = new Button(getTranslation("labs.backprop.run", String.format(Locale.ROOT, "%,d", RUN_STEPS)), e -> runSteps());
        run.setId("backprop-run");
        runResult.setId("backprop-run-error");
        chart.setHeight("280px");
        chart.setVisible(false);
        return new Div(prose("labs.backprop.run.text"), run, runResult, chart);
    }

    /** Takes another network (edited, updated or the notes' own) and recomputes every number for it. */
    private void use(WorkedExample ex) {
        example = ex;
        editor.show(ex);
        runResult.setText("");
        chart.setVisible(false);
        recompute();
    }

    private void recompute() {
        step = BackpropTrace.step(example);
        goTo(stage);
    }

    void goTo(int target) {
        stage = Math.max(Stages.START, Math.min(Stages.DONE, target));
        Stages.Stage s = Stages.at(stage, example, step);
        diagram.removeAll();
        diagram.add(new Html(NetworkDiagram.svg(example, step, Stages.neuronsShown(stage), s.highlight())));
        stageTitle.setText(getTranslation("labs.backprop.stageOf", stage, Stages.DONE) + " · " + getTranslation(s.key(), s.args()));
        stageBody.removeAll();
        s.formulas().forEach(tex -> stageBody.add(new NnMath(tex, true)));
        if (stage == Stages.START || stage == Stages.DONE) {
            stageBody.add(prose(s.key() + ".text"));
        }
        back.setEnabled(stage > Stages.START);
        next.setEnabled(stage < Stages.DONE);
        apply.setVisible(stage == Stages.DONE);
        showResults();
        if (stage >= Stages.FIRST_OUTPUT_WEIGHT) {
            complete("w5");
        }
        if (stage >= Stages.FIRST_HIDDEN_WEIGHT) {
            complete("w1");
        }
    }

    /** The error once the forward pass has reached it, and each new weight once its update has been shown. */
    private void showResults() {
        totalError.setText(stage >= Stages.ERROR ? Digits.of(step.totalError()) : "…");
        for (int k = 0; k < 4; k++) {
            boolean outputShown = stage >= Stages.FIRST_OUTPUT_WEIGHT + k;
            boolean hiddenShown = stage >= Stages.FIRST_HIDDEN_WEIGHT + k;
            newWeights[4 + k].setText(outputShown ? Digits.of(step.outputWeights().get(k).after()) : "…");
            newWeights[k].setText(hiddenShown ? Digits.of(step.hiddenWeights().get(k).after()) : "…");
        }
    }

    /** Trains the current network for {@value #RUN_STEPS} steps with the engine and charts E_total. */
    void runSteps() {
        double[] curve = BackpropTrace.errorCurve(example, RUN_STEPS);
        BackpropStep last = BackpropTrace.train(example, RUN_STEPS);
        runResult.setText(getTranslation("labs.backprop.run.result", String.format(Locale.ROOT, "%,d", RUN_STEPS),
                Digits.of(curve[RUN_STEPS]), Digits.of(last.outputs().get(0).out()), Digits.of(last.outputs().get(1).out())));
        chart.setOption(chartOption(curve));
        chart.setVisible(true);
        if (curve[RUN_STEPS] < 1e-4) {
            complete("train");
        }
    }

    private static String chartOption(double[] curve) {
        StringBuilder data = new StringBuilder();
        int every = Math.max(1, (curve.length - 1) / CHART_POINTS);
        for (int s = 0; s < curve.length; s += every) {
            data.append(data.isEmpty() ? "" : ",").append('[').append(s).append(',').append(curve[s]).append(']');
        }
        if ((curve.length - 1) % every != 0) {
            data.append(",[").append(curve.length - 1).append(',').append(curve[curve.length - 1]).append(']');
        }
        return "{\"animation\":false,\"grid\":{\"left\":64,\"right\":16,\"top\":24,\"bottom\":40},"
                + "\"tooltip\":{\"trigger\":\"axis\"},"
                + "\"xAxis\":{\"type\":\"value\",\"name\":\"step\",\"nameLocation\":\"middle\",\"nameGap\":26,\"max\":" + (curve.length - 1) + "},"
                + "\"yAxis\":{\"type\":\"log\",\"name\":\"E_total\"},"
                + "\"series\":[{\"type\":\"line\",\"showSymbol\":false,\"data\":[" + data + "]}]}";
    }
}
