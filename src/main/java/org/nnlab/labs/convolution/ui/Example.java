package org.nnlab.labs.convolution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnlab.labs.convolution.Windows;
import org.nnlab.labs.convolution.Windows.Maps;

/**
 * The notes' worked example: a 4×4 grey image (a click cycles a cell through 0, 0.5 and 1), two 2×2
 * kernels (a vertical-edge and a horizontal-edge detector, editable), one bias, an optional ReLU, stride
 * 1, so two 3×3 feature maps, computed by the engine. A window position (kernel k, output row r, column c)
 * is shown in full: the input cells it covers, the four products, their sum, the bias and the activation.
 */
final class Example extends Div {
    static final int SIZE = 4;
    static final int K = 2;
    static final int OUT = SIZE - K + 1;
    static final int POSITIONS = 2 * OUT * OUT;
    /** A vertical stroke on the right, a grey block at the bottom left: one vertical, one horizontal edge. */
    static final float[] NOTES_IMAGE = {
            0, 0, 0, 1,
            0, 0, 0, 1,
            0.5f, 0.5f, 0, 1,
            0.5f, 0.5f, 0, 1};
    static final float[][] NOTES_KERNELS = {{-1, 1, -1, 1}, {-1, -1, 1, 1}};

    private final float[] image = NOTES_IMAGE.clone();
    private final float[][] kernels = {NOTES_KERNELS[0].clone(), NOTES_KERNELS[1].clone()};
    private final Grid imageGrid = new Grid("conv-input", true, this::cycle);
    private final List<NumberField> kernelFields = new ArrayList<>();
    private final Grid[] kernelGrids = {new Grid("conv-kernel-0", false, null), new Grid("conv-kernel-1", false, null)};
    private final Grid[] mapGrids;
    private final NumberField bias = new NumberField();
    private final RadioButtonGroup<String> activation = new RadioButtonGroup<>();
    private final Div products = new Div();
    private final Span sum = new Span();
    private final Paragraph result = new Paragraph();
    private final Paragraph strongest = new Paragraph();
    private final Consumer<Integer> onVisit;
    private final Runnable onChange;
    private Maps maps;
    private Maps sums;
    private int position;

    Example(Consumer<Integer> onVisit, Runnable onChange) {
        this.onVisit = onVisit;
        this.onChange = onChange;
        mapGrids = new Grid[] {new Grid("conv-output-cell", false, i -> visit(i)),
                new Grid("conv-output2-cell", false, i -> visit(OUT * OUT + i))};
        addClassName("nnlab-conv-example");
        bias.setId("conv-bias");
        bias.setLabel(getTranslation("labs.convolution.bias"));
        bias.setValue(0.0);
        bias.setStep(0.5);
        bias.setWidth("8em");
        bias.addValueChangeListener(e -> recompute());
        activation.setId("conv-activation");
        activation.setLabel(getTranslation("labs.convolution.activation"));
        activation.setItems("none", "relu");
        activation.setItemLabelGenerator(a -> getTranslation("labs.convolution.activation." + a));
        activation.setValue("none");
        activation.addValueChangeListener(e -> recompute());
        Div kernelsBox = new Div();
        kernelsBox.addClassName("nnlab-conv-row");
        for (int k = 0; k < 2; k++) {
            Div editor = new Div();
            editor.addClassName("nnlab-conv-kernel-editor");
            for (int i = 0; i < K * K; i++) {
                NumberField field = new NumberField();
                field.setId("conv-kernel-" + k + "-" + (i / K) + "-" + (i % K) + "-field");
                field.setValue((double) kernels[k][i]);
                field.setStep(0.5);
                field.setStepButtonsVisible(true);
                int kernel = k;
                int index = i;
                field.addValueChangeListener(e -> {
                    kernels[kernel][index] = e.getValue() == null ? 0f : e.getValue().floatValue();
                    recompute();
                });
                kernelFields.add(field);
                editor.add(field);
            }
            kernelsBox.add(figure("labs.convolution.kernel." + k, editor));
        }
        sum.setId("conv-sum");
        sum.addClassName("nnlab-conv-sum");
        products.setId("conv-products");
        products.addClassName("nnlab-conv-products");
        result.setId("conv-result");
        strongest.setId("conv-strongest");
        Div pictures = new Div(figure("labs.convolution.image", imageGrid),
                figure("labs.convolution.kernel.0", kernelGrids[0]), figure("labs.convolution.kernel.1", kernelGrids[1]),
                figure("labs.convolution.map.0", mapGrids[0]), figure("labs.convolution.map.1", mapGrids[1]));
        pictures.addClassName("nnlab-conv-row");
        Div settings = new Div(bias, activation);
        settings.addClassName("nnlab-conv-row");
        Div sumLine = new Div(new Span(getTranslation("labs.convolution.sum") + " "), sum);
        add(pictures, kernelsBox, settings, products, sumLine, result, strongest);
        recompute();
    }

    private Div figure(String captionKey, Div content) {
        Span caption = new Span(getTranslation(captionKey));
        caption.addClassName("nnlab-conv-caption");
        Div figure = new Div(caption, content);
        figure.addClassName("nnlab-conv-figure");
        return figure;
    }

    /** Restores the notes' image and kernels. */
    void reset() {
        System.arraycopy(NOTES_IMAGE, 0, image, 0, image.length);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < K * K; i++) {
                kernelFields.get(k * K * K + i).setValue((double) NOTES_KERNELS[k][i]);
            }
        }
        recompute();
    }

    private void cycle(int cell) {
        image[cell] = image[cell] == 0 ? 0.5f : image[cell] == 0.5f ? 1f : 0f;
        recompute();
    }

    private void recompute() {
        float b = bias.getValue() == null ? 0f : bias.getValue().floatValue();
        boolean relu = "relu".equals(activation.getValue());
        maps = Windows.convolve(image, SIZE, SIZE, kernels, K, K, b, 1, relu);
        sums = Windows.convolve(image, SIZE, SIZE, kernels, K, K, 0f, 1, false);
        imageGrid.show(SIZE, SIZE, image);
        for (int k = 0; k < 2; k++) {
            kernelGrids[k].show(K, K, kernels[k]);
            mapGrids[k].show(OUT, OUT, maps.maps()[k]);
        }
        describeStrongest();
        showPosition();
        onChange.run();
    }

    /** Moves the window to {@code p} (0 … {@value #POSITIONS} − 1: the first map's cells, then the second's). */
    void visit(int p) {
        position = Math.floorMod(p, POSITIONS);
        showPosition();
        onVisit.accept(position);
    }

    /** Moves the window one cell on; returns false after the last position of the second map. */
    boolean step() {
        boolean more = position < POSITIONS - 1;
        visit(position + 1);
        return more;
    }

    int position() {
        return position;
    }

    Maps maps() {
        return maps;
    }

    float[] image() {
        return image;
    }

    private void showPosition() {
        int k = position / (OUT * OUT);
        int r = position % (OUT * OUT) / OUT;
        int c = position % OUT;
        imageGrid.mark("window", i -> i / SIZE >= r && i / SIZE < r + K && i % SIZE >= c && i % SIZE < c + K);
        for (int m = 0; m < 2; m++) {
            int map = m;
            kernelGrids[m].mark("window", i -> map == k);
            mapGrids[m].mark("window", i -> map == k && i == r * OUT + c);
        }
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                if (!terms.isEmpty()) {
                    terms.append(" + ");
                }
                terms.append('(').append(Grid.number(kernels[k][i * K + j])).append(" · ")
                        .append(Grid.number(image[(r + i) * SIZE + c + j])).append(')');
            }
        }
        float s = sums.at(k, r, c);
        float b = bias.getValue() == null ? 0f : bias.getValue().floatValue();
        products.setText(getTranslation("labs.convolution.products", k + 1, r + 1, c + 1, terms, Grid.number(s)));
        sum.setText(Grid.number(s));
        result.setText(getTranslation("labs.convolution.result." + activation.getValue(), Grid.number(s),
                Grid.number(b), Grid.number(s + b), Grid.number(maps.at(k, r, c))));
    }

    private void describeStrongest() {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int best = 0;
            float[] map = maps.maps()[k];
            for (int i = 1; i < map.length; i++) {
                if (Math.abs(map[i]) > Math.abs(map[best])) {
                    best = i;
                }
            }
            lines.add(getTranslation("labs.convolution.strongest", k + 1, Grid.number(map[best]), best / OUT + 1,
                    best % OUT + 1));
        }
        strongest.setText(String.join(" ", lines));
    }
}
