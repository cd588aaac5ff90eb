package org.nnlab.digits.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.digits.Classification;
import org.nnlab.digits.ClassifyLatencies;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.digits.DigitModel;
import org.nnlab.digits.DigitModels;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.GrayPng;
import org.nnlab.digits.ShippedDigitModels;
import org.nnlab.digits.StrokeTiming;
import org.nnlab.engine.data.DigitStages;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.text.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draw a digit and watch a network read it: the pad, the top prediction, a bar per digit, the 28×28
 * image the network gets, a model picker, "Wrong? Tell it" (saves the drawing with the right label in
 * the user's collection) and every conv and dense layer's output for the current drawing.
 */
@Route("draw")
@Menu(order = 1, title = "nav.draw", icon = "vaadin:pencil")
@StyleSheet("draw.css")
public class DrawDigitView extends Div implements HasDynamicTitle, BeforeEnterObserver {
    /** The query parameter that picks a model by id ({@code draw?model=…}, the training page's "Try it in Draw"). */
    public static final String MODEL_PARAMETER = "model";

    private static final Logger log = LoggerFactory.getLogger(DrawDigitView.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final long LAYER_PICTURE_DELAY_MS = 10;

    private final DigitClassifier classifier;
    private final DrawingCollection drawings;
    private final ClassifyLatencies latencies;
    private final String owner;

    private final DrawingPad pad = new DrawingPad();
    private final Select<DigitModel> modelSelect = new Select<>();
    private final Span modelNotice = new Span();
    private final DigitModels models;
    private List<DigitModel> available;
    private DigitModel defaultModel;
    private final Span prediction = new Span("–");
    private final Span miniPrediction = new Span("–");
    private final Span confidence = new Span();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final Image networkInput = new Image();
    private final Span timing = new Span();
    private final Button[] feedbackButtons = new Button[10];
    private final Span feedbackStatus = new Span();
    private final LayerGallery gallery = new LayerGallery();
    private final Details layersDetails = new Details();
    private final MyDrawings myDrawings;

    /** The latest drawing as the pad sent it (null when the pad is empty), and what the network made of it. */
    private GrayImage drawing;
    private Classification current;
    private boolean savedCurrent;

    public DrawDigitView(DigitModels models, DigitClassifier classifier, DrawingCollection drawings,
                         ClassifyLatencies latencies) {
        this.models = models;
        this.classifier = classifier;
        this.drawings = drawings;
        this.latencies = latencies;
        this.owner = CurrentOwner.id();
        this.myDrawings = new MyDrawings(drawings, owner,
                () -> feedbackStatus.setText(getTranslation("draw.feedback.count", drawings.count(owner))));
        setId("draw-view");
        addClassName("nnlab-draw");
        H1 title = new H1(getTranslation("draw.title"));
        Paragraph lead = new Paragraph(getTranslation("draw.lead"));
        lead.addClassName("nnlab-lead");
        configurePad();
        configureModelPicker();
        Div main = new Div(createPadColumn(), createResult(available.isEmpty()));
        main.addClassName("nnlab-draw-main");
        add(title, lead, main, createFeedback(), createLayers());
        show(null, true);
    }

    /** Labels in the page's language; every stroke's end, every progress message and a clear are read. */
    private void configurePad() {
        pad.setId("pad");
        pad.setLabels(getTranslation("draw.pad.undo"), getTranslation("draw.pad.clear"),
                getTranslation("draw.pad.width"), getTranslation("draw.pad.label"),
                getTranslation("draw.pad.placeholder"));
        pad.addStrokeEndListener(this::strokeEnded);
        // While drawing, only the prediction, bars and input follow; the layer pictures wait for the stroke's end.
        pad.addStrokeProgressListener(e -> {
            show(e.decodeImage(), false);
            pad.acknowledge(e.getSeq());
        });
        pad.addPadClearedListener(e -> show(null, true));
    }

    /** Reads the finished stroke and records the server's time for it and the round trip the pad reports. */
    private void strokeEnded(StrokeEndEvent e) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        if (e.getLastRoundTripMs() >= 0) {
            latencies.record(ClassifyLatencies.Kind.BROWSER_ROUND_TRIP, e.getLastRoundTripMs());
        }
        boolean read = show(e.decodeImage(), true);
        pad.acknowledge(e.getSeq());
        if (read) {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request != null) {
                StrokeTiming.mark(request::setAttribute);
            }
            latencies.recordNanos(ClassifyLatencies.Kind.PAD_SERVER, System.nanoTime() - start);
            latencies.recordNanos(ClassifyLatencies.Kind.PAD_SERVER_CPU, CPU.getCurrentThreadCpuTime() - cpuStart);
        }
    }

    /** The person's models and the shipped ones, the first chosen; another choice reads the drawing again. */
    private void configureModelPicker() {
        available = models.available(owner);
        defaultModel = available.isEmpty() ? null : available.getFirst();
        modelSelect.setId("model");
        modelSelect.setLabel(getTranslation("draw.model.label"));
        modelSelect.setItems(available);
        modelSelect.setItemLabelGenerator(this::modelName);
        modelSelect.setValue(defaultModel);
        modelNotice.setId("model-notice");
        modelNotice.addClassName("nnlab-hint");
        modelNotice.getElement().setAttribute("aria-live", "polite");
        modelNotice.setVisible(false);
        modelSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(drawing, true);
            }
        });
    }

    /** The pad, with a line above it that shows the reading while drawing on a phone (results are below). */
    private Div createPadColumn() {
        Span miniLabel = new Span(getTranslation("draw.prediction.label"));
        miniPrediction.setId("mini-prediction");
        miniPrediction.addClassName("nnlab-mini-value");
        Div mini = new Div(miniLabel, miniPrediction);
        mini.addClassName("nnlab-mini-prediction");
        mini.getElement().setAttribute("aria-hidden", "true");
        Div padColumn = new Div(mini, pad);
        padColumn.addClassName("nnlab-pad-column");
        return padColumn;
    }

    /** Every conv and dense layer's output for the current drawing; opening it reads the drawing again. */
    private Details createLayers() {
        layersDetails.setId("layers-details");
        layersDetails.setSummaryText(getTranslation("draw.layers.title"));
        Paragraph layersText = new Paragraph(getTranslation("draw.layers.text"));
        layersText.addClassName("nnlab-hint");
        layersDetails.add(layersText, gallery);
        layersDetails.setOpened(true);
        layersDetails.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                show(drawing, true);
            }
        });
        layersDetails.addClassName("nnlab-layers-details");
        return layersDetails;
    }

    private Div createResult(boolean noModels) {
        Span predictionLabel = new Span(getTranslation("draw.prediction.label"));
        predictionLabel.addClassName("nnlab-prediction-label");
        prediction.setId("prediction");
        prediction.addClassName("nnlab-prediction");
        prediction.getElement().setAttribute("aria-live", "polite");
        confidence.setId("confidence");
        confidence.addClassName("nnlab-confidence");
        Div predictionBox = new Div(predictionLabel, prediction, confidence);
        predictionBox.addClassName("nnlab-prediction-box");

        networkInput.setId("network-input");
        networkInput.setAlt(getTranslation("draw.input.alt"));
        networkInput.addClassName("nnlab-network-input");
        Span inputLabel = new Span(getTranslation("draw.input.label"));
        inputLabel.addClassName("nnlab-hint");
        Div inputBox = new Div(networkInput, inputLabel);
        inputBox.addClassName("nnlab-input-box");

        Div top = new Div(predictionBox, inputBox);
        top.addClassName("nnlab-result-top");
        timing.setId("server-time");
        timing.addClassName("nnlab-hint");

        Div result = new Div(modelSelect, modelNotice);
        if (noModels) {
            Paragraph none = new Paragraph(getTranslation("draw.model.none"));
            none.setId("no-models");
            none.addClassName("nnlab-warning");
            result.add(none);
            modelSelect.setEnabled(false);
        }
        result.add(top, bars, timing);
        result.addClassName("nnlab-result");
        return result;
    }

    /**
     * {@code draw?model=<id>} picks that model when it is one this person may use; an unknown id, or
     * another person's model, leaves the default model chosen and says so.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault(MODEL_PARAMETER, List.of());
        modelNotice.setVisible(false);
        if (ids.isEmpty() || ids.getFirst().isBlank()) {
            return;
        }
        String id = ids.getFirst();
        Optional<DigitModel> asked = available.stream().filter(m -> m.id().equals(id)).findFirst();
        if (asked.isEmpty()) {
            // saved since this view was made (the view can be reused when only the parameters change)
            available = models.available(owner);
            defaultModel = available.isEmpty() ? null : available.getFirst();
            modelSelect.setItems(available);
            asked = available.stream().filter(m -> m.id().equals(id)).findFirst();
        }
        if (asked.isPresent()) {
            modelSelect.setValue(asked.get());
        } else {
            if (defaultModel != null) {
                modelSelect.setValue(defaultModel);
            }
            modelNotice.setText(getTranslation("draw.model.notFound"));
            modelNotice.setVisible(true);
        }
    }

    private Div createFeedback() {
        H2 title = new H2(getTranslation("draw.feedback.title"));
        Paragraph text = new Paragraph(getTranslation("draw.feedback.text"));
        text.addClassName("nnlab-hint");
        Div buttons = new Div();
        buttons.addClassName("nnlab-feedback-buttons");
        for (int d = 0; d < 10; d++) {
            int label = d;
            Button b = new Button(Integer.toString(d), e -> save(label));
            b.setId("feedback-" + d);
            b.setAriaLabel(getTranslation("draw.feedback.button", d));
            b.setTooltipText(getTranslation("draw.feedback.button", d));
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            feedbackButtons[d] = b;
            buttons.add(b);
        }
        feedbackStatus.setId("feedback-status");
        feedbackStatus.getElement().setAttribute("aria-live", "polite");
        feedbackStatus.setText(getTranslation("draw.feedback.count", drawings.count(owner)));
        Div box = new Div(title, text, buttons, feedbackStatus, myDrawings);
        box.setId("feedback");
        box.addClassName("nnlab-feedback");
        return box;
    }

    private String modelName(DigitModel model) {
        return switch (model.id()) {
            case ShippedDigitModels.CNN, ShippedDigitModels.MLP -> getTranslation("draw.model." + model.id());
            default -> model.name();
        };
    }

    /**
     * Reads {@code image} (null: the pad is empty) with the chosen model and shows the result, with the
     * layer pictures when {@code withLayers} and the gallery is open; true when a network read it.
     */
    private boolean show(GrayImage image, boolean withLayers) {
        drawing = LastDrawing.keep(image);
        current = null;
        savedCurrent = false;
        DigitModel model = modelSelect.getValue();
        long start = System.nanoTime();
        DigitStages stages = image == null ? null : classifier.preprocess(image);
        if (stages == null || stages.empty() || model == null) {
            prediction.setText("–");
            miniPrediction.setText("–");
            confidence.setText(getTranslation("draw.prediction.empty"));
            bars.show(null);
            networkInput.setSrc(stages == null || stages.empty() ? blankInput()
                    : GrayPng.dataUrl(stages.centred().pixels(), 0, 28, 28, 0, 1));
            timing.setText("");
            gallery.clear();
            updateFeedbackButtons();
            return false;
        }
        try {
            current = classifier.classify(model, stages, withLayers && layersDetails.isOpened(), start);
        } catch (RuntimeException e) {
            log.warn("Model {} failed on a drawing", model.id(), e);
            Notification n = Notification.show(getTranslation("draw.model.failed", Message.explain(e)));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            updateFeedbackButtons();
            return false;
        }
        prediction.setText(Integer.toString(current.prediction()));
        miniPrediction.setText(current.prediction() + " · " + Math.round(100 * current.confidence()) + "%");
        confidence.setText(getTranslation("draw.prediction.confidence", (double) current.confidence()));
        bars.show(current.probabilities());
        networkInput.setSrc(GrayPng.dataUrl(current.stages().centred().pixels(), 0, 28, 28, 0, 1));
        timing.setText(getTranslation("draw.timing", current.nanos() / 1e6));
        if (withLayers && layersDetails.isOpened()) {
            showLayers(current);
        }
        updateFeedbackButtons();
        return true;
    }

    /**
     * Shows the layer pictures of {@code shown}. With push on, they follow a moment later by push, so that
     * the answer to the stroke (probabilities and bars) is smaller and leaves sooner; a newer drawing
     * that arrives meanwhile wins.
     */
    private void showLayers(Classification shown) {
        UI ui = UI.getCurrent();
        if (ui == null || !ui.getPushConfiguration().getPushMode().isEnabled()) {
            gallery.show(shown.layers());
            return;
        }
        CompletableFuture.delayedExecutor(LAYER_PICTURE_DELAY_MS, TimeUnit.MILLISECONDS).execute(() -> {
            try {
                ui.access(() -> {
                    if (current == shown) {
                        gallery.show(shown.layers());
                    }
                });
            } catch (UIDetachedException closedMeanwhile) {
                // the tab was closed: nobody to show the pictures to
            }
        });
    }

    private static String blankInput() {
        return GrayPng.dataUrl(new float[28 * 28], 0, 28, 28, 0, 1);
    }

    private void updateFeedbackButtons() {
        for (Button b : feedbackButtons) {
            b.setEnabled(current != null && !savedCurrent);
        }
    }

    private void save(int label) {
        if (current == null || savedCurrent) {
            return;
        }
        drawings.add(owner, current.stages().centred(), label, current.prediction(), current.model().id());
        savedCurrent = true;
        updateFeedbackButtons();
        feedbackStatus.setText(getTranslation("draw.feedback.saved", label, drawings.count(owner)));
        myDrawings.refresh();
    }

    /** The person's collection (for tests). */
    MyDrawings myDrawings() {
        return myDrawings;
    }

    /** The pad (for tests that feed it strokes). */
    DrawingPad pad() {
        return pad;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("draw.title") + " · " + getTranslation("app.name");
    }
}
