package org.nnlab.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.base.ui.SpecErrors;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Presets.Offer;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelStoreException;
import org.nnlab.persistence.ModelSummary;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.MnistDownloads;
import org.nnlab.training.MnistTrainingData;
import org.nnlab.training.Subscription;
import org.nnlab.training.RunJournal;
import org.nnlab.training.TrainingRefusedException;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;

/**
 * Start, steer and watch a training run on the server. The page shows the owner's latest job when it
 * opens, so a reload or a visit elsewhere loses nothing.
 * <p>
 * Entry point for other views (the layer builder): put a model spec's JSON into the session attribute
 * {@link #SPEC_ATTRIBUTE} and navigate to {@code train}, or pass it base64url-encoded in the query
 * parameter {@code spec} ({@code train?spec=…}); it then appears as the network "custom".
 */
@Route("train")
@PageTitle("NN Lab · Train")
@Menu(order = 3, title = "nav.train", icon = "vaadin:line-chart")
public class TrainingDashboardView extends VerticalLayout implements BeforeEnterObserver {
    public static final String SPEC_ATTRIBUTE = "nnlab.train.spec";
    static final String CUSTOM = "custom";

    private final TrainingService training;
    private final ModelStore models;
    private final String owner;
    private final ChartOptions charts = new ChartOptions(this::getTranslation);

    final Select<String> network = new Select<>();
    final Select<DataChoice> dataset = new Select<>();
    final Span drawingsHint = new Span();
    final Select<OptimizerKind> optimizer = new Select<>();
    final NumberField learningRate = new NumberField();
    final IntegerField batchSize = new IntegerField();
    final IntegerField epochs = new IntegerField();
    final IntegerField seed = new IntegerField();
    final NumberField weightDecay = new NumberField();
    final Checkbox augment = new Checkbox();

    final Button start = new Button();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button stop = new Button();
    final Button step = new Button();

    final Span status = new Span();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span speed = new Span();

    final NnChart lossChart = new NnChart("loss-chart");
    final NnChart accuracyChart = new NnChart("accuracy-chart");
    final NnChart gradientChart = new NnChart("gradient-chart");
    final NnChart ratioChart = new NnChart("ratio-chart");
    final NnChart confusionChart = new NnChart("confusion-chart");
    final ImageGrid filters = new ImageGrid("filters", true, 5);
    final ImageGrid examples = new ImageGrid("confusion-examples", false, 3);
    final Span examplesCaption = new Span();
    final FlexLayout histograms = new FlexLayout();
    private final List<NnChart> histogramCharts = new ArrayList<>();

    final TextField modelName = new TextField();
    final Button save = new Button();
    final Button tryInDraw = new Button();
    final Anchor download = new Anchor();
    private final HorizontalLayout endActions = new HorizontalLayout();

    final SavedModelsPanel savedModels;
    private ModelSpec customSpec;
    JobSnapshot current;
    private String savedModelId;
    private Subscription subscription;

    public TrainingDashboardView(TrainingService training, ModelStore models, MnistTrainingData mnist,
                                 MnistDownloads mnistDownloads) {
        this.training = training;
        this.models = models;
        this.owner = CurrentOwner.id();
        setId("training-dashboard");
        savedModels = new SavedModelsPanel(models, owner);
        add(new H2(getTranslation("train.title")));
        add(interruptedRuns());
        if (!mnist.isAvailable()) {
            add(new MnistDownloadPanel(mnistDownloads,
                    () -> Notification.show(getTranslation("train.mnist.ready"), 4000, Notification.Position.BOTTOM_CENTER)));
        }
        add(createSettings(), createButtons(), createProgress(), createEndActions(), createCharts(), savedModels);
        training.latestJobOf(owner).ifPresent(this::show);
        showButtons();
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
        } catch (IllegalArgumentException e) {
            notify(getTranslation("train.error.invalidSpec",
                    e instanceof SpecException refused ? SpecErrors.describe(refused, this) : e.getMessage()), true);
        }
    }

    void useCustomSpec(ModelSpec spec) {
        spec.validate();
        customSpec = spec;
        List<String> names = new ArrayList<>(networkNames());
        names.add(CUSTOM);
        network.setItems(names);
        network.setValue(CUSTOM);
    }

    private static List<String> networkNames() {
        return Presets.in(Offer.TRAIN_PAGE).stream().map(Presets.Preset::name).toList();
    }

    private String dataLabel(DataChoice c, int drawings) {
        return c.isDrawings() ? getTranslation("train.dataset.drawings", drawings)
                : c.size() == 0 ? getTranslation("train.dataset.full")
                : getTranslation("train.dataset.subset", String.format(Locale.ROOT, "%,d", c.size()));
    }

    /** The owner's runs that a server restart stopped since their last visit, told once; empty and hidden when none. */
    private Component interruptedRuns() {
        Div notice = new Div();
        notice.setId("interrupted-runs");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
        for (RunJournal.InterruptedRun run : training.interruptedRuns(owner)) {
            String network = Presets.find(Offer.TRAIN_PAGE, run.network()).isPresent()
                    ? getTranslation(Offer.TRAIN_PAGE.labelKey(run.network())) : run.network();
            notice.add(new Paragraph(getTranslation("train.interrupted", network,
                    dataLabel(run.data(), training.drawingCount(owner)), time.format(run.restartedAt()))));
        }
        notice.setVisible(notice.getComponentCount() > 0);
        notice.getStyle().set("color", "var(--lumo-error-text-color)");
        return notice;
    }

    private Component createSettings() {
        network.setId("network");
        network.setLabel(getTranslation("train.network"));
        network.setItems(networkNames());
        network.setItemLabelGenerator(n -> getTranslation(Offer.TRAIN_PAGE.labelKey(n)));
        network.addValueChangeListener(e -> applyNetworkDefaults(e.getValue()));

        dataset.setId("dataset-size");
        dataset.setLabel(getTranslation("train.dataset"));
        List<DataChoice> choices = new ArrayList<>();
        for (int n : new int[] {500, 1000, 5000, 10000, 30000, 0}) {
            choices.add(DataChoice.mnist(n));
        }
        int drawings = training.drawingCount(owner);
        if (drawings >= DataChoice.MIN_DRAWINGS) {
            choices.add(DataChoice.drawings());
        }
        dataset.setItems(choices);
        dataset.setItemLabelGenerator(c -> dataLabel(c, drawings));
        dataset.setValue(DataChoice.mnist(5000));
        drawingsHint.setId("drawings-hint");
        drawingsHint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        if (drawings < DataChoice.MIN_DRAWINGS) {
            drawingsHint.setText(getTranslation("train.dataset.drawingsHint", drawings, DataChoice.MIN_DRAWINGS));
        } else {
            drawingsHint.setText(getTranslation("train.dataset.drawingsNote", drawings));
            drawingsHint.setVisible(false);
            dataset.addValueChangeListener(e -> drawingsHint.setVisible(e.getValue() != null && e.getValue().isDrawings()));
        }

        optimizer.setId("optimizer");
        optimizer.setLabel(getTranslation("train.optimizer"));
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(k -> switch (k) {
            case SGD -> "SGD";
            case ADAM -> "Adam";
            case RMSPROP -> "RMSprop";
        });
        learningRate.setId("learning-rate");
        learningRate.setLabel(getTranslation("train.learningRate"));
        learningRate.setStep(0.0001);
        learningRate.setMin(0);
        batchSize.setId("batch-size");
        batchSize.setLabel(getTranslation("train.batchSize"));
        batchSize.setMin(1);
        batchSize.setMax(training.properties().maxBatchSize());
        epochs.setId("epochs");
        epochs.setLabel(getTranslation("train.epochs"));
        epochs.setMin(1);
        epochs.setMax(training.properties().maxEpochs());
        epochs.setValue(3);
        seed.setId("seed");
        seed.setLabel(getTranslation("train.seed"));
        seed.setValue(1);
        weightDecay.setId("weight-decay");
        weightDecay.setLabel(getTranslation("train.weightDecay"));
        weightDecay.setMin(0);
        weightDecay.setValue(0.0);
        augment.setId("augment");
        augment.setLabel(getTranslation("train.augment"));
        network.setValue(Presets.LENET.name());

        FlexLayout settings = new FlexLayout(network, dataset, optimizer, learningRate, batchSize, epochs, seed,
                weightDecay, augment);
        settings.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        settings.setAlignItems(FlexComponent.Alignment.BASELINE);
        settings.getStyle().set("gap", "var(--lumo-space-m)");
        VerticalLayout box = new VerticalLayout(settings, drawingsHint);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    private void applyNetworkDefaults(String name) {
        Presets.find(Offer.TRAIN_PAGE, name).map(Presets.Preset::training).ifPresent(t -> {
            optimizer.setValue(t.optimizer().kind());
            learningRate.setValue(t.optimizer().learningRate());
            batchSize.setValue(t.batchSize());
        });
        if (CUSTOM.equals(name) && optimizer.isEmpty()) {
            optimizer.setValue(OptimizerKind.ADAM);
            learningRate.setValue(0.001);
            batchSize.setValue(64);
        }
    }

    private Component createButtons() {
        configure(start, "start", "train.start", e -> startJob());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        configure(pause, "pause", "train.pause", e -> control(training::pause));
        configure(resume, "resume", "train.resume", e -> control(training::resume));
        configure(stop, "stop", "train.stop", e -> control(training::stop));
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        configure(step, "step", "train.step", e -> control(training::step));
        return new HorizontalLayout(start, pause, resume, stop, step);
    }

    private void configure(Button button, String id, String key,
                           com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        button.setId(id);
        button.setText(getTranslation(key));
        button.addClickListener(click);
    }

    private Component createProgress() {
        status.setId("job-status");
        progress.setId("progress");
        speed.setId("speed");
        VerticalLayout box = new VerticalLayout(status, progress, speed);
        box.setPadding(false);
        box.setSpacing(false);
        box.setMaxWidth("900px");
        return box;
    }

    private Component createEndActions() {
        modelName.setId("model-name");
        modelName.setPlaceholder(getTranslation("train.save.name"));
        modelName.setMaxLength(ModelStore.MAX_NAME_LENGTH);
        configure(save, "save-model", "train.save", e -> saveModel());
        configure(tryInDraw, "try-in-draw", "train.tryInDraw", e -> tryInDraw());
        tryInDraw.setEnabled(false);
        download.setId("download-model");
        download.setText(getTranslation("train.download"));
        endActions.add(modelName, save, tryInDraw, download);
        endActions.setAlignItems(FlexComponent.Alignment.BASELINE);
        endActions.setVisible(false);
        return endActions;
    }

    private Component createCharts() {
        histograms.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        histograms.setId("histograms");
        histograms.setWidthFull();
        examplesCaption.setId("examples-caption");
        confusionChart.addClickListener(e -> showExamples(e.value()));
        Div grid = new Div(lossChart, accuracyChart, gradientChart, ratioChart,
                box("train.filters", filters), new Div(confusionChart, examplesCaption, examples));
        grid.addClassName("nnlab-train-charts");
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(420px, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        VerticalLayout all = new VerticalLayout(grid, new H3(getTranslation("train.histograms")), histograms);
        all.setPadding(false);
        all.setWidthFull();
        return all;
    }

    private Component box(String titleKey, Component content) {
        Div box = new Div(new Span(getTranslation(titleKey)), content);
        box.getStyle().set("min-height", "120px");
        return box;
    }

    void startJob() {
        try {
            TrainingRequest request = buildRequest();
            unsubscribe();
            savedModelId = null;
            clearCharts();
            show(training.start(owner, request));
            subscribe();
        } catch (TrainingRefusedException e) {
            notify(getTranslation(e.messageKey(), e.arguments()), true);
        } catch (IllegalArgumentException e) {
            notify(getTranslation("train.error.settings", e.getMessage()), true);
        }
    }

    private TrainingRequest buildRequest() {
        String name = network.getValue();
        ModelSpec spec = CUSTOM.equals(name) ? customSpec
                : Presets.find(Offer.TRAIN_PAGE, name).orElseThrow(() -> new IllegalArgumentException("choose a network")).spec();
        double rate = learningRate.getValue() == null ? 0 : learningRate.getValue();
        double decay = weightDecay.getValue() == null ? 0 : weightDecay.getValue();
        OptimizerConfig opt = new OptimizerConfig(optimizer.getValue(), rate, 0, decay);
        return new TrainingRequest(name, spec, dataset.getValue() == null ? DataChoice.mnist(0) : dataset.getValue(),
                opt, orZero(batchSize.getValue()), orZero(epochs.getValue()), orZero(seed.getValue()),
                augment.getValue(), 0.1);
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private interface Control {
        JobSnapshot apply(String owner, JobId id);
    }

    private void control(Control action) {
        if (current == null) {
            return;
        }
        try {
            show(action.apply(owner, current.id()));
        } catch (TrainingRefusedException e) {
            notify(getTranslation(e.messageKey(), e.arguments()), true);
        }
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

    /** Shows a snapshot of the current job: status, progress, charts, and what can be done now. */
    void show(JobSnapshot s) {
        if (current != null && !current.id().equals(s.id())) {
            clearCharts();
        }
        current = s;
        status.setText(statusText(s));
        progress.setValue(Math.max(0, Math.min(1, s.progress())));
        speed.setText(speedText(s));
        lossChart.setOption(charts.loss(s));
        accuracyChart.setOption(charts.accuracy(s));
        gradientChart.setOption(charts.gradientNorms(s));
        ratioChart.setOption(charts.updateRatios(s));
        if (s.visuals() != null) {
            if (s.visuals().filters() != null) {
                JobSnapshot.Filters f = s.visuals().filters();
                filters.setPixelSize(Math.max(2, 60 / Math.max(f.rows(), f.cols())));
                filters.setImages(f.count(), f.rows(), f.cols(), f.values());
            }
            showHistograms(s.visuals().histograms());
        }
        if (s.confusion() != null) {
            confusionChart.setOption(charts.confusion(s.confusion()));
        }
        if (s.isFinal()) {
            showEndActions(s);
            unsubscribe();
        }
        showButtons();
    }

    private void showHistograms(List<JobSnapshot.Histogram> list) {
        while (histogramCharts.size() < list.size()) {
            NnChart chart = new NnChart("histogram-" + histogramCharts.size());
            chart.setWidth("320px");
            chart.setHeight("200px");
            histogramCharts.add(chart);
            histograms.add(chart);
        }
        for (int i = 0; i < list.size(); i++) {
            histogramCharts.get(i).setOption(charts.histogram(list.get(i)));
        }
    }

    private void clearCharts() {
        histograms.removeAll();
        histogramCharts.clear();
        filters.clear();
        examples.clear();
        examplesCaption.setText("");
        confusionChart.setOption("{}");
        endActions.setVisible(false);
        tryInDraw.setEnabled(false);
    }

    private String statusText(JobSnapshot s) {
        String state = getTranslation("train.state." + s.state().name().toLowerCase(Locale.ROOT));
        String text = getTranslation("train.status", getTranslation("train.network." + s.networkName()), state,
                s.epoch(), s.epochs(), s.step());
        if (s.state() == JobState.QUEUED && s.queuePosition() > 0) {
            text += " · " + getTranslation("train.queuePosition", s.queuePosition());
        }
        if (s.state() == JobState.FAILED && s.message() != null) {
            text += " · " + getTranslation("train.failedBecause", EngineMessages.localize(s.message(), getLocale()));
        }
        if (s.confusion() != null) {
            text += " · " + getTranslation("train.testAccuracy", String.format(Locale.ROOT, "%.2f", 100 * s.confusion().accuracy()));
        }
        return text;
    }

    private String speedText(JobSnapshot s) {
        String percent = String.format(Locale.ROOT, "%.0f", 100 * s.progress());
        if (!(s.samplesPerSecond() > 0)) {
            return getTranslation("train.progress", percent);
        }
        long left = Math.round(s.secondsLeft());
        return getTranslation("train.progressSpeed", percent, String.format(Locale.ROOT, "%,.0f", s.samplesPerSecond()),
                String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60));
    }

    private void showButtons() {
        JobState state = current == null ? null : current.state();
        boolean going = state != null && !state.isFinal();
        start.setEnabled(!going);
        pause.setEnabled(state == JobState.RUNNING);
        resume.setEnabled(state == JobState.PAUSED);
        step.setEnabled(state == JobState.PAUSED);
        stop.setEnabled(going);
    }

    private void showEndActions(JobSnapshot s) {
        byte[] file;
        try {
            file = training.modelFile(owner, s.id());
        } catch (TrainingRefusedException e) {
            endActions.setVisible(false);
            return;
        }
        endActions.setVisible(true);
        if (modelName.isEmpty()) {
            modelName.setValue(getTranslation("train.network." + s.networkName()) + " "
                    + String.format(Locale.ROOT, "%tF %<tR", java.time.LocalDateTime.now()));
        }
        String fileName = s.networkName() + "-" + s.id().value().substring(0, 8) + ".nnm";
        download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(file), fileName, "application/octet-stream", file.length)));
        download.getElement().setAttribute("download", fileName);
    }

    void saveModel() {
        if (current == null || !current.isFinal()) {
            return;
        }
        try {
            byte[] file = training.modelFile(owner, current.id());
            ModelSummary saved = models.save(owner, modelName.getValue(), file, metricsJson(current));
            savedModelId = saved.id();
            tryInDraw.setEnabled(true);
            save.setEnabled(false);
            notify(getTranslation("train.saved", saved.name()), false);
            savedModels.refresh();
        } catch (ModelStoreException e) {
            notify(getTranslation(e.messageKey(), e.arguments()), true);
        } catch (TrainingRefusedException e) {
            notify(getTranslation(e.messageKey(), e.arguments()), true);
        }
    }

    String savedModelId() {
        return savedModelId;
    }

    private void tryInDraw() {
        if (savedModelId != null) {
            UI.getCurrent().navigate("draw", com.vaadin.flow.router.QueryParameters.of("model", savedModelId));
        }
    }

    private static String metricsJson(JobSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", s.networkName());
        m.put("epochs", s.epoch());
        m.put("steps", s.step());
        m.put("parameters", s.parameters());
        if (s.confusion() != null) {
            m.put("testAccuracy", Math.round(s.confusion().accuracy() * 1e5) / 1e5);
        }
        if (Double.isFinite(s.bestValidationAccuracy())) {
            m.put("validationAccuracy", Math.round(s.bestValidationAccuracy() * 1e5) / 1e5);
            m.put("bestEpoch", s.bestEpoch() + 1);
        }
        m.put("outcome", s.state().name());
        return Json.write(m);
    }

    /** The value of a clicked heat-map cell is [predicted, actual, count]: show those test images. */
    void showExamples(String value) {
        if (current == null || value == null || !(Json.parse(value) instanceof List<?> cell) || cell.size() < 2) {
            return;
        }
        int predicted = ((Double) cell.get(0)).intValue();
        int actual = ((Double) cell.get(1)).intValue();
        float[][] images = training.confusionExamples(owner, current.id(), actual, predicted);
        examplesCaption.setText(getTranslation("train.examples", actual, predicted, images.length));
        if (images.length == 0) {
            examples.clear();
            return;
        }
        int per = images[0].length;
        int side = (int) Math.round(Math.sqrt(per));
        float[] all = new float[images.length * per];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, all, i * per, per);
        }
        examples.setImages(images.length, side, per / side, all);
    }

    private void notify(String text, boolean error) {
        Notification n = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        if (error) {
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
