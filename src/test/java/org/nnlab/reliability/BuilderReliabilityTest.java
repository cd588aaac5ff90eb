package org.nnlab.reliability;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.builder.SpecLinks;
import org.nnlab.builder.ui.LayerBuilderView;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.ui.TrainingDashboardView;

/**
 * Replays the builder's part of the hardening probe: deep links, huge input shapes, oversized specs from
 * a link or pasted, and an out-of-memory error reaching the page. Each must end in a clear sentence in
 * the page, not in a navigation error page, a silent change or a server that holds megabytes per visitor.
 */
class BuilderReliabilityTest extends KaribuSpringTest {
    private static final long MEGABYTE = 1 << 20;

    /** The probe's link: 300 layers, 7,850 parameters, 6.7 KB. */
    static ModelSpec deep(int layers) {
        List<LayerSpec> specs = new ArrayList<>(List.of(new DenseSpec(10)));
        while (specs.size() < layers) {
            specs.add(new ReluSpec());
        }
        return new ModelSpec(Shape.of(784), specs);
    }

    private static void open(String route, String specValue) {
        UI.getCurrent().navigate(route, QueryParameters.simple(java.util.Map.of("spec", specValue)));
    }

    /** The builder opened without a link: the baseline a page's own state is measured against. */
    private static void empty() {
        UI.getCurrent().navigate("build");
    }

    private static String link(ModelSpec spec) {
        String link = SpecLinks.link("build", spec);
        return link.substring(link.indexOf('=') + 1);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
    }

    private static void assertShown(String expected) {
        List<String> texts = notifications();
        assertTrue(texts.stream().anyMatch(t -> t.contains(expected)), "expected \"" + expected + "\" among " + texts);
    }

    @Test
    void aThreeHundredLayerLinkIsRefusedClearlyAndHoldsNoMemoryPerSession() {
        String value = link(deep(300));
        assertEquals(6_673, SpecLinks.link("build", deep(300)).length(), "the probe's link, about 6.7 KB");
        open("build", value);
        long perSession = RetainedHeap.perSession(
            Integer.getInteger("retained.sessions", 4), this::newSession, () -> open("build", value), BuilderReliabilityTest::empty);
        System.out.printf("300-layer build link: %.2f MB retained per session%n", perSession / (double) MEGABYTE);
        assertTrue(perSession < MEGABYTE, "a refused link keeps less than 1 MB per session, kept " + perSession);
        assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        assertShown("This network has 300 layers; the limit here is 100. Use fewer layers.");
    }

    @Test
    void aNetworkAtTheLayerLimitKeepsAModestPageState() {
        String value = link(deep(100));
        open("build", value);
        long perSession = RetainedHeap.perSession(
            Integer.getInteger("retained.sessions", 4), this::newSession, () -> open("build", value), BuilderReliabilityTest::empty);
        System.out.printf("100-layer build link: %.2f MB retained per session%n", perSession / (double) MEGABYTE);
        LayerBuilderView view = assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        assertEquals(100, view.spec().layers().size());
        // Measured 3.41 MB beyond the empty builder alone (about 34 KB per layer card); in a full run, earlier
        // tests' threads added up to 2.2 MB to a measurement before readings were taken as the least of three.
        // Ten times the page's state must fail.
        assertTrue(perSession < 6 * MEGABYTE, "100 layers keep less than 6 MB per session, kept " + perSession);
    }

    @Test
    void theBuilderRefusesToGrowPastTheLayerLimit() {
        open("build", link(deep(100)));
        LayerBuilderView view = assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        _click(_get(Button.class, s -> s.withId("build-add-relu")));
        assertEquals(100, view.spec().layers().size());
        assertShown("This network has 101 layers; the limit here is 100.");
    }

    @Test
    void anOversizedInputShapeIsExplainedInThePage() {
        open("build", link(ModelSpec.of(Shape.of(100_000, 100_000, 3), new DenseSpec(10))));
        assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        String error = _get(Div.class, s -> s.withId("build-global-error")).getText();
        assertTrue(error.contains("[100000, 100000, 3] has 30000000000 values per sample"), error);
    }

    @Test
    void anInputSizeOf1e10IsRefusedNotClamped() {
        String json = "{\"format\": \"nnlab-model-spec\", \"version\": 1, \"input\": [1e10], \"layers\": [{\"kind\": \"relu\"}]}";
        open("build", base64(json));
        LayerBuilderView view = assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        assertTrue(view.spec().layers().isEmpty(), "nothing was opened: " + view.spec());
        assertShown("size 1.0E10 is too large");

        open("build", link(ModelSpec.of(Shape.of(5), new DenseSpec(1))));
        TextField custom = _get(TextField.class, s -> s.withId("build-input-custom"));
        custom.setValue("1e10");
        assertTrue(custom.isInvalid());
        assertEquals("Each size can be at most 2,147,483,647.", custom.getErrorMessage());
    }

    @Test
    void aTenMegabyteSpecFromALinkOrPastedIsRefusedBeforeItIsRead() {
        String huge = "{\"format\": \"nnlab-model-spec\", \"version\": 1, \"input\": [2], \"layers\": ["
                + "{\"kind\": \"relu\"}, ".repeat(10 * 1024 * 1024 / 18) + "{\"kind\": \"relu\"}]}";
        open("build", base64(huge));
        assertInstanceOf(LayerBuilderView.class, UI.getCurrent().getCurrentView());
        assertShown("characters; the limit here is 200,000.");

        _click(_get(Button.class, s -> s.withId("build-import-json")));
        TextArea paste = _get(TextArea.class, s -> s.withId("build-import-text"));
        assertEquals(200_000, paste.getMaxLength(), "the browser stops a paste at the limit");
        paste.setValue(huge);
        _click(_get(Button.class, s -> s.withId("build-import-ok")));
        assertTrue(paste.isInvalid());
        assertTrue(paste.getErrorMessage().contains("characters; the limit here is 200,000."), paste.getErrorMessage());
    }

    @Test
    void aTrainLinkOverTheLayerLimitGetsTheSameMessage() {
        open("train", link(deep(300)));
        assertInstanceOf(TrainingDashboardView.class, UI.getCurrent().getCurrentView());
        assertShown("This network has 300 layers; the limit here is 100. Use fewer layers.");
    }

    @Test
    void outOfMemoryIsExplainedNotSomethingWentWrong() {
        UI.getCurrent().navigate("build");
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new OutOfMemoryError("Java heap space")));
        RetainedHeap.roundtrip();
        assertShown("The server is short of memory right now. Your work is kept");
    }
}
