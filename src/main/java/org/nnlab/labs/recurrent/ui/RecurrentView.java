package org.nnlab.labs.recurrent.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import org.nnlab.engine.data.sequence.CharCorpus;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.recurrent.BpttProbe;
import org.nnlab.labs.recurrent.CharModel;
import org.nnlab.labs.recurrent.LiveLab;
import org.nnlab.labs.ui.LabPage;
import org.nnlab.training.ui.NnChart;

/**
 * The recurrent-networks lab: the unrolled picture with its shared U, W, V; a next-character model trained live on a
 * bundled or pasted text, its guesses at every step of a prompt and sampled continuations; and the gradient that
 * flows back through time, step by step, for a tanh RNN and an LSTM side by side.
 */
@Route("labs/recurrent")
@StyleSheet("context://labs/recurrent.css")
public class RecurrentView extends LabPage {
    /** Steps of the BPTT sequence. */
    static final int BPTT_STEPS = 40;
    /** Last step's gradient over the first step's at least this: it has vanished (or, inverted, exploded). */
    static final double FADED = 1e3;
    /** First step's gradient over the last step's at least this: it has exploded on its way back. */
    static final double EXPLODED = 100;

    private final LiveLab lab;
    final Select<String> text = new Select<>();
    final TextArea pasted = new TextArea(getTranslation("labs.recurrent.pasted"));
    final Select<String> cell = new Select<>();
    final RunControls<CharModel.Frame> controls;
    final Button train;
    final Button stop;
    final Span status;
    final NnChart lossChart = new NnChart("rnn-loss");
    final TextField prompt = new TextField(getTranslation("labs.recurrent.prompt"));
    final NextChars nextChars = new NextChars("rnn-next-chars");
    final Div unrolled = new Div();
    final DecimalSlider temperature = new DecimalSlider(getTranslation("labs.recurrent.temperature"), 0.1, 2);
    final Button sample = new Button(getTranslation("labs.recurrent.sample"), VaadinIcon.MAGIC.create());
    final Div samples = new Div();
    final NumberField scale = new NumberField(getTranslation("labs.recurrent.scale"));
    final Checkbox clip = new Checkbox(getTranslation("labs.recurrent.clip"));
    final IntegerField truncate = new IntegerField(getTranslation("labs.recurrent.truncate"));
    final Button backward = new Button(getTranslation("labs.recurrent.backward"), VaadinIcon.ARROW_BACKWARD.create());
    final GradientBars bars = new GradientBars("bptt-bars");
    private CharModel model;
    /** The BPTT norms shown last (the view test reads them). */
    BpttProbe.Norms shownNorms;
    private long sampleSeed = 1;

    public RecurrentView(LiveLab lab, LabProgress progress) {
        super(Chapter.RECURRENT, progress);
        this.lab = lab;
        controls = new RunControls<>(lab, "rnn", "rnn-train", "labs.recurrent.train", this::newModel, this::show, text,
                cell);
        train = controls.start;
        stop = controls.stop;
        status = controls.status;
        addSection("labs.recurrent.idea", prose("labs.recurrent.idea.one"),
                formula("s_t = f(U x_t + W s_{t-1}), \\qquad o_t = \\operatorname{softmax}(V s_t)"),
                prose("labs.recurrent.idea.two"), unrolled);
        addSection("labs.recurrent.model", prose("labs.recurrent.model.how"), createModelControls(), status, lossChart,
                prompt, nextChars, createSampling(), samples);
        addSection("labs.recurrent.bptt", prose("labs.recurrent.bptt.one"),
                formula("\\frac{\\partial L}{\\partial s_k} = \\frac{\\partial L}{\\partial s_T}"
                        + " \\prod_{t=k+1}^{T} \\operatorname{diag}\\!\\left(1 - s_t^2\\right) W"),
                prose("labs.recurrent.bptt.two"), createBpttControls(), bars, prose("labs.recurrent.bptt.read"));
        addTasks();
        addOpenLinks(CharModel.spec(CharCorpus.chinese().vocabularySize(), true));
        drawUnrolled();
        runBackward();
    }

    private Div createModelControls() {
        text.setId("rnn-text");
        text.setLabel(getTranslation("labs.recurrent.text"));
        text.setItems("chinese", "english", "pasted");
        text.setItemLabelGenerator(t -> getTranslation("labs.recurrent.text." + t));
        text.setValue("pasted");
        pasted.setId("rnn-pasted");
        pasted.setValue(getTranslation("labs.recurrent.pasted.example"));
        pasted.setMaxLength(lab.properties().maxTextLength());
        pasted.setWidthFull();
        text.addValueChangeListener(e -> pasted.setVisible("pasted".equals(e.getValue())));
        cell.setId("rnn-cell");
        cell.setLabel(getTranslation("labs.recurrent.cell"));
        cell.setItems("rnn", "lstm");
        cell.setItemLabelGenerator(c -> getTranslation("labs.recurrent.cell." + c));
        cell.setValue("lstm");
        prompt.setId("rnn-prompt");
        prompt.setValue("我是中国");
        prompt.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        prompt.addValueChangeListener(e -> {
            drawUnrolled();
            showGuesses();
        });
        unrolled.setId("rnn-unrolled");
        unrolled.addClassName("nnlab-unrolled");
        lossChart.setHeight("220px");
        return new Div(controls, pasted);
    }

    private Div createSampling() {
        temperature.setId("rnn-temperature");
        temperature.setStep(0.1);
        temperature.setValue(0.7);
        temperature.setMinMaxVisible(true);
        temperature.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        temperature.setLabel(getTranslation("labs.recurrent.temperature.value", 0.7));
        temperature.addValueChangeListener(e -> {
            temperature.setLabel(getTranslation("labs.recurrent.temperature.value", e.getValue()));
            showSamples();
        });
        sample.setId("rnn-sample");
        sample.addClickListener(e -> showSamples());
        samples.setId("rnn-samples");
        samples.addClassName("nnlab-rnn-samples");
        Div row = new Div(temperature, sample);
        row.addClassName("nnlab-rnn-controls");
        return row;
    }

    private Div createBpttControls() {
        scale.setId("bptt-scale");
        scale.setMin(0.5);
        scale.setMax(20);
        scale.setStep(0.5);
        scale.setStepButtonsVisible(true);
        scale.setValue(1.0);
        clip.setId("bptt-clip");
        truncate.setId("bptt-truncate");
        truncate.setMin(0);
        truncate.setMax(BPTT_STEPS);
        truncate.setStepButtonsVisible(true);
        truncate.setValue(0);
        truncate.setHelperText(getTranslation("labs.recurrent.truncate.help"));
        backward.setId("bptt-run");
        backward.addClickListener(e -> runBackward());
        Div row = new Div(scale, clip, truncate, backward);
        row.addClassName("nnlab-rnn-controls");
        return row;
    }

    private CharCorpus corpus() {
        return switch (text.getValue()) {
            case "english" -> CharCorpus.english();
            case "chinese" -> CharCorpus.chinese();
            default -> new CharCorpus(pasted.getValue().strip());
        };
    }

    private CharModel newModel() {
        model = new CharModel(corpus(), "lstm".equals(cell.getValue()), 42);
        setOpenSpec(model.spec());
        return model;
    }

    private void show(CharModel.Frame frame) {
        status.setText(getTranslation("labs.recurrent.status.running", frame.batches(),
                String.format(Locale.ROOT, "%.3f", frame.loss()), model.corpus().vocabularySize()));
        LineChart.lines(lossChart, getTranslation("labs.recurrent.batches"), getTranslation("labs.recurrent.loss"), List.of(getTranslation("labs.recurrent.loss")),
                List.of(frame.curve()), frame.stride(), null, false);
        showGuesses();
    }

    /** The model's top guesses at every step of the prompt; nothing before a model exists. */
    void showGuesses() {
        if (model == null || prompt.getValue().isEmpty()) {
            return;
        }
        nextChars.show(prompt.getValue(), model.nextCharacters(prompt.getValue(), 3));
        if (model.frame().batches() > 0) {
            complete("predict");
        }
    }

    private void showSamples() {
        if (model == null) {
            return;
        }
        double t = temperature.getValue() == null ? 0.7 : temperature.getValue();
        samples.removeAll();
        for (int i = 0; i < 3; i++) {
            Span s = new Span(model.sample(prompt.getValue(), 30, t, sampleSeed++));
            s.addClassName("nnlab-rnn-sample");
            samples.add(s);
        }
    }

    void runBackward() {
        double w = scale.getValue() == null ? 1 : scale.getValue();
        int k = truncate.getValue() == null ? 0 : Math.max(0, truncate.getValue());
        BpttProbe probe = new BpttProbe(BPTT_STEPS, w, clip.getValue() ? 1.0 : 0, k);
        shownNorms = probe.measure(7);
        bars.show(new String[] {getTranslation("labs.recurrent.cell.rnn"), getTranslation("labs.recurrent.cell.lstm")},
                new double[][] {shownNorms.rnn(), shownNorms.lstm()});
        double rnnRatio = shownNorms.rnn()[BPTT_STEPS - 1] / shownNorms.rnn()[0];
        double lstmRatio = shownNorms.lstm()[BPTT_STEPS - 1] / shownNorms.lstm()[0];
        if (k == 0 && rnnRatio >= FADED && lstmRatio * 100 < rnnRatio) {
            complete("vanish");
        }
        if (k == 0 && !clip.getValue() && rnnRatio * EXPLODED <= 1) {
            complete("explode");
        }
    }

    private void drawUnrolled() {
        unrolled.removeAll();
        int[] chars = prompt.getValue().codePoints().limit(8).toArray();
        for (int t = 0; t < chars.length; t++) {
            Div step = new Div();
            step.addClassName("nnlab-unrolled-step");
            step.add(node("o", t + 1), weight("V"), node("s", t + 1), weight("U"),
                    new Span("x" + sub(t + 1) + " = " + NextChars.visible(Character.toString(chars[t]))));
            if (t > 0) {
                Span w = new Span("W →");
                w.addClassName("nnlab-unrolled-w");
                unrolled.add(w);
            }
            unrolled.add(step);
        }
    }

    private static Span node(String name, int t) {
        Span s = new Span(name + sub(t));
        s.addClassName("nnlab-unrolled-node");
        return s;
    }

    private static Span weight(String name) {
        Span s = new Span("↑ " + name);
        s.addClassName("nnlab-unrolled-weight");
        return s;
    }

    private static String sub(int t) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(t).toCharArray()) {
            sb.append((char) ('₀' + (c - '0')));
        }
        return sb.toString();
    }
}
