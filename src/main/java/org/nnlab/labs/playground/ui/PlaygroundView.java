package org.nnlab.labs.playground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.data.toy.ToyPoint;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.playground.PlaygroundFrame;
import org.nnlab.labs.playground.PlaygroundLink;
import org.nnlab.labs.playground.PlaygroundRun;
import org.nnlab.labs.playground.PlaygroundService;
import org.nnlab.labs.playground.PlaygroundSettings;
import org.nnlab.labs.ui.LabPage;

/**
 * The playground lab: toy data in the plane, a small network with the person's choice of features, hidden
 * layers and training settings, trained live on the server. The page only draws what the server sends: the
 * boundary, every neuron's picture, the weights and the losses. The whole experiment lives in the link (see
 * {@link PlaygroundLink}); the tasks are checked on every frame.
 */
@Route("labs/playground")
@StyleSheet("context://labs/playground.css")
public class PlaygroundView extends LabPage implements BeforeEnterObserver {
    static final String ROUTE = "labs/playground";
    private static final double TASK_LOSS = 0.2;
    private static final double SPIRAL_LOSS = 0.3;

    private final PlaygroundService service;
    final PlaygroundBoundary boundary = new PlaygroundBoundary();
    final PlaygroundPictures network = new PlaygroundPictures();
    final PlaygroundLossChart loss = new PlaygroundLossChart();
    final Button play = new Button();
    final Button step = new Button(getTranslation("labs.playground.step"), VaadinIcon.STEP_FORWARD.create());
    final Button reset = new Button(getTranslation("labs.playground.reset"), VaadinIcon.REFRESH.create());
    final Span status = new Span();
    final PlaygroundControls controls;
    private final AtomicReference<PlaygroundFrame> latest = new AtomicReference<>();
    private PlaygroundSettings settings = PlaygroundSettings.defaults();
    private PlaygroundRun run;
    /** The last frame drawn (the view test reads it). */
    PlaygroundFrame shown;

    public PlaygroundView(PlaygroundService service, LabProgress progress) {
        super(Chapter.PLAYGROUND, progress);
        this.service = service;
        this.controls = new PlaygroundControls(settings, this::change);
        addSection("labs.playground.idea", prose("labs.playground.idea.one"),
                formula("h^{(l)} = f\\left(W^{(l)} h^{(l-1)} + b^{(l)}\\right), \\qquad \\hat y = \\sigma\\left(v^\\top h^{(L)} + c\\right)"),
                prose("labs.playground.idea.two"),
                formula("L = -\\frac{1}{N}\\sum_{i}\\left[t_i \\ln \\hat y_i + (1-t_i)\\ln(1-\\hat y_i)\\right]"),
                prose("labs.playground.idea.three"));
        addSection("labs.playground.lab", prose("labs.playground.how"), createToolbar(), createStage(), controls,
                prose("labs.playground.task.hint"));
        addTasks();
        addOpenLinks(settings.spec());
    }

    private Div createToolbar() {
        play.setId("playground-play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(e -> togglePlay());
        step.setId("playground-step");
        step.addClickListener(e -> run.step());
        reset.setId("playground-reset");
        reset.addClickListener(e -> restart());
        Button copy = new Button(getTranslation("labs.playground.copy"), VaadinIcon.LINK.create());
        copy.setId("playground-copy");
        copy.addClickListener(e -> e.getSource().getElement().executeJs("navigator.clipboard?.writeText(location.href)"));
        status.setId("playground-status");
        showPlaying(false);
        Div bar = new Div(play, step, reset, copy, status);
        bar.addClassName("nnlab-playground-toolbar");
        return bar;
    }

    private Div createStage() {
        boundary.addPointAddListener(e -> addPoint(e.x1(), e.x2(), e.other() ? 0 : 1));
        Span legend = new Span(getTranslation("labs.playground.legend"));
        legend.addClassName("nnlab-playground-legend");
        Div output = new Div(boundary, loss, legend);
        output.addClassName("nnlab-playground-output");
        Div stage = new Div(network, output);
        stage.addClassName("nnlab-playground-stage");
        return stage;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, String> query = new HashMap<>();
        event.getLocation().getQueryParameters().getParameters()
                .forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.getFirst()));
        PlaygroundSettings fromLink = PlaygroundLink.fromParameters(query);
        if (!fromLink.equals(settings)) {
            settings = fromLink;
            controls.show(settings);
            if (run != null) {
                restart();
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        run = service.open(CurrentOwner.id(), settings, frame -> {
            if (latest.getAndSet(frame) == null) {
                try {
                    ui.access(this::drawLatest);
                } catch (UIDetachedException gone) {
                    latest.set(null);
                }
            }
        });
        boundary.setPoints(run.session().trainPoints(), run.session().testPoints());
        run.showFrame();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (run != null) {
            run.close();
            run = null;
        }
    }

    private void change(PlaygroundSettings next) {
        settings = next;
        Map<String, List<String>> query = new HashMap<>();
        PlaygroundLink.toParameters(next).forEach((k, v) -> query.put(k, List.of(v)));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, new QueryParameters(query))));
        restart();
    }

    /** A new session from the current settings: fresh points and weights; playing goes on if it was on. */
    private void restart() {
        setOpenSpec(settings.spec());
        if (run != null) {
            run.reset(settings);
            boundary.setPoints(run.session().trainPoints(), run.session().testPoints());
        }
    }

    private void addPoint(double x1, double x2, int label) {
        List<ToyPoint> own = new ArrayList<>(settings.dataset() == null ? settings.ownPoints() : List.of());
        if (own.size() >= PlaygroundSettings.MAX_OWN_POINTS) {
            own.removeFirst();
        }
        own.add(new ToyPoint(Math.round(x1 * 100) / 100.0, Math.round(x2 * 100) / 100.0, label));
        PlaygroundSettings next = settings.withOwnPoints(own);
        controls.show(next);
        change(next);
    }

    private void togglePlay() {
        if (run.isPlaying()) {
            run.pause();
        } else {
            run.play();
        }
        showPlaying(run.isPlaying());
    }

    private void showPlaying(boolean playing) {
        play.setText(getTranslation(playing ? "labs.playground.pause" : "labs.playground.play"));
        play.setIcon((playing ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
    }

    private void drawLatest() {
        PlaygroundFrame frame = latest.getAndSet(null);
        if (frame != null && frame.settings().equals(settings)) {
            draw(frame);
        }
    }

    void draw(PlaygroundFrame frame) {
        shown = frame;
        boundary.show(frame.grid(), frame.boundary());
        network.show(frame, frame.settings().features().stream().map(PlaygroundControls::featureName).toList());
        loss.show(frame.trainHistory(), frame.testHistory());
        status.setText(getTranslation("labs.playground.status", frame.epoch(), loss(frame.trainLoss()), loss(frame.testLoss())));
        checkTasks(frame);
    }

    private static String loss(double value) {
        return Double.isFinite(value) ? String.format(java.util.Locale.ROOT, "%.3f", value) : "–";
    }

    private void checkTasks(PlaygroundFrame frame) {
        PlaygroundSettings s = frame.settings();
        double test = frame.testLoss();
        if (frame.epoch() == 0 || !(test < SPIRAL_LOSS)) {
            return;
        }
        if (s.dataset() == ToyDataset.XOR && !s.hidden().isEmpty() && test < TASK_LOSS) {
            completeOnce("xor");
        }
        if (s.dataset() == ToyDataset.CIRCLE && test < TASK_LOSS) {
            completeOnce("circle");
        }
        if (s.dataset() == ToyDataset.SPIRAL) {
            completeOnce("spiral");
        }
    }

    private void completeOnce(String task) {
        if (!isTaskDone(task)) {
            complete(task);
        }
    }
}
