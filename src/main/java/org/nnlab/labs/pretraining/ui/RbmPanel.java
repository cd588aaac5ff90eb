package org.nnlab.labs.pretraining.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import java.util.function.Consumer;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.labs.pretraining.GibbsFrame;
import org.nnlab.labs.pretraining.PretrainingService;
import org.nnlab.labs.pretraining.RbmFrame;
import org.nnlab.labs.pretraining.RbmPoint;
import org.nnlab.labs.pretraining.RbmSession;
import org.nnlab.training.ui.ImageGrid;
import org.nnlab.training.ui.NnChart;

/**
 * The lab's live RBM: a train button ({@code rbm-train}, pause while training), the hidden units' weights as
 * 28×28 pictures ({@code rbm-filters}), test digits beside their reconstructions, the reconstruction error
 * ({@code rbm-recon-error}) and free-energy curves, and Gibbs chains ({@code rbm-gibbs}) from noise or from
 * the digits, a step or ten at a time. The machine lives while the panel is on a page.
 */
class RbmPanel extends Div {
    static final int DREAM_TASK_STEPS = 10;
    private final PretrainingService service;
    private final Consumer<String> taskDone;
    final Button train = new Button();
    final Button reset = new Button();
    final Span status = new Span();
    final ImageGrid filters = new ImageGrid("rbm-filters", true, 2);
    final ImageGrid originals = new ImageGrid("rbm-originals", false, 2);
    final ImageGrid reconstructions = new ImageGrid("rbm-reconstructions", false, 2);
    final NnChart error = new NnChart("rbm-recon-error");
    final NnChart energy = new NnChart("rbm-free-energy");
    final Span gibbsStep = new Span();
    final ImageGrid chains = new ImageGrid("rbm-gibbs-chains", false, 2);
    final ImageGrid strip = new ImageGrid("rbm-gibbs-strip", false, 2);
    private RbmSession session;
    /** The last frame shown (the view test reads it). */
    RbmFrame shown;
    GibbsFrame dreamt;

    RbmPanel(PretrainingService service, Consumer<String> taskDone) {
        this.service = service;
        this.taskDone = taskDone;
        addClassName("nnlab-rbm");
        train.setId("rbm-train");
        train.addThemeVariants(ButtonVariant.PRIMARY);
        train.addClickListener(e -> toggle());
        reset.setId("rbm-reset");
        reset.setText(getTranslation("labs.pretraining.rbm.reset"));
        reset.setIcon(VaadinIcon.REFRESH.create());
        reset.addClickListener(e -> session.reset());
        showTraining(false, false);
        status.setId("rbm-status");
        Div buttons = new Div(train, reset);
        buttons.addClassName("nnlab-lab-buttons");
        error.setHeight("240px");
        energy.setHeight("240px");
        energy.setId("rbm-free-energy");
        Div recon = new Div(captioned("labs.pretraining.rbm.originals", originals),
                captioned("labs.pretraining.rbm.reconstructions", reconstructions));
        recon.addClassName("nnlab-rbm-recon");
        Div charts = new Div(error, energy);
        charts.addClassName("nnlab-rbm-charts");
        add(buttons, status, new H3(getTranslation("labs.pretraining.rbm.filters")), filters, recon, charts,
                new Paragraph(getTranslation("labs.pretraining.rbm.energyNote")), gibbs());
    }

    private Div gibbs() {
        Button noise = new Button(getTranslation("labs.pretraining.gibbs.noise"), e -> session.dream(false));
        noise.setId("rbm-gibbs-noise");
        Button digits = new Button(getTranslation("labs.pretraining.gibbs.digits"), e -> session.dream(true));
        digits.setId("rbm-gibbs-digits");
        Button one = new Button(getTranslation("labs.pretraining.gibbs.step"), e -> session.dreamSteps(1));
        one.setId("rbm-gibbs-step");
        Button ten = new Button(getTranslation("labs.pretraining.gibbs.steps", DREAM_TASK_STEPS),
                e -> session.dreamSteps(DREAM_TASK_STEPS));
        ten.setId("rbm-gibbs-run");
        Div buttons = new Div(noise, digits, one, ten);
        buttons.addClassName("nnlab-lab-buttons");
        gibbsStep.setId("rbm-gibbs-count");
        Div box = new Div(new H3(getTranslation("labs.pretraining.gibbs.title")),
                new Paragraph(getTranslation("labs.pretraining.gibbs.text")), buttons, gibbsStep, chains,
                captioned("labs.pretraining.gibbs.strip", strip));
        box.setId("rbm-gibbs");
        return box;
    }

    private Div captioned(String key, ImageGrid grid) {
        Span caption = new Span(getTranslation(key));
        caption.addClassName("nnlab-rbm-caption");
        return new Div(caption, grid);
    }

    private void toggle() {
        if (session.isTraining()) {
            session.pause();
            showTraining(false, shown != null && shown.done());
        } else {
            session.train();
            showTraining(true, false);
        }
    }

    private void showTraining(boolean training, boolean done) {
        train.setText(getTranslation(training ? "labs.pretraining.rbm.pause"
                : done ? "labs.pretraining.rbm.done" : "labs.pretraining.rbm.train"));
        train.setIcon((training ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        train.setEnabled(!done);
    }

    void show(RbmFrame f) {
        shown = f;
        filters.setImages(f.hidden(), 28, 28, f.filters());
        if (originals.getCount() == 0) {
            originals.setImages(f.digits(), 28, 28, f.originals());
        }
        reconstructions.setImages(f.digits(), 28, 28, f.reconstructions());
        Locale locale = getLocale();
        String samples = getTranslation("labs.pretraining.rbm.samples");
        error.setOption(RbmCharts.option(getTranslation("labs.pretraining.rbm.error"),
                getTranslation("labs.pretraining.rbm.train.curve"), getTranslation("labs.pretraining.rbm.heldOut.curve"),
                f.curve(), RbmPoint::trainError, RbmPoint::heldOutError, samples));
        energy.setOption(RbmCharts.option(getTranslation("labs.pretraining.rbm.energy"),
                getTranslation("labs.pretraining.rbm.train.curve"), getTranslation("labs.pretraining.rbm.heldOut.curve"),
                f.curve(), RbmPoint::trainFreeEnergy, RbmPoint::heldOutFreeEnergy, samples));
        String error = f.curve().isEmpty() ? "–" : String.format(locale, "%.4f", f.curve().getLast().heldOutError());
        status.setText(getTranslation("labs.pretraining.rbm.status", f.epoch(), f.epochs(),
                String.format(locale, "%,d", f.samplesSeen()), error));
        showTraining(f.training(), f.done());
        if (f.epoch() >= 1) {
            taskDone.accept("train");
        }
    }

    void show(GibbsFrame g) {
        dreamt = g;
        chains.setImages(g.chainCount(), 28, 28, g.chains());
        strip.setImages(g.stripCount(), 28, 28, g.strip());
        gibbsStep.setText(getTranslation("labs.pretraining.gibbs.count", g.step()));
        if (g.step() >= DREAM_TASK_STEPS) {
            taskDone.accept("dream");
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        session = service.openRbm(CurrentOwner.id(), f -> push(ui, () -> show(f)), g -> push(ui, () -> show(g)));
        session.show();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void push(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException gone) {
            RbmSession s = session;
            if (s != null) {
                s.close();
            }
        }
    }
}
