package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
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
    private final List<Image> pictures = new ArrayList<>();
    private final List<Span> barFills = new ArrayList<>();
    private final List<Span> barTexts = new ArrayList<>();
    private int version;
    private int built = -1;

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

    /**
     * Shows {@code reading} of {@code input} (28×28); {@code null} reading: nothing drawn yet. The boxes are
     * built once for a network and then only get new pictures, so that each reading sends little.
     */
    void show(float[] input, Reading reading) {
        getElement().setAttribute("data-version", Integer.toString(++version));
        int count = reading == null ? 0 : reading.stages().size();
        if (count != built) {
            build(reading);
            built = count;
        }
        List<String> sources = new ArrayList<>(sources(input, Shape.of(1, ShippedCnn.SIDE, ShippedCnn.SIDE)));
        if (reading == null) {
            pictures.getFirst().setSrc(sources.getFirst());
            prediction.setText(getTranslation("labs.convolution.pipe.empty"));
            return;
        }
        for (Stage s : reading.stages()) {
            if (!s.kind().equals("softmax")) {
                sources.addAll(s.isMaps() ? sources(s.values(), s.shape()) : List.of(strip(s.values())));
            }
        }
        for (int i = 0; i < sources.size(); i++) {
            pictures.get(i).setSrc(sources.get(i));
        }
        float[] p = reading.probabilities();
        for (int d = 0; d < barFills.size(); d++) {
            barFills.get(d).getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", 100.0 * p[d]));
            barTexts.get(d).setText(String.format(getLocale(), "%.1f%%", 100.0 * p[d]));
        }
        prediction.setText(getTranslation("labs.convolution.pipe.prediction", reading.prediction(),
                String.format(getLocale(), "%.1f", 100.0 * p[reading.prediction()])));
    }

    /** The boxes and arrows for {@code reading}'s stages (only the input when null), pictures still empty. */
    private void build(Reading reading) {
        stages.removeAll();
        pictures.clear();
        barFills.clear();
        barTexts.clear();
        Shape previous = Shape.of(1, ShippedCnn.SIDE, ShippedCnn.SIDE);
        stages.add(stage(0, getTranslation("labs.convolution.pipe.input"), maps("conv-stage-0-map", previous)));
        List<Stage> all = reading == null ? List.of() : reading.stages();
        for (int i = 0; i < all.size(); i++) {
            Stage s = all.get(i);
            stages.add(arrow(i + 1, previous, s.shape()));
            Div picture = s.kind().equals("softmax") ? bars(s.shape().size())
                    : s.isMaps() ? maps("conv-stage-" + (i + 1) + "-map", s.shape()) : strip(i + 1);
            Div box = stage(i + 1, name(s.kind()), picture);
            box.getElement().setAttribute("data-kind", s.kind());
            box.getElement().setAttribute("data-shape", s.shape().toString());
            stages.add(box);
            previous = s.shape();
        }
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

    /** A box of empty pictures, one per channel of {@code shape}, with the ids {@code <idPrefix>-c}. */
    private Div maps(String idPrefix, Shape shape) {
        Div row = new Div();
        row.addClassName("nnlab-conv-maps");
        for (int c = 0; c < shape.dim(0); c++) {
            Image map = new Image();
            map.setAlt("");
            map.setId(idPrefix + "-" + c);
            map.addClassName("nnlab-conv-map");
            pictures.add(map);
            row.add(map);
        }
        return row;
    }

    /** Each channel of {@code [c, h, w]} values as a picture (data URL), all on one scale. */
    static List<String> sources(float[] values, Shape shape) {
        int h = shape.dim(1);
        int w = shape.dim(2);
        float[] range = range(values);
        List<String> sources = new ArrayList<>();
        for (int c = 0; c < shape.dim(0); c++) {
            sources.add(GrayPng.dataUrl(values, c * h * w, w, h, range[0], range[1]));
        }
        return sources;
    }

    /** The smallest value (at most 0) and the largest (above the smallest). */
    private static float[] range(float[] values) {
        float low = 0;
        float high = 0;
        for (float v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return new float[] {low, high > low ? high : low + 1};
    }

    private Div strip(int stage) {
        Image strip = new Image();
        strip.setAlt("");
        strip.setId("conv-stage-" + stage + "-strip");
        strip.addClassName("nnlab-conv-strip");
        pictures.add(strip);
        Div box = new Div(strip);
        box.addClassName("nnlab-conv-strip-box");
        return box;
    }

    /** A vector as one strip of grey pixels, its largest value white. */
    private static String strip(float[] values) {
        float[] range = range(values);
        return GrayPng.dataUrl(values, 0, values.length, 1, range[0], range[1]);
    }

    private Div bars(int count) {
        Div bars = new Div();
        bars.addClassName("nnlab-conv-bars");
        for (int d = 0; d < count; d++) {
            Span fill = new Span();
            fill.addClassName("nnlab-conv-bar-fill");
            Span track = new Span(fill);
            track.addClassName("nnlab-conv-bar-track");
            Span percent = new Span();
            Div bar = new Div(new Span(Integer.toString(d)), track, percent);
            bar.setId("conv-prob-" + d);
            bar.addClassName("nnlab-conv-bar");
            barFills.add(fill);
            barTexts.add(percent);
            bars.add(bar);
        }
        return bars;
    }
}
