package org.nnlab.labs.convolution.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.server.VaadinSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.builder.SpecLinks;
import org.nnlab.datasets.MnistTestData;
import org.nnlab.base.OwnerCookieFilter;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.Strokes;
import org.nnlab.digits.ui.DrawingPad;
import org.nnlab.digits.ui.StrokeEndEvent;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.Presets;
import org.nnlab.labs.convolution.ShippedCnn;
import org.springframework.beans.factory.annotation.Autowired;

/** The lab's part on your own digit: a typed kernel's map, the shipped filters, the pipeline, shifting, bringing from Draw. */
class ConvolutionOwnDigitTest extends KaribuSpringTest {
    /** A 5×5 kernel typed in the test, with a bias. */
    private static final double[][] TYPED = {
            {0, 1, 0, -1, 0}, {0.5, 2, 0, -2, -0.5}, {1, 3, 0, -3, -1}, {0.5, 2, 0, -2, -0.5}, {0, 1, 0, -1, 0}};
    private static final double BIAS = 0.25;

    @Autowired
    DigitClassifier classifier;
    @Autowired
    ShippedCnn cnn;
    @Autowired
    DrawingCollection drawings;

    @Test
    void aTypedKernelsFeatureMapMatchesAComputationInTheTest() throws IOException {
        open();
        String stroke = DrawingPad.encode(Strokes.zero(DrawingPad.IMAGE_SIDE));
        DrawingPad pad = _get(DrawingPad.class, spec -> spec.withId("conv-draw"));
        ComponentUtil.fireEvent(pad, new StrokeEndEvent(pad, true, stroke));
        radio("conv-own-size").setValue(5);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                int rr = r;
                int cc = c;
                _get(NumberField.class, spec -> spec.withId("conv-kernel-" + rr + "-" + cc)).setValue(TYPED[r][c]);
            }
        }
        _get(NumberField.class, spec -> spec.withId("conv-kernel-bias")).setValue(BIAS);
        assertEquals(null, radio("conv-own-kernel").getValue(), "typing leaves the presets");
        float[] x = classifier.preprocess(new StrokeEndEvent(pad, true, stroke).decodeImage()).input().data();
        double[] expected = new double[24 * 24];
        double low = 0;
        double high = 0;
        for (int r = 0; r < 24; r++) {
            for (int c = 0; c < 24; c++) {
                double s = BIAS;
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < 5; j++) {
                        s += TYPED[i][j] * x[(r + i) * 28 + c + j];
                    }
                }
                expected[r * 24 + c] = s;
                low = Math.min(low, s);
                high = Math.max(high, s);
            }
        }
        assertTrue(high - low > 1, low + " " + high);
        String range = text("conv-own-range");
        assertTrue(range.startsWith("Feature map 24 × 24, values from "), range);
        String[] numbers = range.replaceAll("\\.$", "").replaceAll("[^0-9.\\- ]", " ").trim().split("\\s+");
        assertEquals(low, Double.parseDouble(numbers[numbers.length - 2]), 0.006, range);
        assertEquals(high, Double.parseDouble(numbers[numbers.length - 1]), 0.006, range);
        BufferedImage png = png(_get(Image.class, spec -> spec.withId("conv-own-feature-map")).getSrc());
        assertEquals(24, png.getWidth());
        for (int i = 0; i < expected.length; i++) {
            long level = Math.round((expected[i] - low) / (high - low) * 255);
            assertEquals(level, png.getRaster().getSample(i % 24, i / 24, 0), 1.0, "pixel " + i);
        }
    }

    @Test
    void aShippedFilterGoesIntoTheEditorWithItsTrainedWeights() {
        open();
        List<ShippedCnn.Filter> filters = cnn.firstFilters();
        assertEquals(6, filters.size(), "LeNet's first layer");
        _click(_get(Button.class, spec -> spec.withId("conv-filter-2")));
        assertEquals(5, radio("conv-own-size").getValue());
        ShippedCnn.Filter third = filters.get(2);
        for (int i = 0; i < 25; i++) {
            int index = i;
            double typed = _get(NumberField.class, spec -> spec.withId("conv-kernel-" + index / 5 + "-" + index % 5)).getValue();
            assertEquals(third.weights()[i], typed, 1e-7);
        }
        assertEquals(third.bias(), _get(NumberField.class, spec -> spec.withId("conv-kernel-bias")).getValue(), 1e-7);
        assertEquals("Filter 3 of the shipped CNN's first layer", text("conv-kernel-source"));
        assertEquals(6, _get(Div.class, spec -> spec.withId("conv-first-filters")).getChildren().count());
    }

    @Test
    void shiftingAnMnistTestDigitMovesTheMapsAndKeepsThePrediction() throws IOException {
        LabeledImages test = Mnist.load(MnistTestData.requireMnist(), Mnist.Split.TEST).first(1);
        int label = test.labels()[0];
        open();
        DrawingPad pad = _get(DrawingPad.class, spec -> spec.withId("conv-draw"));
        int shown = pipelineVersion();
        ComponentUtil.fireEvent(pad, new StrokeEndEvent(pad, true, DrawingPad.encode(enlarged(test.image(0)))));
        awaitReading(shown);
        String reads = "The network reads " + label + ", with a probability of ";
        assertTrue(text("conv-pipeline-prediction").startsWith(reads), text("conv-pipeline-prediction"));
        List<String> shapes = _get(Div.class, spec -> spec.withId("conv-pipeline")).getElement().getChild(1).getChildren()
                .filter(e -> e.hasAttribute("data-shape")).map(e -> e.getAttribute("data-kind") + " " + e.getAttribute("data-shape"))
                .toList();
        assertEquals(List.of("conv2d [6, 28, 28]", "relu [6, 28, 28]", "maxpool2d [6, 14, 14]", "conv2d [16, 10, 10]",
                "relu [16, 10, 10]", "maxpool2d [16, 5, 5]", "flatten [400]", "dense [120]", "relu [120]", "dense [84]",
                "relu [84]", "dense [10]", "softmax [10]"), shapes);
        assertEquals("↓ 6 × 14 × 14", text("conv-arrow-3"));
        assertEquals(16, _get(Div.class, spec -> spec.withId("conv-second-maps")).getChildren().count());
        String firstMap = src("conv-stage-1-map-0");
        String ownMap = src("conv-own-feature-map");
        for (String direction : List.of("right", "down", "left", "left", "up", "up")) {
            shown = pipelineVersion();
            _click(_get(Button.class, spec -> spec.withId("conv-shift-" + direction)));
            awaitReading(shown);
            assertTrue(text("conv-pipeline-prediction").startsWith(reads), direction + ": " + text("conv-pipeline-prediction"));
            assertTrue(text("conv-own-prediction").startsWith("The shipped CNN reads " + label + " "), text("conv-own-prediction"));
        }
        assertEquals("Moved -2 px across and -2 px down (negative: left or up).", text("conv-shift"));
        assertNotEquals(firstMap, src("conv-stage-1-map-0"), "the first layer's maps moved with the digit");
        assertNotEquals(ownMap, src("conv-own-feature-map"));
        shown = pipelineVersion();
        _click(_get(Button.class, spec -> spec.withId("conv-shift-reset")));
        awaitReading(shown);
        assertEquals(firstMap, src("conv-stage-1-map-0"), "back in the centre, the same maps again");
    }

    @Test
    void theLastDrawingComesFromDrawAndTheBlockOpensInBuild() {
        open();
        _click(_get(Button.class, spec -> spec.withId("conv-bring")));
        assertEquals("Nothing drawn on the Draw page yet in this session.", text("conv-bring-status"));
        UI.getCurrent().navigate("draw");
        DrawingPad drawPad = _get(DrawingPad.class, spec -> spec.withId("pad"));
        String seven = DrawingPad.encode(Strokes.smallSevenOffCentre(DrawingPad.IMAGE_SIDE));
        ComponentUtil.fireEvent(drawPad, new StrokeEndEvent(drawPad, true, seven));
        open();
        int shown = pipelineVersion();
        _click(_get(Button.class, spec -> spec.withId("conv-bring")));
        awaitReading(shown);
        assertEquals("Your last drawing from the Draw page.", text("conv-bring-status"));
        float[] x = classifier.preprocess(DrawingPad.decode(seven)).input().data();
        assertEquals(org.nnlab.digits.GrayPng.dataUrl(x, 0, 28, 28, 0, 1), src("conv-own-input"));
        assertFalse(text("conv-pipeline-prediction").startsWith("Draw a digit"), text("conv-pipeline-prediction"));

        String href = _get(Anchor.class, spec -> spec.withId("conv-block-build")).getHref();
        assertTrue(href.startsWith("build?spec="), href);
        assertEquals(Presets.CONV_POOL.spec(), SpecLinks.decode(href.substring("build?spec=".length())));
        String block = _get(Div.class, spec -> spec.withId("conv-block")).getElement().getTextRecursively();
        assertTrue(block.contains("Filter size 5, 20 filters, pooling window 2 with stride 2, activation relu"),
                block);
    }

    @Test
    void withoutADrawingInThisSessionTheNewestLabelledOneIsBrought() {
        String owner = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, owner);
        GrayImage older = classifier.preprocess(Strokes.one(DrawingPad.IMAGE_SIDE)).centred();
        GrayImage newer = classifier.preprocess(Strokes.zero(DrawingPad.IMAGE_SIDE)).centred();
        drawings.add(owner, older, 1, 1, ShippedCnn.class.getSimpleName());
        drawings.add(owner, newer, 0, 0, ShippedCnn.class.getSimpleName());
        open();
        int shown = pipelineVersion();
        _click(_get(Button.class, spec -> spec.withId("conv-bring")));
        awaitReading(shown);
        assertEquals("The newest drawing you labelled on the Draw page.", text("conv-bring-status"));
        float[] kept = drawings.newest(owner, 1).getFirst().pixels();
        assertEquals(org.nnlab.digits.GrayPng.dataUrl(kept, 0, 28, 28, 0, 1), src("conv-own-input"));
        assertTrue(text("conv-pipeline-prediction").startsWith("The network reads 0,"), text("conv-pipeline-prediction"));
    }

    /** An MNIST digit (28×28) as the pad would send it: each pixel four by four. */
    private static GrayImage enlarged(float[] mnist) {
        int side = DrawingPad.IMAGE_SIDE;
        float[] big = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                big[y * side + x] = mnist[(y * 28 / side) * 28 + x * 28 / side];
            }
        }
        return new GrayImage(side, side, big);
    }

    private static int pipelineVersion() {
        return Integer.parseInt(_get(Div.class, spec -> spec.withId("conv-pipeline")).getElement().getAttribute("data-version"));
    }

    /**
     * The CNN's reading follows by push, as in the browser: runs the page's queued updates until the
     * pipeline shows a reading after {@code before} (or 5 s pass).
     */
    private static void awaitReading(int before) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pipelineVersion() <= before && System.nanoTime() < deadline) {
            VaadinSession.getCurrent().unlock();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                VaadinSession.getCurrent().lock();
            }
            MockVaadin.clientRoundtrip(false);
        }
        assertTrue(pipelineVersion() > before, "the reading arrived");
    }

    private static BufferedImage png(String dataUrl) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static void open() {
        UI.getCurrent().navigate("labs/convolution");
    }

    private static String src(String id) {
        return _get(Image.class, spec -> spec.withId(id)).getSrc();
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }
}
