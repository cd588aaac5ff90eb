package org.nnlab.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinRequest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.OwnerCookieFilter;
import org.nnlab.builder.SavedSpecService;
import org.nnlab.digits.DigitModel;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.Strokes;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelSummary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One owner for every feature, and it outlives the session: a browser that comes back with its
 * {@code nnlab-owner} cookie in a new session sees its saved models, networks and drawings again; another
 * browser sees none of them.
 */
class ReturningBrowserTest extends KaribuSpringTest {
    private static final ModelSpec DIGITS = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));

    @Autowired
    ModelStore models;
    @Autowired
    SavedSpecService specs;
    @Autowired
    DrawingCollection drawings;

    @Test
    void theCookiesIdIsTheOwnerAndTheSessionKeepsIt() {
        String id = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, id);
        assertEquals(id, CurrentOwner.id());
        sendCookie(OwnerCookieFilter.COOKIE, UUID.randomUUID().toString());
        assertEquals(id, CurrentOwner.id(), "the session keeps the id it started with");
    }

    @Test
    void theFirstRequestUsesTheIdTheFilterJustMade() {
        String id = UUID.randomUUID().toString();
        VaadinRequest.getCurrent().setAttribute(OwnerCookieFilter.ATTRIBUTE, id);
        assertEquals(id, CurrentOwner.id());
    }

    @Test
    void aSessionWithoutCookieStillGetsAnIdOfItsOwn() {
        String first = CurrentOwner.id();
        assertTrue(OwnerCookieFilter.isValid(first), first);
        assertEquals(first, CurrentOwner.id());
        newSession();
        assertNotEquals(first, CurrentOwner.id());
    }

    @Test
    void aReturningBrowserSeesItsSavedModelsNetworksAndDrawingsInANewSession() {
        String browser = UUID.randomUUID().toString();
        sendCookie(OwnerCookieFilter.COOKIE, browser);
        String owner = CurrentOwner.id();
        assertEquals(browser, owner);
        ModelSummary model = models.save(owner, "my digits model",
                ModelFile.toBytes(Sequential.build(DIGITS, new SplittableRandom(3))), "{}");
        specs.save(owner, "my network", DIGITS);
        drawings.add(owner, new DigitPreprocessor().process(Strokes.one(112)).centred(), 1, 1, "mnist-cnn");
        drawings.add(owner, new DigitPreprocessor().process(Strokes.zero(112)).centred(), 0, 0, "mnist-cnn");

        newSession();
        sendCookie(OwnerCookieFilter.COOKIE, browser);
        assertEquals(List.of("my digits model"), savedModelNames());
        assertTrue(drawModelIds().contains(model.id()), "Draw offers the saved model: " + drawModelIds());
        assertEquals("Your collection: 2 drawings", _get(Span.class, s -> s.withId("feedback-status")).getText());
        assertTrue(savedNetworkNames().contains("my network"), savedNetworkNames().toString());

        newSession();
        sendCookie(OwnerCookieFilter.COOKIE, UUID.randomUUID().toString());
        assertEquals(List.of(), savedModelNames(), "another browser sees none of it");
        assertTrue(!drawModelIds().contains(model.id()));
        assertEquals("Your collection: no drawings yet", _get(Span.class, s -> s.withId("feedback-status")).getText());
        assertTrue(!savedNetworkNames().contains("my network"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> savedModelNames() {
        UI.getCurrent().navigate("train");
        Grid<ModelSummary> grid = _get(Grid.class, s -> s.withId("saved-models-grid"));
        return grid.getGenericDataView().getItems().map(ModelSummary::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> drawModelIds() {
        UI.getCurrent().navigate("draw");
        Select<DigitModel> select = _get(Select.class, s -> s.withId("model"));
        return select.getGenericDataView().getItems().map(DigitModel::id).toList();
    }

    private static List<String> savedNetworkNames() {
        UI.getCurrent().navigate("build");
        _click(_get(Button.class, s -> s.withId("build-load")));
        return _find(Button.class, s -> s.withClasses("build-saved-open")).stream().map(Button::getText).toList();
    }
}
