package org.nnlab.labs.deep.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.Mnist;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.springframework.test.context.TestPropertySource;

/** The deep lab on the real training service and real MNIST digits (skipped where MNIST is not present). */
@TestPropertySource(properties = "nnlab.data-dir=${NNLAB_DATA_DIR:${user.home}/.nnlab}")
class DeepViewTest extends KaribuSpringTest {

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the condition did not come true within two minutes");
            }
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
    }

    private static void assumeMnist() {
        String dir = System.getenv().getOrDefault("NNLAB_DATA_DIR", System.getProperty("user.home") + "/.nnlab");
        Assumptions.assumeTrue(Mnist.isPresent(DataDirectory.mnist(DataDirectory.resolve(dir))), "MNIST is not in " + dir);
    }

    @Test
    void sigmoidGradientsVanishTowardsTheInputAndReluWithHeEvensThemOut() throws InterruptedException {
        assumeMnist();
        UI.getCurrent().navigate("labs/deep");
        DeepView view = _get(DeepView.class);
        view.depth.setValue(8);
        view.start.click();
        waitUntil(() -> view.shown != null && view.shown.step() >= DeepView.SETTLE_STEPS);
        assertEquals(9, view.shown.gradientNorms().length, "8 hidden layers and the output");
        List<String> first = view.gradients.texts();
        waitUntil(() -> !view.gradients.texts().equals(first));
        waitUntil(() -> view.isTaskDone("vanish"));
        assertTrue(view.shown.lastOverFirst() >= DeepView.VANISHED, "last/first = " + view.shown.lastOverFirst());

        view.activation.setValue("relu");
        view.init.setValue("he");
        view.start.click();
        waitUntil(() -> view.isTaskDone("relu"));
        assertTrue(view.shown.spread() <= DeepView.EVEN, "spread " + view.shown.spread());
        view.stop.click();
        LabProgress progress = context.getBean(LabProgress.class);
        assertEquals(java.util.Set.of("vanish", "relu"), progress.completed(CurrentOwner.id(), Chapter.DEEP));
    }

    @Test
    void thePageSpeaksChineseAndLinksForward() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("labs/deep");
        DeepView view = _get(DeepView.class);
        assertEquals("开始", view.start.getText());
        assertNotEquals(null, _get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("deep-next")).getHref());
        assertTrue(_get(com.vaadin.flow.component.html.Anchor.class, s -> s.withId("deep-next")).getHref().endsWith("labs/pretraining"));
    }
}
