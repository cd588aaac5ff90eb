package org.nnlab.labs.deep.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.deep.DeepLab;
import org.nnlab.labs.deep.DeepSettings;
import org.nnlab.labs.deep.LayerGradients;
import org.nnlab.labs.ui.LabPage;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.Subscription;

/**
 * The deep-nets lab: a deep, narrow network trained live on MNIST digits as a normal training job, with a bar per
 * layer for its gradient norm and one for its update/weight ratio, on logarithmic scales. With sigmoids the first
 * layers' bars stay orders of magnitude shorter; ReLU, He initialisation or batch norm even them out.
 */
@Route("labs/deep")
@StyleSheet("context://labs/deep.css")
public class DeepView extends LabPage {
    /** Last hidden layer over first at least this: the gradient has vanished on its way down. */
    static final double VANISHED = 100;
    /** Largest over smallest hidden-layer gradient at most this: the bars are even. */
    static final double EVEN = 10;
    /** Mini-batches to wait before judging, so the first noisy steps do not count. */
    static final int SETTLE_STEPS = 30;

    private final DeepLab lab;
    final IntegerField depth = new IntegerField(getTranslation("labs.deep.depth"));
    final Select<String> activation = new Select<>();
    final Select<String> init = new Select<>();
    final Checkbox batchNorm = new Checkbox(getTranslation("labs.deep.batchNorm"));
    final Button start = new Button(getTranslation("labs.deep.start"), VaadinIcon.PLAY.create());
    final Button stop = new Button(getTranslation("labs.deep.stop"), VaadinIcon.STOP.create());
    final Span status = new Span();
    final LogBars gradients = new LogBars("deep-grad-bars", -8, 1);
    final LogBars ratios = new LogBars("deep-update-ratios", -8, 0);
    private JobSnapshot job;
    private DeepSettings running;
    private Subscription subscription;
    /** The gradients shown last (the view test reads them). */
    LayerGradients shown;

    public DeepView(DeepLab lab, LabProgress progress) {
        super(Chapter.DEEP, progress);
        this.lab = lab;
        addSection("labs.deep.idea", prose("labs.deep.idea.one"),
                formula("\\frac{\\partial L}{\\partial W^{(1)}} = \\frac{\\partial L}{\\partial h^{(n)}}"
                        + " \\prod_{l=2}^{n} \\operatorname{diag}\\!\\left(f'(z^{(l)})\\right) W^{(l)} \\cdot"
                        + " \\frac{\\partial h^{(1)}}{\\partial W^{(1)}}, \\qquad \\sigma'(z) = \\sigma(z)\\,(1-\\sigma(z)) \\le \\tfrac14"),
                prose("labs.deep.idea.two"), prose("labs.deep.idea.three"));
        addSection("labs.deep.lab", prose("labs.deep.how"), createControls(), status,
                createBars("labs.deep.gradients", gradients), createBars("labs.deep.ratios", ratios),
                prose("labs.deep.task.hint"));
        addTasks();
        addOpenLinks(currentSettings().spec());
        Anchor next = new Anchor(Chapter.PRETRAINING.route(), getTranslation("labs.deep.next"));
        next.setId("deep-next");
        addSection("labs.deep.next.title", prose("labs.deep.next.text"), next);
    }

    private Div createControls() {
        depth.setId("deep-depth");
        depth.setMin(DeepSettings.MIN_DEPTH);
        depth.setMax(DeepSettings.MAX_DEPTH);
        depth.setStepButtonsVisible(true);
        depth.setValue(DeepSettings.defaults().depth());
        activation.setId("deep-activation");
        activation.setLabel(getTranslation("labs.deep.activation"));
        activation.setItems("sigmoid", "relu");
        activation.setItemLabelGenerator(a -> getTranslation("labs.playground.activation." + a));
        activation.setValue("sigmoid");
        init.setId("deep-init");
        init.setLabel(getTranslation("labs.deep.init"));
        init.setItems("glorot", "he");
        init.setItemLabelGenerator(i -> getTranslation("labs.deep.init." + i));
        init.setValue("glorot");
        batchNorm.setId("deep-batch-norm");
        start.setId("deep-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startRun());
        stop.setId("deep-stop");
        stop.addClickListener(e -> stopRun());
        stop.setEnabled(false);
        status.setId("deep-status");
        status.setText(getTranslation("labs.deep.status.idle"));
        depth.addValueChangeListener(e -> setOpenSpec(currentSettings().spec()));
        Div controls = new Div(depth, activation, init, batchNorm, start, stop);
        controls.addClassName("nnlab-deep-controls");
        return controls;
    }

    private Div createBars(String titleKey, LogBars bars) {
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("nnlab-deep-bars-title");
        Div box = new Div(title, bars);
        box.addClassName("nnlab-deep-bars");
        return box;
    }

    DeepSettings currentSettings() {
        Integer d = depth.getValue();
        int layers = d == null ? DeepSettings.defaults().depth() : Math.max(DeepSettings.MIN_DEPTH, Math.min(DeepSettings.MAX_DEPTH, d));
        return new DeepSettings(layers, "relu".equals(activation.getValue()), "he".equals(init.getValue()), batchNorm.getValue());
    }

    private void startRun() {
        DeepSettings settings = currentSettings();
        setOpenSpec(settings.spec());
        unsubscribe();
        String owner = CurrentOwner.id();
        job = lab.start(owner, job == null || job.isFinal() ? null : job.id(), settings);
        running = settings;
        UI ui = UI.getCurrent();
        subscription = lab.watch(owner, job.id(), s -> ui.access(() -> show(s)));
        stop.setEnabled(true);
    }

    private void stopRun() {
        if (job != null && !job.isFinal()) {
            lab.stop(CurrentOwner.id(), job.id());
        }
    }

    private void show(JobSnapshot snapshot) {
        job = snapshot;
        LayerGradients g = LayerGradients.of(snapshot);
        stop.setEnabled(!snapshot.isFinal());
        status.setText(getTranslation(snapshot.state() == JobState.RUNNING || snapshot.state() == JobState.QUEUED
                        ? "labs.deep.status.running" : "labs.deep.status.ended",
                snapshot.step(), snapshot.train().isEmpty() ? "–"
                        : String.format(Locale.ROOT, "%.3f", snapshot.train().getLast().loss())));
        if (g.gradientNorms().length == 0) {
            return;
        }
        shown = g;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < g.gradientNorms().length; i++) {
            labels.add(i + 1 == g.gradientNorms().length ? getTranslation("labs.deep.output")
                    : getTranslation("labs.deep.layer", i + 1));
        }
        gradients.show(g.gradientNorms(), labels);
        ratios.show(g.updateRatios(), labels);
        checkTasks(snapshot, g);
    }

    private void checkTasks(JobSnapshot snapshot, LayerGradients g) {
        if (running == null || snapshot.step() < SETTLE_STEPS || running.depth() < 5) {
            return;
        }
        if (!running.relu() && !running.batchNorm() && g.lastOverFirst() >= VANISHED && !isTaskDone("vanish")) {
            complete("vanish");
        }
        if (g.spread() <= EVEN && !isTaskDone("relu")) {
            complete("relu");
        }
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        unsubscribe();
        stopRun();
    }
}
