package org.nnlab.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.base.ui.SpecErrors;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Presets.Offer;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.persistence.ModelStore;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.MnistDownloads;
import org.nnlab.training.MnistTrainingData;
import org.nnlab.training.TextLimits;
import org.nnlab.training.RunJournal;
import org.nnlab.training.SavedRuns;
import org.nnlab.training.Subscription;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;

/**
 * Start, steer and watch a training run on the server. The page shows the owner's latest job when it
 * opens, so a reload or a visit elsewhere loses nothing. It is an outline of parts: the settings form
 * (which fires "start" with a request), the run's buttons and status, what to do with a finished run,
 * its charts, and the saved models; the view subscribes to the run and hands each snapshot to the parts.
 * <p>
 * Entry point for other views (the layer builder): put a model spec's JSON into the session attribute
 * {@link #SPEC_ATTRIBUTE} and navigate to {@code train}, or pass it base64url-encoded in the query
 * parameter {@code spec} ({@code train?spec=…}); it then appears as the network "custom".
 */
@Route("train")
@Menu(order = 3, title = "nav.train", icon = "vaadin:line-chart")
public class TrainingDashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    public static final String SPEC_ATTRIBUTE = "nnlab.train.spec";
    /** Where a {@link SentSetup} waits for this page; it is taken (and removed) when the page opens. */
    public static final String SETUP_ATTRIBUTE = "nnlab.train.setup";

    private final TrainingService training;
    private final String owner;
    final TrainingSettings settings;
    final RunPanel run;
    final PretrainPanel pretrain = new PretrainPanel();
    final EndActions endActions;
    final ChartsPanel charts;
    final SavedModelsPanel savedModels;
    final Paragraph sentSetup = new Paragraph();
    JobSnapshot current;
    private TrainingRequest currentRequest;
    private final TextLimits textLimits;
    private Subscription subscription;

    public TrainingDashboardView(TrainingService training, ModelStore models, SavedRuns savedRuns,
                                 MnistTrainingData mnist, MnistDownloads mnistDownloads, TextLimits textLimits) {
        this.training = training;
        this.owner = CurrentOwner.id();
        this.textLimits = textLimits;
        setId("training-dashboard");
        settings = new TrainingSettings(training.drawingCount(owner), training.properties().maxBatchSize(),
                training.properties().maxEpochs(), textLimits);
        settings.data.offer(training.offeredData(owner));
        settings.addStartListener(e -> start(e.request()));
        run = new RunPanel(training, owner, settings.start, this::show);
        savedModels = new SavedModelsPanel(models, owner);
        endActions = new EndActions(training, savedRuns, owner, saved -> savedModels.refresh());
        charts = new ChartsPanel((actual, predicted) -> current == null ? new float[0][]
                : training.confusionExamples(owner, current.id(), actual, predicted));
        sentSetup.setId("train-sent-setup");
        sentSetup.setVisible(false);
        sentSetup.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        add(new H2(getTranslation("train.title")), sentSetup, interruptedRuns());
        if (!mnist.isAvailable()) {
            add(new MnistDownloadPanel(mnistDownloads,
                    () -> Notification.show(getTranslation("train.mnist.ready"), 4000, Notification.Position.BOTTOM_CENTER)));
        }
        add(settings, run, pretrain, endActions, charts, savedModels);
        training.latestJobOf(owner).ifPresent(this::show);
        showButtons();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("train.title") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String json = (String) VaadinSession.getCurrent().getAttribute(SPEC_ATTRIBUTE);
        List<String> param = event.getLocation().getQueryParameters().getParameters().getOrDefault(SpecLinks.PARAMETER, List.of());
        SpecLimits limits = VaadinService.getCurrent().getInstantiator().getOrCreate(SpecLimits.class);
        try {
            if (!param.isEmpty()) {
                useCustomSpec(SpecLinks.decode(param.getFirst(), limits));
            } else if (json != null) {
                useCustomSpec(limits.read(json));
            }
            if (VaadinSession.getCurrent().getAttribute(SETUP_ATTRIBUTE) instanceof SentSetup sent) {
                VaadinSession.getCurrent().setAttribute(SETUP_ATTRIBUTE, null);
                useSentSetup(sent);
            }
        } catch (IllegalArgumentException e) {
            Notification n = Notification.show(getTranslation("train.error.invalidSpec",
                    e instanceof SpecException refused ? SpecErrors.describe(refused, this) : e.getMessage()),
                    5000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** A setup someone sent: the form takes it and a banner says so; Start trains it. */
    void useSentSetup(SentSetup sent) {
        if (current != null && current.state() == JobState.FAILED) {
            useCustomSpec(sent.spec());
        }
        settings.apply(sent);
        String network = Presets.find(Offer.TRAIN_PAGE, sent.networkName()).isPresent()
                ? getTranslation(Offer.TRAIN_PAGE.labelKey(sent.networkName())) : sent.networkName();
        sentSetup.setText(getTranslation("train.sent", sent.sender(), network, sent.epochs(), sent.dataset()));
        sentSetup.setVisible(true);
    }

    /** A network from the builder: offered as "custom"; a failure of an earlier network no longer shows. */
    void useCustomSpec(ModelSpec spec) {
        settings.useCustomSpec(spec);
        if (current != null && current.state() == JobState.FAILED) {
            unsubscribe();
            current = null;
            run.show(null);
            endActions.hide();
            charts.reset();
            currentRequest = null;
            showButtons();
        }
    }

    /** The owner's runs that a server restart stopped since their last visit, told once; empty and hidden when none. */
    private Component interruptedRuns() {
        Div notice = new Div();
        notice.setId("interrupted-runs");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
        for (RunJournal.InterruptedRun run : training.interruptedRuns(owner)) {
            String network = Presets.find(Offer.TRAIN_PAGE, run.network()).isPresent()
                    ? getTranslation(Offer.TRAIN_PAGE.labelKey(run.network())) : run.network();
            notice.add(new Paragraph(getTranslation(run.serverLeft() ? "train.interrupted.serverLeft" : "train.interrupted", network,
                    settings.dataLabel(run.data()), time.format(run.restartedAt()))));
        }
        notice.setVisible(notice.getComponentCount() > 0);
        notice.getStyle().set("color", "var(--lumo-error-text-color)");
        return notice;
    }

    private void start(TrainingRequest request) {
        JobSnapshot started = training.start(owner, request);
        unsubscribe();
        endActions.hide();
        charts.reset();
        currentRequest = null;
        show(started);
        subscribe();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        subscribe();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe();
    }

    private void subscribe() {
        unsubscribe();
        if (current == null || current.isFinal() || !isAttached()) {
            return;
        }
        UI ui = UI.getCurrent();
        subscription = training.subscribe(owner, current.id(), s -> ui.access(() -> show(s)));
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Shows a snapshot of the current job in every part. */
    void show(JobSnapshot s) {
        if (current != null && !current.id().equals(s.id())) {
            charts.reset();
            currentRequest = null;
            endActions.hide();
        }
        current = s;
        run.show(s);
        pretrain.show(training.pretraining(owner, s.id()).orElse(null));
        charts.show(s);
        showDataCharts(s);
        if (s.isFinal()) {
            endActions.offer(s);
            unsubscribe();
        }
        showButtons();
    }

    /** The boundary or the written text of a run on points or a text, after each epoch, from a copy of its network. */
    private void showDataCharts(JobSnapshot s) {
        if (currentRequest == null) {
            currentRequest = training.request(owner, s.id());
            charts.dataCharts.reset(currentRequest.data());
        }
        int epochs = s.epochHistory().size();
        if (charts.dataCharts.wants(epochs)) {
            training.latestModel(owner, s.id())
                    .ifPresent(model -> charts.dataCharts.show(epochs, model, currentRequest.data(), textLimits));
        }
    }

    private void showButtons() {
        settings.start.setEnabled(current == null || current.isFinal());
    }
}
