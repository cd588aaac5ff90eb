package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.nnlab.digits.GrayPng;
import org.nnlab.labs.convolution.ShippedCnn;
import org.nnlab.labs.convolution.ShippedCnn.Reading;
import org.nnlab.labs.convolution.ShippedCnn.Stage;
import org.nnlab.engine.tensor.Shape;

/**
 * The shipped CNN's whole way from your digit to its answer, as the engine ran it: the input, then
 * every layer's output (feature maps as small pictures, vectors as a strip, the probabilities as
 * bars), each arrow labelled with the shape that flows along it, and the prediction. The attribute
 * {@code data-version} counts the readings shown.
 */
final class Pipeline extends Div {
    private final Paragraph prediction = new Paragraph();
    private final Div stages = new Div();
    private int version;

    Pipeline() {
        setId("conv-pipeline");
        getElement().setAttribute("data-version", "0");
        addClassName("nnlab-conv-pipeline");
        prediction.setId("conv-pipeline-prediction");
        prediction.addClassName("nnlab-conv-prediction");
        prediction.getElement().setAttribute("aria-live", "polite");
        stages.addClassName("nnlab-conv-stages");
        add(prediction, stages);
    }

    /** Shows {@code reading} of {@code input} (28×28); {@code null} reading: nothing drawn yet. */
    void show(float[] input, Reading reading) {
        getElement().setAttribute("data-version", Integer.toString(++version));
        stages.removeAll();
        stages.add(stage(0, getTranslation("labs.convolution.pipe.input"), maps("conv-stage-0-map", input, Shape.of(1, 28, 28))));
        if (reading == null) {
            prediction.setText(getTranslation("labs.convolution.pipe.empty"));
            return;
        }
        Shape previous = Shape.of(1, ShippedCnn.SIDE, ShippedCnn.SIDE);
        List<Stage> all = reading.stages();
        for (int i = 0; i < all.size(); i++) {
            Stage s = all.get(i);
            stages.add(arrow(i + 1, previous, s.shape()));
            Div picture = s.kind().equals("softmax") ? bars(reading.probabilities())
                    : s.isMaps() ? maps("conv-stage-" + (i + 1) + "-map", s.values(), s.shape()) : strip(i + 1, s.values());
            Div box = stage(i + 1, name(s.kind()), picture);
            box.getElement().setAttribute("data-kind", s.kind());
            box.getElement().setAttribute("data-shape", s.shape().toString());
            stages.add(box);
            previous = s.shape();
        }
        prediction.setText(getTranslation("labs.convolution.pipe.prediction", reading.prediction(),
                String.format(getLocale(), "%.1f", 100.0 * reading.probabilities()[reading.prediction()])));
    }

    private String name(String kind) {
        return getTranslation("labs.convolution.pipe.kind." + kind);
    }

    private static Div stage(int index, String title, Div picture) {
        Span caption = new Span(title);
        caption.addClassName("nnlab-conv-caption");
        Div box = new Div(caption, picture);
        box.setId("conv-stage-" + index);
        box.addClassName("nnlab-conv-stage");
        return box;
    }

    private static Div arrow(int index, Shape from, Shape to) {
        Span text = new Span("↓ " + dims(to));
        Div arrow = new Div(text);
        arrow.setId("conv-arrow-" + index);
        arrow.addClassName("nnlab-conv-arrow");
        arrow.getElement().setAttribute("title", dims(from) + " → " + dims(to));
        return arrow;
    }

    /** A shape as the lab writes it: 6 × 14 × 14. */
    static String dims(Shape shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.rank(); i++) {
            b.append(i == 0 ? "" : " × ").append(shape.dim(i));
        }
        return b.toString();
    }

    /** Each channel of {@code [c, h, w]} values as a small picture with the id {@code <idPrefix>-c}, all on one scale. */
    static Div maps(String idPrefix, float[] values, Shape shape) {
        int h = shape.dim(1);
        int w = shape.dim(2);
        float low = 0;
        float high = 0;
        for (float v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        if (high <= low) {
            high = low + 1;
        }
        Div row = new Div();
        row.addClassName("nnlab-conv-maps");
        for (int c = 0; c < shape.dim(0); c++) {
            Image map = new Image(GrayPng.dataUrl(values, c * h * w, w, h, low, high), "");
            map.setId(idPrefix + "-" + c);
            map.addClassName("nnlab-conv-map");
            row.add(map);
        }
        return row;
    }

    /** A vector as one strip of grey pixels, its largest value white. */
    private static Div strip(int stage, float[] values) {
        float low = 0;
        float high = 0;
        for (float v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        Image strip = new Image(GrayPng.dataUrl(values, 0, values.length, 1, low, high > low ? high : low + 1), "");
        strip.setId("conv-stage-" + stage + "-strip");
        strip.addClassName("nnlab-conv-strip");
        Div box = new Div(strip);
        box.addClassName("nnlab-conv-strip-box");
        return box;
    }

    private Div bars(float[] probabilities) {
        Div bars = new Div();
        bars.addClassName("nnlab-conv-bars");
        for (int d = 0; d < probabilities.length; d++) {
            Span fill = new Span();
            fill.addClassName("nnlab-conv-bar-fill");
            fill.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", 100.0 * probabilities[d]));
            Span track = new Span(fill);
            track.addClassName("nnlab-conv-bar-track");
            String percent = String.format(getLocale(), "%.1f%%", 100.0 * probabilities[d]);
            Div bar = new Div(new Span(Integer.toString(d)), track, new Span(percent));
            bar.setId("conv-prob-" + d);
            bar.addClassName("nnlab-conv-bar");
            bars.add(bar);
        }
        return bars;
    }
}
