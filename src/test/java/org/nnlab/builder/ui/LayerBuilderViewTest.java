package org.nnlab.builder.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;

class LayerBuilderViewTest extends KaribuSpringTest {
    private LayerBuilderView view;

    @BeforeEach
    void open() {
        UI.getCurrent().navigate("build");
        view = assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        view.replace(new ModelSpec(Shape.of(1, 28, 28), List.of()));
    }

    @Test
    void addingFromThePaletteButtonsShowsTheEngineShapes() {
        _click(button("build-add-flatten"));
        _click(button("build-add-dense"));
        assertEquals(List.of("flatten", "dense"), kinds());
        assertEquals("→ [784]", shapeText(0));
        assertEquals("→ [16]", shapeText(1));
        assertEquals("in [784] · 12,560 parameters · 25.10 K FLOPs per sample".replace("25.10 K", "25,104"),
                numbersText(1));
        assertEquals("12,560", stat("build-total-params"));
    }

    @Test
    void theInsertionPointDecidesWhereTheKeyboardAddsAndTheStackOutlivesTheView() {
        view.change(ModelSpec.of(Shape.of(2), new DenseSpec(4), new DenseSpec(1)));
        _click(button("build-card-0-insert"));
        assertEquals("true", button("build-card-0-insert").getElement().getAttribute("aria-pressed"));
        _click(button("build-add-tanh"));
        assertEquals(List.of("dense", "tanh", "dense"), kinds());
        _click(button("build-add-dropout"));
        assertEquals(List.of("dense", "tanh", "dropout", "dense"), kinds(), "the new layer becomes the insertion point");

        ModelSpec kept = view.spec();
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("build");
        LayerBuilderView again = assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        assertEquals(kept, again.spec(), "a language switch re-creates the view; the stack stays");
    }

    @Test
    void everyKindIsInThePaletteAndGetsAnEditorForEachSetting() {
        for (LayerKind kind : LayerKinds.all()) {
            view.replace(new ModelSpec(Shape.of(2), List.of()));
            _click(button("build-add-" + kind.name()));
            assertEquals(List.of(kind.name()), kinds());
            LayerCard card = card(0);
            assertTrue(_find(card, Span.class, s -> s.withClasses("build-field-unsupported")).isEmpty(), kind.name());
            for (var component : kind.type().getRecordComponents()) {
                assertEquals(1, _find(card, Component.class, s -> s.withId("build-card-0-" + component.getName())).size(),
                        kind.name() + "." + component.getName());
            }
        }
    }

    @Test
    void droppingAPaletteKindIntoTheStackInsertsIt() {
        view.change(ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec()));
        Div item = _get(Div.class, s -> s.withId("build-palette-dense"));
        drop(item, _get(Div.class, s -> s.withId("build-drop-end")));
        assertEquals(List.of("flatten", "dense"), kinds());
        drop(_get(Div.class, s -> s.withId("build-palette-relu")), card(1));
        assertEquals(List.of("flatten", "relu", "dense"), kinds(), "a kind dropped on a card goes above it");
    }

    @Test
    void reorderWithButtonsAndByDraggingACard() {
        view.change(ModelSpec.of(Shape.of(2), new DenseSpec(4), new ReluSpec(), new DenseSpec(1)));
        _click(button("build-card-0-down"));
        assertEquals(List.of("relu", "dense", "dense"), kinds());
        assertEquals("→ [2]", shapeText(0));
        _click(button("build-card-1-up"));
        assertEquals(List.of("dense", "relu", "dense"), kinds());
        Div header = (Div) card(2).getChildren().findFirst().orElseThrow();
        drop(header, card(0));
        assertEquals(List.of("dense", "dense", "relu"), kinds(), "a dragged card takes the place of the one it is dropped on");
        assertEquals(new DenseSpec(1), view.spec().layers().getFirst());
        _click(button("build-card-0-duplicate"));
        _click(button("build-card-3-delete"));
        assertEquals(List.of("dense", "dense", "dense"), kinds());
    }

    @Test
    void editingASettingRecomputesShapesParametersAndTotals() {
        view.change(Presets.DIGIT_CNN.spec());
        _setValue(_get(IntegerField.class, s -> s.withId("build-card-7-units")), 32);
        assertEquals(new DenseSpec(32), view.spec().layers().get(7));
        assertEquals("→ [32]", shapeText(7));
        assertEquals(String.format(Locale.ROOT, "%,d", view.spec().paramCount()), stat("build-total-params"));
        _setValue(_get(IntegerField.class, s -> s.withId("build-card-0-filters")), 6);
        assertEquals("→ [6, 24, 24]", shapeText(0));
    }

    @Test
    void invalidGeometryHighlightsTheLayerWithTheEngineMessageAndUndoRestoresIt() {
        ModelSpec before = Presets.DIGIT_CNN.spec();
        view.change(before);
        _setValue(_get(IntegerField.class, s -> s.withId("build-card-0-stride-h")), 2);

        ModelSpec broken = view.spec();
        assertEquals(new Size2(2, 1), ((Conv2dSpec) broken.layers().getFirst()).stride());
        String engine = engineMessage(broken);
        assertTrue(engine.contains("(28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number: change the stride"), engine);
        LayerCard first = card(0);
        assertTrue(first.hasClassName("build-card-invalid"));
        assertEquals(engine, "layer 1 (conv2d): " + first.errorText(), "the card, numbered 1, gives the layer's own words");
        assertEquals("→ ?", shapeText(1), "shapes after the misfit are unknown");

        _click(button("build-undo"));
        assertEquals(before, view.spec());
        assertFalse(card(0).hasClassName("build-card-invalid"));
        assertEquals("→ [5, 24, 24]", shapeText(0));
        _click(button("build-redo"));
        assertEquals(broken, view.spec());
    }

    @Test
    void aValueTheRecordRefusesIsShownOnTheFieldAndUndoDropsIt() {
        ModelSpec before = Presets.DIGIT_CNN.spec();
        view.change(before);
        IntegerField filters = _get(IntegerField.class, s -> s.withId("build-card-3-filters"));
        _setValue(filters, 0);
        assertTrue(filters.isInvalid());
        assertEquals("Conv2d: the number of filters must be at least 1, got 0", filters.getErrorMessage());
        assertEquals("Conv2d: the number of filters must be at least 1, got 0", card(3).errorText());
        assertEquals(before, view.spec(), "the stack keeps its last valid layer");
        assertTrue(button("build-undo").isEnabled());

        _click(button("build-undo"));
        assertEquals(before, view.spec());
        IntegerField fresh = _get(IntegerField.class, s -> s.withId("build-card-3-filters"));
        assertEquals(20, fresh.getValue());
        assertFalse(fresh.isInvalid());
        assertEquals("", card(3).errorText());
    }

    @Test
    void aPresetIsAStartingPointThatCanBeEdited() {
        @SuppressWarnings("unchecked")
        Select<Presets.Preset> presets = _get(Select.class, s -> s.withId("build-preset"));
        _setValue(presets, Presets.find(Presets.Offer.BUILDER, "lenet").orElseThrow());
        assertEquals(Presets.LENET.spec(), view.spec());
        assertEquals(String.format(Locale.ROOT, "%,d", Presets.LENET.spec().paramCount()), stat("build-total-params"));
        assertTrue(_get(Div.class, s -> s.withId("build-compare")).getText().contains("fully connected"));
        _click(button("build-card-11-delete"));
        assertEquals(Presets.LENET.spec().layers().size() - 1, view.spec().layers().size());
        assertTrue(_find(Div.class, s -> s.withId("build-diagram")).getFirst().getElement().getProperty("innerHTML")
                .contains("[1, 28, 28]"));
    }

    @Test
    void importingBadJsonShowsTheEngineMessageAndChangesNothing() {
        ModelSpec before = Presets.XOR.spec();
        view.change(before);
        _click(button("build-import-json"));
        TextArea text = _get(TextArea.class, s -> s.withId("build-import-text"));
        _setValue(text, "{\"format\": \"nnlab-model-spec\", \"version\": 1, \"input\": [2], \"layers\": [{\"kind\": \"dense\"}]}");
        _click(button("build-import-ok"));
        assertTrue(text.isInvalid());
        String expected = exceptionOf(() -> ModelSpec.fromJson(text.getValue()));
        assertEquals(expected, text.getErrorMessage());
        assertEquals(before, view.spec());

        _setValue(text, "{ not json");
        _click(button("build-import-ok"));
        assertTrue(text.getErrorMessage().startsWith("model spec is not valid JSON"), text.getErrorMessage());
        assertEquals(before, view.spec());

        _setValue(text, Presets.PERCEPTRON.spec().toJson());
        _click(button("build-import-ok"));
        assertEquals(Presets.PERCEPTRON.spec(), view.spec());
    }

    @Test
    void shareLinkRestoresTheStack() {
        view.change(Presets.CONV_POOL.spec());
        _click(button("build-share"));
        String link = _get(TextField.class, s -> s.withId("build-share-link")).getValue();
        assertTrue(link.startsWith("build?spec="), link);

        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("build", QueryParameters.fromString(link.substring(link.indexOf('?') + 1)));
        LayerBuilderView opened = assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        assertEquals(Presets.CONV_POOL.spec(), opened.spec());

        UI.getCurrent().navigate("build", QueryParameters.fromString("spec=bm9wZQ"));
        List<Notification> shown = NotificationsKt.getNotifications();
        List<String> texts = shown.stream().map(n -> n.getElement().getProperty("text", "")).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("model spec is not valid JSON")), texts.toString());
    }

    @Test
    void trainThisOpensTheTrainingRouteWithTheSpec() {
        view.change(Presets.XOR.spec());
        if (!RouteConfiguration.forApplicationScope().isPathAvailable("train")) {
            RouteConfiguration.forSessionScope().setRoute("train", TrainStandIn.class);
        }
        List<Location> seen = new java.util.ArrayList<>();
        UI.getCurrent().addBeforeEnterListener(e -> seen.add(e.getLocation()));
        _click(button("build-train"));
        Location location = seen.getFirst();
        assertEquals("train", location.getPath());
        String value = location.getQueryParameters().getParameters().get("spec").getFirst();
        assertEquals(Presets.XOR.spec(), SpecLinks.decode(value));
    }

    @Test
    void saveAndLoadPerSession() {
        view.change(Presets.DIGIT_CNN.spec());
        _click(button("build-save"));
        _setValue(_get(TextField.class, s -> s.withId("build-save-name")), "my cnn");
        _click(button("build-save-ok"));
        _click(button("build-clear"));
        assertTrue(view.spec().layers().isEmpty());
        _click(button("build-load"));
        Button entry = _get(Button.class, s -> s.withText("my cnn"));
        _click(entry);
        assertEquals(Presets.DIGIT_CNN.spec(), view.spec());
    }

    @Test
    void chineseLabelsComeFromTheBuildBundle() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("build");
        assertTrue(_get(Div.class, s -> s.withId("build-palette-conv2d")).getElement().getText().isEmpty());
        Span name = _get(_get(Div.class, s -> s.withId("build-palette-conv2d")), Span.class, s -> s.withClasses("build-palette-name"));
        assertEquals("二维卷积", name.getText());
    }

    /** The JSON import dialog's upload button is in the page's language, not Vaadin's English "Upload File...". */
    @Test
    void theImportUploadSpeaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("build");
        _click(button("build-import-json"));
        com.vaadin.flow.component.upload.Upload upload = _get(com.vaadin.flow.component.upload.Upload.class,
                s -> s.withId("build-import-upload"));
        assertEquals("上传文件…", upload.getI18n().getAddFiles().getOne());
        assertEquals("把文件拖到这里", upload.getI18n().getDropFiles().getOne());
    }

    /** The empty stack, where everyone starts, is no error: its drop zone says what to do. */
    @Test
    void anEmptyStackShowsNoErrorButTheDropZoneSaysWhatToDo() {
        view.change(ModelSpec.of(Shape.of(1, 28, 28)));
        assertTrue(_find(Div.class, s -> s.withId("build-global-error")).isEmpty(), "no visible error");
        assertTrue(_get(Div.class, s -> s.withId("build-drop-end")).getElement().getTextRecursively().contains("empty"));
        view.change(ModelSpec.of(Shape.of(100_000, 100_000, 3), new DenseSpec(10)));
        assertTrue(_get(Div.class, s -> s.withId("build-global-error")).isVisible(), "other network-wide errors still show");
    }

    /** A palette tooltip says in words what the kind does, never the engine's code name such as batch_norm. */
    @Test
    void paletteTooltipsDescribeEachKindInThePagesLanguage() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            useLocale(locale);
            UI.getCurrent().navigate("");
            UI.getCurrent().navigate("build");
            for (LayerKind kind : LayerKinds.all()) {
                Div item = _get(Div.class, s -> s.withId("build-palette-" + kind.name()));
                String title = item.getElement().getAttribute("title");
                String name = _get(item, Span.class, s -> s.withClasses("build-palette-name")).getText();
                assertTrue(title.startsWith(name) && title.length() > name.length() + 5, locale + " " + kind.name() + ": " + title);
                assertFalse(title.contains("_"), locale + " " + kind.name() + ": " + title);
            }
        }
        assertTrue(_get(Div.class, s -> s.withId("build-palette-batch_norm")).getElement().getAttribute("title")
                .startsWith("批归一化："));
    }

    @Test
    void theWeightSharingComparisonAppearsOnlyWithAConvolutionOrRecurrentLayer() {
        view.change(Presets.MLP.spec());
        assertTrue(_find(Div.class, s -> s.withId("build-compare")).isEmpty(), "dense layers share nothing: hidden");
        view.change(Presets.LENET.spec());
        Div compare = _get(Div.class, s -> s.withId("build-compare"));
        assertTrue(compare.isVisible());
        assertTrue(compare.getText().contains("fully connected"), compare.getText());
        view.change(ModelSpec.of(Shape.of(28, 28), new org.nnlab.engine.spec.LstmSpec(16, false), new DenseSpec(10)));
        assertTrue(_get(Div.class, s -> s.withId("build-compare")).isVisible(), "an LSTM shares its weights over time");
    }

    @Test
    void aMisfitIsNamedByTheNumberOnItsCard() {
        List<LayerSpec> layers = new java.util.ArrayList<>(Presets.DIGIT_CNN.spec().layers());
        layers.set(3, Conv2dSpec.of(20, 5).withStride(2));
        view.change(new ModelSpec(Shape.of(1, 28, 28), layers));
        LayerCard misfit = card(3);
        assertEquals("4", _get(misfit, Span.class, s -> s.withClasses("build-card-index")).getText());
        assertFalse(misfit.errorText().contains("layer 3"), misfit.errorText());
        _click(button("build-train"));
        List<String> texts = NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("This network cannot be trained yet: layer 4 (Conv2d): Conv2d:")),
                texts.toString());
    }

    @Test
    void onAPhoneTheSheetAddsALayerBelowTheMarkedOneAndCloses() {
        view.change(ModelSpec.of(Shape.of(2), new DenseSpec(4), new DenseSpec(1)));
        _click(button("build-card-0-insert"));
        _click(button("build-add-layer"));
        com.vaadin.flow.component.dialog.Dialog sheet = _get(com.vaadin.flow.component.dialog.Dialog.class, s -> s.withId("build-sheet"));
        assertTrue(sheet.isOpened());
        _click(button("build-sheet-add-tanh"));
        assertEquals(List.of("dense", "tanh", "dense"), kinds());
        assertFalse(sheet.isOpened());
    }

    @Test
    void anEditRemakesOnlyTheCardsThatChanged() {
        view.change(Presets.LENET.spec());
        LayerCard top = card(0);
        LayerCard bottom = card(11);
        _click(button("build-add-relu"));
        assertTrue(top == card(0) && bottom == card(11), "the cards above the new one stay as they were");
        _click(button("build-card-1-delete"));
        assertTrue(top == card(0), "the top card stays");
        assertEquals(bottom, card(10), "the bottom card moves up a place, renumbered");
        assertEquals("11", _get(bottom, Span.class, s -> s.withClasses("build-card-index")).getText());
        assertEquals(1, _find(bottom, Button.class, s -> s.withId("build-card-10-delete")).size());
        _click(button("build-card-10-delete"));
        assertEquals(Presets.LENET.spec().layers().size() - 1, view.spec().layers().size());
    }

    /** Takes the place of the training view in branches where it does not exist yet (never a @Route). */
    public static class TrainStandIn extends Div {
    }

    // ---------------------------------------------------------------- helpers

    /** Sets a field's value as a user would (Karibu's _setValue does not run against Vaadin 25's fields). */
    private static <V> void _setValue(com.vaadin.flow.component.HasValue<?, V> field, V value) {
        field.setValue(value);
    }

    private static Button button(String id) {
        return _get(Button.class, s -> s.withId(id));
    }

    private List<String> kinds() {
        return view.spec().layers().stream().map(LayerSpec::kind).toList();
    }

    private static LayerCard card(int i) {
        return _get(LayerCard.class, s -> s.withId("build-card-" + i));
    }

    private static String shapeText(int i) {
        return _get(card(i), Span.class, s -> s.withClasses("build-card-shape")).getText();
    }

    private static String numbersText(int i) {
        return _get(card(i), Span.class, s -> s.withClasses("build-card-numbers")).getText();
    }

    private static String stat(String id) {
        Div stat = _get(Div.class, s -> s.withId(id));
        return _get(stat, Span.class, s -> s.withClasses("build-stat-value")).getText();
    }

    private static String engineMessage(ModelSpec spec) {
        return exceptionOf(spec::validate);
    }

    private static String exceptionOf(Runnable r) {
        try {
            r.run();
        } catch (SpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("no SpecException");
    }

    /** What the browser's drag and drop does on the server: a drag start on the source, a drop on the target. */
    private static void drop(Component source, Component target) {
        UI.getCurrent().getInternals().setActiveDragSourceComponent(source);
        ComponentUtil.fireEvent(target, new DropEvent<>(target, true, "copy"));
        UI.getCurrent().getInternals().setActiveDragSourceComponent(null);
    }
}
