package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.digits.Drawing;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.GrayPng;
import org.nnlab.digits.ui.DrawingPad;
import org.nnlab.digits.ui.LastDrawing;
import org.nnlab.engine.data.DigitStages;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.labs.convolution.ShippedCnn;
import org.nnlab.labs.convolution.ShippedCnn.Reading;
import org.nnlab.labs.convolution.Windows;
import org.nnlab.labs.convolution.Windows.Maps;

/**
 * A digit drawn here (or brought from Draw), brought to 28×28 as Draw does and optionally shifted a few
 * pixels, convolved by the engine with the kernel in the {@link KernelEditor}: the feature map follows
 * every stroke, while drawing and at its end. At a stroke's end (and after a shift or a bring) the
 * shipped CNN reads the digit, and that reading is handed on for the pipeline and the second layer's maps.
 */
final class OwnDigit extends Div {
    static final int SIDE = ShippedCnn.SIDE;
    static final int SHIFT_STEP = 2;
    static final int SHIFT_LIMIT = 6;
    private static final long READ_DELAY_MS = 10;

    private final DigitClassifier classifier;
    private final ShippedCnn cnn;
    private final DrawingCollection drawings;
    private final String owner;
    private final BiConsumer<float[], Reading> read;
    private final DrawingPad pad = new DrawingPad();
    private final KernelEditor kernel;
    private final Image input = new Image();
    private final Image map = new Image();
    private final Paragraph range = new Paragraph();
    private final Span shift = new Span();
    private final Span prediction = new Span();
    private final Span bringStatus = new Span();
    private float[] base = new float[SIDE * SIDE];
    private float[] pixels = base;
    private boolean inked;
    private int dx;
    private int dy;
    private int version;

    OwnDigit(DigitClassifier classifier, ShippedCnn cnn, DrawingCollection drawings, String owner,
             BiConsumer<float[], Reading> read) {
        this.classifier = classifier;
        this.cnn = cnn;
        this.drawings = drawings;
        this.owner = owner;
        this.read = read;
        pad.setId("conv-draw");
        pad.setLabels(getTranslation("draw.pad.undo"), getTranslation("draw.pad.clear"),
                getTranslation("draw.pad.width"), getTranslation("draw.pad.label"),
                getTranslation("draw.pad.placeholder"));
        pad.addStrokeProgressListener(e -> draw(e.decodeImage(), false, e.getSeq()));
        pad.addStrokeEndListener(e -> draw(e.decodeImage(), true, e.getSeq()));
        pad.addPadClearedListener(e -> use(new float[SIDE * SIDE], false));
        kernel = new KernelEditor(cnn.firstFilters(), this::kernelChanged);
        input.setId("conv-own-input");
        input.setAlt(getTranslation("labs.convolution.own.input"));
        map.setId("conv-own-feature-map");
        map.setAlt(getTranslation("labs.convolution.own.map"));
        range.setId("conv-own-range");
        Div pictures = new Div(figure("labs.convolution.own.input", input), figure("labs.convolution.own.map", map));
        pictures.addClassName("nnlab-conv-row");
        Div padBox = new Div(pad, bringRow());
        padBox.addClassName("nnlab-conv-drawbox");
        Div row = new Div(padBox, new Div(kernel, pictures, range, shiftRow()));
        row.addClassName("nnlab-conv-row");
        add(row);
        use(base, true);
    }

    private Div bringRow() {
        Button bring = new Button(getTranslation("labs.convolution.own.bring"), VaadinIcon.PENCIL.create(), e -> bring());
        bring.setId("conv-bring");
        bringStatus.setId("conv-bring-status");
        bringStatus.addClassName("nnlab-conv-caption");
        bringStatus.getElement().setAttribute("aria-live", "polite");
        Div row = new Div(bring, bringStatus);
        row.addClassName("nnlab-conv-bring");
        return row;
    }

    private Div shiftRow() {
        Div buttons = new Div(new Span(getTranslation("labs.convolution.shift")),
                shiftButton("left", VaadinIcon.ARROW_LEFT, -SHIFT_STEP, 0),
                shiftButton("right", VaadinIcon.ARROW_RIGHT, SHIFT_STEP, 0),
                shiftButton("up", VaadinIcon.ARROW_UP, 0, -SHIFT_STEP),
                shiftButton("down", VaadinIcon.ARROW_DOWN, 0, SHIFT_STEP),
                shiftButton("reset", VaadinIcon.DOT_CIRCLE, 0, 0));
        buttons.addClassName("nnlab-lab-buttons");
        shift.setId("conv-shift");
        prediction.setId("conv-own-prediction");
        prediction.addClassName("nnlab-conv-sum");
        prediction.getElement().setAttribute("aria-live", "polite");
        Div box = new Div(buttons, shift, new Div(prediction));
        box.addClassName("nnlab-conv-shift");
        return box;
    }

    private Button shiftButton(String name, VaadinIcon icon, int x, int y) {
        Button b = new Button(icon.create(), e -> {
            dx = x == 0 && y == 0 ? 0 : Math.clamp(dx + x, -SHIFT_LIMIT, SHIFT_LIMIT);
            dy = x == 0 && y == 0 ? 0 : Math.clamp(dy + y, -SHIFT_LIMIT, SHIFT_LIMIT);
            use(base, true);
        });
        b.setId("conv-shift-" + name);
        b.setAriaLabel(getTranslation("labs.convolution.shift." + name));
        b.setTooltipText(getTranslation("labs.convolution.shift." + name));
        return b;
    }

    private Div figure(String captionKey, Image image) {
        image.addClassName("nnlab-conv-pixels");
        Span caption = new Span(getTranslation(captionKey));
        caption.addClassName("nnlab-conv-caption");
        Div figure = new Div(caption, image);
        figure.addClassName("nnlab-conv-figure");
        return figure;
    }

    /**
     * The pad's message {@code seq}, preprocessed as Draw does; the CNN reads it only when {@code ended}.
     * The map says which message it answers ({@code data-seq}), so a browser can time its answer.
     */
    private void draw(GrayImage drawing, boolean ended, int seq) {
        DigitStages stages = classifier.preprocess(drawing);
        bringStatus.setText("");
        use(stages.empty() ? new float[SIDE * SIDE] : stages.input().data(), ended);
        map.getElement().setAttribute("data-seq", Integer.toString(seq));
        pad.acknowledge(seq);
    }

    /** The Draw page's last drawing in this session, else the newest drawing kept in the collection. */
    private void bring() {
        Optional<float[]> last = LastDrawing.recall().map(d -> classifier.preprocess(d))
                .filter(s -> !s.empty()).map(s -> s.input().data());
        String from = "session";
        if (last.isEmpty()) {
            List<Drawing> kept = drawings.newest(owner, 1);
            last = kept.stream().map(Drawing::pixels).findFirst();
            from = "collection";
        }
        if (last.isEmpty()) {
            bringStatus.setText(getTranslation("labs.convolution.own.bring.none"));
            return;
        }
        pad.clear();
        bringStatus.setText(getTranslation("labs.convolution.own.bring." + from));
        use(last.get(), true);
    }

    private void use(float[] drawn, boolean readIt) {
        base = drawn.clone();
        inked = false;
        for (float v : base) {
            inked |= v > 0;
        }
        pixels = ShippedCnn.shift(base, dx, dy);
        shift.setText(getTranslation("labs.convolution.shift.now", dx, dy));
        updateMap();
        if (readIt) {
            readLater(pixels);
        }
    }

    /** A new kernel: the map again (not before the editor is in place, while it fills its first preset). */
    private void kernelChanged() {
        if (kernel != null) {
            updateMap();
        }
    }

    private void updateMap() {
        int n = kernel.side();
        Maps out = Windows.convolve(pixels, SIDE, SIDE, new float[][] {kernel.weights()}, n, n, kernel.bias(), 1, false);
        float low = 0;
        float high = 0;
        for (float v : out.maps()[0]) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        input.setSrc(GrayPng.dataUrl(pixels, 0, SIDE, SIDE, 0f, 1f));
        map.setSrc(GrayPng.dataUrl(out.maps()[0], 0, out.width(), out.height(), low, high > low ? high : low + 1));
        map.getElement().setAttribute("data-version", Integer.toString(++version));
        range.setText(getTranslation("labs.convolution.own.range", out.height(), out.width(),
                String.format(Locale.ROOT, "%.2f", low), String.format(Locale.ROOT, "%.2f", high)));
    }

    /**
     * Lets the CNN read {@code shown}. With push, that happens a moment later off the request, so that the
     * answer to a stroke (the feature map) leaves at once; a newer drawing that comes meanwhile wins.
     */
    private void readLater(float[] shown) {
        UI ui = UI.getCurrent();
        if (!inked || ui == null || !ui.getPushConfiguration().getPushMode().isEnabled()) {
            showReading(shown, inked ? cnn.read(shown).orElse(null) : null);
            return;
        }
        CompletableFuture.delayedExecutor(READ_DELAY_MS, TimeUnit.MILLISECONDS).execute(() -> {
            Reading reading = cnn.read(shown).orElse(null);
            try {
                ui.access(() -> {
                    if (pixels == shown) {
                        showReading(shown, reading);
                    }
                });
            } catch (UIDetachedException closedMeanwhile) {
                // the tab was closed: nobody to show the reading to
            }
        });
    }

    private void showReading(float[] shown, Reading reading) {
        prediction.setText(reading == null ? "" : getTranslation("labs.convolution.own.prediction", reading.prediction(),
                String.format(getLocale(), "%.1f", 100.0 * reading.probabilities()[reading.prediction()])));
        read.accept(shown, reading);
    }
}
