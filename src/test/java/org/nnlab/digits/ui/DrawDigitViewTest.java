package org.nnlab.digits.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.digits.ClassifyLatencies;
import org.nnlab.digits.DigitModel;
import org.nnlab.digits.Drawing;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.Strokes;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelSummary;
import org.springframework.beans.factory.annotation.Autowired;

/** The draw view on the server side: strokes arrive as the pad's events, the shipped models read them. */
class DrawDigitViewTest extends KaribuSpringTest {
    @Autowired
    DrawingCollection drawings;
    @Autowired
    ClassifyLatencies latencies;
    @Autowired
    ModelStore models;

    private DrawDigitView view;
    private DrawingPad pad;

    @BeforeEach
    void openView() {
        UI.getCurrent().navigate("draw");
        view = assertInstanceOf(DrawDigitView.class, UI.getCurrent().getCurrentView());
        pad = view.pad();
    }

    private void strokeEnd(GrayImage drawing) {
        ComponentUtil.fireEvent(pad, new StrokeEndEvent(pad, true, DrawingPad.encode(drawing)));
    }

    /**
     * The layer pictures follow the answer to a stroke by push, as in the browser: this runs the page's
     * queued updates until the gallery shows {@code expected} (or 5 s pass) and gives its HTML.
     */
    private static String awaitGallery(String expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String html = _get(LayerGallery.class).getElement().getOuterHTML();
        while (!html.contains(expected) && System.nanoTime() < deadline) {
            VaadinSession.getCurrent().unlock();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                VaadinSession.getCurrent().lock();
            }
            MockVaadin.clientRoundtrip(false);
            html = _get(LayerGallery.class).getElement().getOuterHTML();
        }
        return html;
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static Select<DigitModel> modelSelect() {
        return _get(Select.class, spec -> spec.withId("model"));
    }

    private static Button feedback(int digit) {
        return _get(Button.class, spec -> spec.withId("feedback-" + digit));
    }

    @Test
    void startsEmptyWithTheCnnChosen() {
        assertEquals("Draw a digit", _get(H1.class).getText());
        assertEquals("–", text("prediction"));
        assertEquals("Nothing drawn yet", text("confidence"));
        assertEquals("mnist-cnn", modelSelect().getValue().id());
        assertEquals(List.of("Convolutional network (LeNet-5), the default", "Multilayer perceptron 784-256-128-10"),
                modelSelect().getListDataView().getItems().map(m -> modelSelect().getItemLabelGenerator().apply(m)).toList());
        assertFalse(feedback(3).isEnabled(), "nothing to label yet");
    }

    @Test
    void aOneAZeroAndASmallOffCentreSevenAreReadCorrectly() {
        strokeEnd(Strokes.one(DrawingPad.IMAGE_SIDE));
        assertEquals("1", text("prediction"));
        assertTrue(text("confidence").endsWith("sure"), text("confidence"));
        assertTrue(_get(Image.class, spec -> spec.withId("network-input")).getSrc().startsWith("data:image/png;base64,"));
        assertTrue(text("server-time").matches("Read in \\d+\\.\\d ms on the server"), text("server-time"));

        strokeEnd(Strokes.zero(DrawingPad.IMAGE_SIDE));
        assertEquals("0", text("prediction"));

        strokeEnd(Strokes.smallSevenOffCentre(DrawingPad.IMAGE_SIDE));
        assertEquals("7", text("prediction"));
    }

    @Test
    void barsShowEachDigitsProbabilityAndHighlightTheTopOne() {
        strokeEnd(Strokes.zero(DrawingPad.IMAGE_SIDE));
        ProbabilityBars bars = _get(ProbabilityBars.class);
        double sum = 0;
        for (int d = 0; d < 10; d++) {
            sum += Double.parseDouble(bars.valueText(d).replace("%", ""));
        }
        assertEquals(100, sum, 0.6);
        assertTrue(bars.getElement().toString().contains("nnlab-bar-top"));
        assertTrue(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("bar-0"))
                .hasClassName("nnlab-bar-top"));
    }

    @Test
    void progressMessagesWhileDrawingUpdateThePredictionToo() {
        ComponentUtil.fireEvent(pad, new StrokeProgressEvent(pad, true, DrawingPad.encode(Strokes.one(112)), 4));
        assertEquals("1", text("prediction"));
        assertEquals(4, pad.getElement().getProperty("ack", -1));
    }

    @Test
    void switchingTheModelReadsTheCurrentDrawingAgain() {
        strokeEnd(Strokes.zero(DrawingPad.IMAGE_SIDE));
        awaitGallery("Dense layer 2");
        assertEquals(4, _get(LayerGallery.class).panelCount(), "conv 1, conv 2, dense 1, dense 2");

        Select<DigitModel> select = modelSelect();
        select.setValue(select.getListDataView().getItems().filter(m -> m.id().equals("mnist-mlp")).findFirst().orElseThrow());

        assertEquals("0", text("prediction"));
        String gallery = awaitGallery("256 units");
        assertEquals(2, _get(LayerGallery.class).panelCount(), "the MLP's two hidden layers: it read the drawing again");
        assertTrue(gallery.contains("256 units") && gallery.contains("128 units"), gallery);
    }

    @Test
    void theGalleryNamesEachLayerWithItsShape() {
        strokeEnd(Strokes.one(DrawingPad.IMAGE_SIDE));
        String gallery = awaitGallery("Convolution 1");
        assertTrue(gallery.contains("Convolution 1 · after ReLU"), gallery);
        assertTrue(gallery.contains("6 feature maps of 28 × 28 [6 × 28 × 28]"), gallery);
        assertTrue(gallery.contains("16 feature maps of 10 × 10"), gallery);
        assertTrue(gallery.contains("Dense layer 2 · after ReLU"), gallery);
        assertTrue(gallery.contains("84 units [84]"), gallery);
    }

    @Test
    void clearingEmptiesThePrediction() {
        strokeEnd(Strokes.one(DrawingPad.IMAGE_SIDE));
        pad.clear();
        assertEquals("–", text("prediction"));
        assertFalse(feedback(1).isEnabled());

        strokeEnd(Strokes.one(DrawingPad.IMAGE_SIDE));
        ComponentUtil.fireEvent(pad, new PadClearedEvent(pad, true));
        assertEquals("–", text("prediction"));

        strokeEnd(GrayImage.blank(DrawingPad.IMAGE_SIDE, DrawingPad.IMAGE_SIDE));
        assertEquals("–", text("prediction"), "an empty image (everything undone) reads as nothing");
    }

    @Test
    void wrongTellItSavesTheNetworksInputWithTheRightLabelOnceForThisSession() {
        String owner = CurrentOwner.id();
        int before = drawings.count(owner);
        strokeEnd(Strokes.smallSevenOffCentre(DrawingPad.IMAGE_SIDE));

        _click(feedback(1));

        assertEquals(before + 1, drawings.count(owner));
        Drawing saved = drawings.list(owner).getLast();
        assertEquals(1, saved.label());
        assertEquals(Integer.parseInt(text("prediction")), saved.predicted());
        assertEquals("mnist-cnn", saved.modelId());
        assertEquals(784, saved.pixels().length);
        assertTrue(text("feedback-status").startsWith("Saved with the label 1."), text("feedback-status"));
        assertFalse(feedback(1).isEnabled(), "the same drawing is saved once");

        strokeEnd(Strokes.zero(DrawingPad.IMAGE_SIDE));
        assertTrue(feedback(1).isEnabled(), "a new drawing can be labelled");
    }

    @Test
    void aStrokeEndRecordsTheServerTimeAndThePadsReportedRoundTrip() {
        int server = latencies.summary(ClassifyLatencies.Kind.PAD_SERVER).count();
        int browser = latencies.summary(ClassifyLatencies.Kind.BROWSER_ROUND_TRIP).count();
        ComponentUtil.fireEvent(pad, new StrokeEndEvent(pad, true, DrawingPad.encode(Strokes.one(112)), 9, 42.5));
        assertEquals(server + 1, latencies.summary(ClassifyLatencies.Kind.PAD_SERVER).count());
        assertEquals(browser + 1, latencies.summary(ClassifyLatencies.Kind.BROWSER_ROUND_TRIP).count());
        assertEquals(9, pad.getElement().getProperty("ack", -1));
    }

    @Test
    void everythingIsInChineseWhenChosen() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("draw");
        assertEquals("写一个数字", _get(H1.class).getText());
        DrawDigitView zh = (DrawDigitView) UI.getCurrent().getCurrentView();
        ComponentUtil.fireEvent(zh.pad(), new StrokeEndEvent(zh.pad(), true, DrawingPad.encode(Strokes.one(112))));
        assertTrue(text("confidence").startsWith("把握"), text("confidence"));
        assertTrue(awaitGallery("卷积层 1").contains("卷积层 1"));
        assertEquals("撤销", zh.pad().getElement().getProperty("undoLabel"));
    }

    private static byte[] digitModelFile() {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));
        return ModelFile.toBytes(Sequential.build(spec, new SplittableRandom(5)));
    }

    private static Span notice() {
        return _get(Span.class, spec -> spec.withId("model-notice"));
    }

    private static boolean noticeHidden() {
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(Span.class, spec -> spec.withId("model-notice")).isEmpty();
    }

    @Test
    void theLinkFromTheTrainingPagePicksTheUsersOwnModel() {
        ModelSummary mine = models.save(CurrentOwner.id(), "my LeNet", digitModelFile(), "{}");
        UI.getCurrent().navigate("draw", QueryParameters.of("model", mine.id()));
        assertEquals(mine.id(), modelSelect().getValue().id());
        assertEquals("my LeNet", modelSelect().getItemLabelGenerator().apply(modelSelect().getValue()));
        assertTrue(noticeHidden());

        view = (DrawDigitView) UI.getCurrent().getCurrentView();
        ComponentUtil.fireEvent(view.pad(), new StrokeEndEvent(view.pad(), true, DrawingPad.encode(Strokes.one(112))));
        assertTrue(text("prediction").matches("\\d"), "the chosen model reads the drawing: " + text("prediction"));
    }

    @Test
    void anUnknownOrSomeoneElsesModelLeavesTheDefaultWithANotice() {
        ModelSummary theirs = models.save("someone-else-" + java.util.UUID.randomUUID(), "their model", digitModelFile(), "{}");
        for (String id : List.of(theirs.id(), "no-such-model")) {
            UI.getCurrent().navigate("");
            UI.getCurrent().navigate("draw", QueryParameters.of("model", id));
            assertEquals("mnist-cnn", modelSelect().getValue().id(), id);
            assertEquals("The model in the link is not one of yours (or it was deleted), so the default model is used.",
                    notice().getText());
            assertTrue(modelSelect().getListDataView().getItems().noneMatch(m -> m.id().equals(theirs.id())));
        }
        UI.getCurrent().navigate("draw", QueryParameters.of("model", "mnist-mlp"));
        assertEquals("mnist-mlp", modelSelect().getValue().id(), "a shipped model can be named too");
        assertTrue(noticeHidden());
    }

    @Test
    void myDrawingsCountsEachDigitAndDeletesOneOrAll() {
        MyDrawings mine = view.myDrawings();
        assertEquals(0, mine.total());
        assertEquals("My drawings (0)", mine.getSummaryText());
        assertEquals("No drawings yet. Draw a digit, then tell the network the right answer above.", mine.status.getText());
        assertFalse(mine.deleteAll.isEnabled());

        strokeEnd(Strokes.one(DrawingPad.IMAGE_SIDE));
        _click(feedback(1));
        strokeEnd(Strokes.zero(DrawingPad.IMAGE_SIDE));
        _click(feedback(0));
        strokeEnd(Strokes.smallSevenOffCentre(DrawingPad.IMAGE_SIDE));
        _click(feedback(1));
        mine.setOpened(true);

        assertEquals("My drawings (3)", mine.getSummaryText());
        assertEquals("0 · 1", text("my-drawings-count-0"));
        assertEquals("1 · 2", text("my-drawings-count-1"));
        assertEquals("7 · 0", text("my-drawings-count-7"));
        assertEquals("Digit 1: 2 drawings", _get(Span.class, spec -> spec.withId("my-drawings-count-1")).getElement().getAttribute("aria-label"));
        assertEquals(3, mine.thumbnails.getComponentCount());

        String owner = CurrentOwner.id();
        Drawing newest = drawings.list(owner).getLast();
        _click(_get(Button.class, spec -> spec.withId("my-drawings-delete-" + newest.id())));
        assertEquals(2, drawings.count(owner));
        assertTrue(drawings.list(owner).stream().noneMatch(d -> d.id() == newest.id()), "that very drawing is gone");
        assertEquals("1 · 1", text("my-drawings-count-1"));
        assertEquals(2, mine.thumbnails.getComponentCount());
        assertEquals("Your collection: 2 drawings", text("feedback-status"));

        _click(mine.deleteAll);
        _click(_get(Button.class, spec -> spec.withId("my-drawings-delete-all-no")));
        assertEquals(2, drawings.count(owner), "cancel keeps them");
        _click(mine.deleteAll);
        _click(_get(Button.class, spec -> spec.withId("my-drawings-delete-all-yes")));
        assertEquals(0, drawings.count(owner));
        assertEquals("My drawings (0)", mine.getSummaryText());
        assertEquals(0, mine.thumbnails.getComponentCount());
        assertEquals("Your collection: no drawings yet", text("feedback-status"));
    }

    @Test
    void myDrawingsShowsTheNewestAndCountsTheRest() {
        String owner = CurrentOwner.id();
        GrayImage one = new org.nnlab.engine.data.DigitPreprocessor().process(Strokes.one(112)).centred();
        for (int i = 0; i < MyDrawings.SHOWN + 3; i++) {
            drawings.add(owner, one, i % 10, -1, "mnist-cnn");
        }
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("draw");
        MyDrawings mine = ((DrawDigitView) UI.getCurrent().getCurrentView()).myDrawings();
        assertEquals(MyDrawings.SHOWN, mine.thumbnails.getComponentCount());
        assertEquals("The 24 newest are shown; 3 more are kept.", mine.status.getText());
        assertEquals("My drawings (27)", mine.getSummaryText());
    }

    @Test
    void thePadRefusesImagesOfTheWrongSize() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DrawingPad.decode(java.util.Base64.getEncoder().encodeToString(new byte[100])));
        assertTrue(e.getMessage().contains("12544"), e.getMessage());
    }
}
