package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnlab.labs.convolution.Windows;
import org.nnlab.labs.convolution.Windows.Maps;

/**
 * Max or average pooling (2×2 window, stride 1 or 2) of the example's two feature maps, by the engine's
 * {@code MaxPool2d} and {@code AvgPool2d}. For max pooling the map cells whose value was kept are
 * marked, and the page says which values were dropped.
 */
final class Pooling extends Div {
    static final int WINDOW = 2;
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>();
    private final RadioButtonGroup<Integer> stride = new RadioButtonGroup<>();
    private final Grid[] sources = {new Grid("conv-pool-source-0", false, null), new Grid("conv-pool-source-1", false, null)};
    private final Grid[] pooled = {new Grid("conv-pool-cell-0", false, null), new Grid("conv-pool-cell-1", false, null)};
    private final Paragraph lost = new Paragraph();
    private final Consumer<String> onChoice;
    private Maps maps;

    Pooling(Consumer<String> onChoice) {
        this.onChoice = onChoice;
        kind.setId("conv-pool-kind");
        kind.setLabel(getTranslation("labs.convolution.pool.kind"));
        kind.setItems("max", "avg");
        kind.setItemLabelGenerator(k -> getTranslation("labs.convolution.pool." + k));
        kind.setValue("max");
        stride.setId("conv-pool-stride");
        stride.setLabel(getTranslation("labs.convolution.pool.stride"));
        stride.setItems(1, 2);
        stride.setValue(1);
        kind.addValueChangeListener(e -> changed());
        stride.addValueChangeListener(e -> changed());
        Div settings = new Div(kind, stride);
        settings.addClassName("nnlab-conv-row");
        Div pictures = new Div();
        pictures.addClassName("nnlab-conv-row");
        for (int m = 0; m < 2; m++) {
            pictures.add(figure(getTranslation("labs.convolution.map." + m), sources[m]),
                    figure(getTranslation("labs.convolution.pooled", m + 1), pooled[m]));
        }
        lost.setId("conv-pool-lost");
        add(settings, pictures, lost);
    }

    private static Div figure(String caption, Grid grid) {
        Span label = new Span(caption);
        label.addClassName("nnlab-conv-caption");
        Div figure = new Div(label, grid);
        figure.addClassName("nnlab-conv-figure");
        return figure;
    }

    private void changed() {
        show(maps);
        onChoice.accept(kind.getValue() + stride.getValue());
    }

    /** Pools {@code source} (the example's maps) and shows what was kept. */
    void show(Maps source) {
        this.maps = source;
        boolean max = "max".equals(kind.getValue());
        int s = stride.getValue();
        Maps out = Windows.pool(source, max, WINDOW, s);
        List<String> dropped = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            sources[m].show(source.height(), source.width(), source.maps()[m]);
            pooled[m].show(out.height(), out.width(), out.maps()[m]);
            boolean[] kept = kept(source, out, m, s);
            sources[m].mark("kept", i -> max && kept[i]);
            if (m == 0) {
                for (int i = 0; i < kept.length; i++) {
                    if (!kept[i]) {
                        dropped.add(Grid.number(source.maps()[0][i]));
                    }
                }
            }
        }
        int n = source.height() * source.width();
        lost.setText(max
                ? getTranslation("labs.convolution.pool.lost.max", n, out.height() * out.width(),
                        dropped.isEmpty() ? "—" : String.join(", ", dropped))
                : getTranslation("labs.convolution.pool.lost.avg", n, out.height() * out.width()));
    }

    /** Which cells of map {@code m} hold a value max pooling kept (the first maximum of a window). */
    private static boolean[] kept(Maps source, Maps out, int m, int s) {
        boolean[] kept = new boolean[source.height() * source.width()];
        for (int r = 0; r < out.height(); r++) {
            for (int c = 0; c < out.width(); c++) {
                float chosen = out.at(m, r, c);
                search:
                for (int i = 0; i < WINDOW; i++) {
                    for (int j = 0; j < WINDOW; j++) {
                        int cell = (r * s + i) * source.width() + c * s + j;
                        if (source.maps()[m][cell] == chosen) {
                            kept[cell] = true;
                            break search;
                        }
                    }
                }
            }
        }
        return kept;
    }
}
