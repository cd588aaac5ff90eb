package org.nnlab.labs.convolution.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Image;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.digits.Strokes;
import org.nnlab.digits.ui.DrawingPad;
import org.nnlab.digits.ui.StrokeEndEvent;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.OwnerCookieFilter;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.springframework.beans.factory.annotation.Autowired;

class ConvolutionLabViewTest extends KaribuSpringTest {
    /** The example image and kernels, written out again here, independent of the page's constants. */
    private static final double[][] IMAGE = {{0, 0, 0, 1}, {0, 0, 0, 1}, {0.5, 0.5, 0, 1}, {0.5, 0.5, 0, 1}};
    private static final double[][][] KERNELS = {{{-1, 1}, {-1, 1}}, {{-1, -1}, {1, 1}}};

    @Autowired
    LabProgress progress;

    @Test
    void steppingTheWindowShowsEverySumAndTheNotesAnswers() {
        String owner = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        ConvolutionLabView lab = open();
        // by hand: the vertical-edge map is 2 down its third column, the horizontal one 1 at row 2, column 1
        assertEquals("2", text("conv-output-cell-0-2"));
        assertEquals("2", text("conv-output-cell-2-2"));
        assertEquals("−1", text("conv-output-cell-2-1"));
        assertEquals("1", text("conv-output2-cell-1-0"));
        assertEquals("0", text("conv-output2-cell-0-2"));
        assertTrue(text("conv-strongest").startsWith("Map 1 answers most strongly with 2 at row 1, column 3."),
                text("conv-strongest"));
        assertFalse(lab.isTaskDone("step"));
        Button step = _get(Button.class, spec -> spec.withId("conv-step"));
        for (int p = 0; p < 2 * 9; p++) {
            int k = p / 9;
            int r = p % 9 / 3;
            int c = p % 3;
            String expected = Grid.number(convolve(IMAGE, KERNELS[k], r, c));
            assertEquals(expected, text("conv-sum"), "position " + p);
            if (k == 0) {
                assertEquals(expected, text("conv-output-cell-" + r + "-" + c));
            }
            assertTrue(text("conv-products").startsWith("Kernel " + (k + 1) + ", row " + (r + 1) + ", column " + (c + 1)),
                    text("conv-products"));
            _click(step);
        }
        assertTrue(lab.isTaskDone("step"));
        assertTrue(progress.completed(owner, Chapter.CONVOLUTION).contains("step"));
        assertTrue(text("conv-products").contains("(−1 · 0) + (1 · 0) + (−1 · 0) + (1 · 0) = 0"), text("conv-products"));
    }

    @Test
    void editingTheImageKernelBiasAndActivationChangesTheMaps() {
        open();
        _click(_get(Span.class, spec -> spec.withId("conv-input-0-2")));   // 0 → 0.5
        double[][] image = {{0, 0, 0.5, 1}, {0, 0, 0, 1}, {0.5, 0.5, 0, 1}, {0.5, 0.5, 0, 1}};
        assertEquals(Grid.number(convolve(image, KERNELS[0], 0, 2)), text("conv-output-cell-0-2"));
        assertEquals(Grid.number(convolve(image, KERNELS[0], 0, 1)), text("conv-output-cell-0-1"));
        _get(NumberField.class, spec -> spec.withId("conv-bias")).setValue(0.5);
        _click(_get(Span.class, spec -> spec.withId("conv-output-cell-2-1")));
        assertEquals("−1", text("conv-sum"));
        assertEquals("Add the bias: −1 + 0.5 = −0.5. No activation, so the map holds −0.5.", text("conv-result"));
        radio("conv-activation").setValue("relu");
        assertEquals("0", text("conv-output-cell-2-1"));
        _get(NumberField.class, spec -> spec.withId("conv-kernel-0-0-0-field")).setValue(2.0);
        double[][] kernel = {{2, 1}, {-1, 1}};
        assertEquals(Grid.number(Math.max(0, convolve(image, kernel, 1, 2) + 0.5)), text("conv-output-cell-1-2"));
    }

    @Test
    void poolingKeepsTheStrongestAnswersAndPaddingKeepsTheSize() {
        ConvolutionLabView lab = open();
        // max pooling, 2×2, stride 1 of the vertical-edge map [[0, 0, 2], [0, −0.5, 2], [0, −1, 2]]
        assertEquals("0 2 0 2", row("conv-pool-cell-0", 2, 2));
        assertTrue(text("conv-pool-lost").contains("Map 1 lost these values: 0, −0.5, 0, −1, 2"), text("conv-pool-lost"));
        radio("conv-pool-kind").setValue("avg");
        assertEquals("−0.125 0.875 −0.375 0.625", row("conv-pool-cell-0", 2, 2));
        assertTrue(lab.isTaskDone("pool"));
        radio("conv-pool-stride").setValue(2);
        assertEquals("−0.125", row("conv-pool-cell-0", 1, 1));

        assertEquals("Output: (4 + 2·0 − 3) / 1 + 1 = 2, so 2 × 2.", text("conv-pad-size"));
        radio("conv-pad").setValue(1);
        assertEquals("Output: (4 + 2·1 − 3) / 1 + 1 = 4, so 4 × 4.", text("conv-pad-size"));
        assertEquals("0", text("conv-padded-0-0"));
        assertEquals("1", text("conv-padded-1-4"));
        assertTrue(lab.isTaskDone("pad"));
        radio("conv-pad-kernel").setValue(5);
        assertEquals("Output: (4 + 2·1 − 5) / 1 + 1 = 2, so 2 × 2.", text("conv-pad-size"));
    }

    @Test
    void aSizeThatIsNotWholeTurnsRedWithTheEnginesExplanation() {
        ConvolutionLabView lab = open();
        Div formula = _get(Div.class, spec -> spec.withId("conv-size-formula"));
        assertEquals("Height: (28 + 2·0 − 5) / 1 + 1 = 24 ✓   Width: (28 + 2·0 − 5) / 1 + 1 = 24 ✓", formula.getText());
        assertTrue(formula.hasClassName("ok"));
        assertEquals("Height: (24 − 2) / 2 + 1 = 12 ✓   Width: (24 − 2) / 2 + 1 = 12 ✓", text("conv-pool-size-formula"));
        _get(IntegerField.class, spec -> spec.withId("conv-kernel-w")).setValue(4);
        _get(IntegerField.class, spec -> spec.withId("conv-stride-w")).setValue(2);
        assertTrue(formula.hasClassName("ok"), formula.getText());
        _get(IntegerField.class, spec -> spec.withId("conv-stride-h")).setValue(2);
        assertTrue(formula.hasClassName("bad"));
        assertEquals("Height: (28 + 2·0 − 5) / 2 + 1 ✗   Width: (28 + 2·0 − 4) / 2 + 1 = 13 ✓", formula.getText());
        String why = text("conv-size-error");
        assertTrue(why.startsWith("Conv2d: height (28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number"), why);
        assertTrue(lab.isTaskDone("rule"));
        Div pool = _get(Div.class, spec -> spec.withId("conv-pool-size-formula"));
        assertFalse(pool.hasClassName("ok") || pool.hasClassName("bad"), "waits for a whole convolution");
        // the engine suggests a kernel of 4 or 6; with 6: (28 − 6) / 2 + 1 = 12
        assertTrue(why.contains("6"), why);
        _get(IntegerField.class, spec -> spec.withId("conv-kernel-h")).setValue(6);
        assertTrue(formula.hasClassName("ok"), formula.getText());
        assertEquals("Height: (12 − 2) / 2 + 1 = 6 ✓   Width: (13 − 2) / 2 + 1 ✗", text("conv-pool-size-formula"));
        assertTrue(text("conv-pool-size-error").startsWith("MaxPool2d: width (13 − 2) / 2 + 1 = 6.5 is not a whole number"),
                text("conv-pool-size-error"));
    }

    @Test
    void weightSharingComparesTheDigitCnnWithDenseLayers() {
        open();
        String text = _get(Div.class, spec -> spec.withId("conv-param-ratio")).getChildren()
                .map(c -> ((HasText) c).getText()).reduce("", (a, b) -> a + b + "\n");
        // 5 kernels of 5×5 + 5 biases = 130; dense 784 → 2880 = 784·2880 + 2880 = 2,260,800
        assertTrue(text.contains("[1, 28, 28] → [5, 24, 24] with 130 parameters; a dense layer with the same shapes would need 2,260,800, 17,391 times"), text);
        // 20·5·25 + 20 = 2520; dense 720 → 1280 = 922,880
        assertTrue(text.contains("with 2,520 parameters; a dense layer with the same shapes would need 922,880, 366 times"), text);
    }

    @Autowired
    DigitClassifier classifier;

    @Test
    void drawingADigitUpdatesItsFeatureMap() {
        open();
        Image map = _get(Image.class, spec -> spec.withId("conv-own-feature-map"));
        String blank = map.getSrc();
        assertEquals("Feature map 26 × 26, values from 0.00 to 0.00.", text("conv-own-range"));
        DrawingPad pad = _get(DrawingPad.class, spec -> spec.withId("conv-draw"));
        String stroke = DrawingPad.encode(Strokes.one(112));
        ComponentUtil.fireEvent(pad, new StrokeEndEvent(pad, true, stroke));
        assertFalse(blank.equals(map.getSrc()), "the map follows the stroke");
        // the vertical Sobel kernel over the preprocessed digit, computed here
        float[] x = classifier.preprocess(new StrokeEndEvent(pad, true, stroke).decodeImage()).input().data();
        double[][] sobel = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
        double low = 0;
        double high = 0;
        for (int r = 0; r < 26; r++) {
            for (int c = 0; c < 26; c++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        s += sobel[i][j] * x[(r + i) * 28 + c + j];
                    }
                }
                low = Math.min(low, s);
                high = Math.max(high, s);
            }
        }
        assertTrue(high > 0.5 && low < -0.5, low + " " + high);
        assertEquals(String.format(Locale.ROOT, "Feature map 26 × 26, values from %.2f to %.2f.", low, high),
                text("conv-own-range"));
        String vertical = map.getSrc();
        radio("conv-own-kernel").setValue(2);
        assertFalse(vertical.equals(map.getSrc()), "another kernel, another map");
    }

    @Test
    void thePageSpeaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        open();
        assertTrue(text("conv-strongest").startsWith("特征图 1 的最强响应是 2，位于第 1 行第 3 列。"), text("conv-strongest"));
        _get(IntegerField.class, spec -> spec.withId("conv-stride-h")).setValue(2);
        assertTrue(text("conv-size-error").contains("不是整数"), text("conv-size-error"));
    }

    /** The sum of element-wise products of {@code kernel} (2×2) and the image window at (r, c). */
    private static double convolve(double[][] image, double[][] kernel, int r, int c) {
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                sum += kernel[i][j] * image[r + i][c + j];
            }
        }
        return sum;
    }

    private static ConvolutionLabView open() {
        UI.getCurrent().navigate("labs/convolution");
        return (ConvolutionLabView) UI.getCurrent().getCurrentView();
    }

    private static String text(String id) {
        Component c = _get(Component.class, spec -> spec.withId(id));
        return ((HasText) c).getText();
    }

    private static String row(String prefix, int rows, int cols) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                b.append(b.isEmpty() ? "" : " ").append(text(prefix + "-" + r + "-" + c));
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }
}
