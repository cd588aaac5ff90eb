package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Locale;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.digits.GrayPng;
import org.nnlab.digits.ui.DrawingPad;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.labs.convolution.Windows;
import org.nnlab.labs.convolution.Windows.Maps;

/**
 * A digit drawn here, brought to 28×28 as Draw does, convolved by the engine with a preset 3×3 kernel
 * (vertical or horizontal edges, blur, sharpen); the 26×26 feature map follows every stroke, while
 * drawing and at its end.
 */
final class OwnDigit extends Div {
    static final int SIDE = 28;
    private static final String[] PRESETS = {"vertical", "horizontal", "blur", "sharpen"};
    private static final float[][] KERNELS = {
            {-1, 0, 1, -2, 0, 2, -1, 0, 1},
            {-1, -2, -1, 0, 0, 0, 1, 2, 1},
            {1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f, 1 / 9f},
            {0, -1, 0, -1, 5, -1, 0, -1, 0}};
    private final DigitClassifier classifier;
    private final DrawingPad pad = new DrawingPad();
    private final RadioButtonGroup<Integer> kernel = new RadioButtonGroup<>();
    private final Image input = new Image();
    private final Image map = new Image();
    private final Paragraph range = new Paragraph();
    private float[] pixels = new float[SIDE * SIDE];

    OwnDigit(DigitClassifier classifier) {
        this.classifier = classifier;
        pad.setId("conv-draw");
        pad.setLabels(getTranslation("draw.pad.undo"), getTranslation("draw.pad.clear"),
                getTranslation("draw.pad.width"), getTranslation("draw.pad.label"),
                getTranslation("draw.pad.placeholder"));
        pad.addStrokeProgressListener(e -> {
            show(e.decodeImage());
            pad.acknowledge(e.getSeq());
        });
        pad.addStrokeEndListener(e -> {
            show(e.decodeImage());
            pad.acknowledge(e.getSeq());
        });
        pad.addPadClearedListener(e -> {
            pixels = new float[SIDE * SIDE];
            update();
        });
        kernel.setId("conv-own-kernel");
        kernel.setLabel(getTranslation("labs.convolution.own.kernel"));
        kernel.setItems(0, 1, 2, 3);
        kernel.setItemLabelGenerator(k -> getTranslation("labs.convolution.own.kernel." + PRESETS[k]));
        kernel.setValue(0);
        kernel.addValueChangeListener(e -> update());
        input.setId("conv-own-input");
        input.setAlt(getTranslation("labs.convolution.own.input"));
        map.setId("conv-own-feature-map");
        map.setAlt(getTranslation("labs.convolution.own.map"));
        range.setId("conv-own-range");
        Div pictures = new Div(figure("labs.convolution.own.input", input), figure("labs.convolution.own.map", map));
        pictures.addClassName("nnlab-conv-row");
        Div padBox = new Div(pad);
        padBox.addClassName("nnlab-conv-drawbox");
        Div row = new Div(padBox, new Div(kernel, pictures, range));
        row.addClassName("nnlab-conv-row");
        add(row);
        update();
    }

    private Div figure(String captionKey, Image image) {
        image.addClassName("nnlab-conv-pixels");
        Div figure = new Div(new com.vaadin.flow.component.html.Span(getTranslation(captionKey)), image);
        figure.addClassName("nnlab-conv-figure");
        return figure;
    }

    private void show(GrayImage drawing) {
        pixels = classifier.preprocess(drawing).input().data();
        update();
    }

    private void update() {
        Maps out = Windows.convolve(pixels, SIDE, SIDE, new float[][] {KERNELS[kernel.getValue()]}, 3, 3, 0f, 1, false);
        float low = 0;
        float high = 0;
        for (float v : out.maps()[0]) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        input.setSrc(GrayPng.dataUrl(pixels, 0, SIDE, SIDE, 0f, 1f));
        map.setSrc(GrayPng.dataUrl(out.maps()[0], 0, out.width(), out.height(), low, high > low ? high : low + 1));
        range.setText(getTranslation("labs.convolution.own.range", out.height(), out.width(),
                String.format(Locale.ROOT, "%.2f", low), String.format(Locale.ROOT, "%.2f", high)));
    }
}
