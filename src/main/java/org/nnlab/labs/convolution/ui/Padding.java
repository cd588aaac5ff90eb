package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.function.IntConsumer;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.labs.convolution.Windows;
import org.nnlab.labs.convolution.Windows.Maps;

/**
 * Zero padding of the example image (P = 0, 1 or 2, by the engine's {@code ZeroPadding2d}) and the size
 * a 3×3 or 5×5 kernel then gives, from the engine's window geometry: P = 1 with 3×3 and P = 2 with 5×5
 * keep the 4×4 size.
 */
final class Padding extends Div {
    private final RadioButtonGroup<Integer> pad = new RadioButtonGroup<>();
    private final RadioButtonGroup<Integer> kernel = new RadioButtonGroup<>();
    private final Grid padded = new Grid("conv-padded", true, null);
    private final Paragraph size = new Paragraph();
    private final IntConsumer onKeptSize;
    private float[] image;

    Padding(IntConsumer onKeptSize) {
        this.onKeptSize = onKeptSize;
        pad.setId("conv-pad");
        pad.setLabel(getTranslation("labs.convolution.pad.p"));
        pad.setItems(0, 1, 2);
        pad.setValue(0);
        kernel.setId("conv-pad-kernel");
        kernel.setLabel(getTranslation("labs.convolution.pad.kernel"));
        kernel.setItems(3, 5);
        kernel.setItemLabelGenerator(k -> k + " × " + k);
        kernel.setValue(3);
        pad.addValueChangeListener(e -> show(image));
        kernel.addValueChangeListener(e -> show(image));
        size.setId("conv-pad-size");
        Div settings = new Div(pad, kernel);
        settings.addClassName("nnlab-conv-row");
        add(settings, padded, size);
    }

    void show(float[] image) {
        this.image = image;
        int p = pad.getValue();
        int k = kernel.getValue();
        Maps out = Windows.pad(image, Example.SIZE, Example.SIZE, p);
        padded.show(out.height(), out.width(), out.maps()[0]);
        padded.mark("pad", i -> i / out.width() < p || i / out.width() >= out.height() - p
                || i % out.width() < p || i % out.width() >= out.width() - p);
        String formula = "(" + Example.SIZE + " + 2·" + p + " − " + k + ") / 1 + 1";
        try {
            WindowGeometry g = Windows.convolution(Example.SIZE, Example.SIZE, Size2.of(k), Size2.of(1), Size2.of(p));
            size.setText(getTranslation("labs.convolution.pad.size", formula, g.outHeight(), g.outWidth()));
            size.setClassName("bad", false);
            if (p > 0 && g.outHeight() == Example.SIZE) {
                onKeptSize.accept(p);
            }
        } catch (SpecException e) {
            size.setText(EngineMessages.localize(e, getLocale()));
            size.setClassName("bad", true);
        }
    }
}
