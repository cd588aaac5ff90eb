package org.nnlab.labs.playground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.playground.PlaygroundFrame;
import org.nnlab.labs.playground.PlaygroundSettings;

class PlaygroundViewTest extends KaribuSpringTest {

    private static PlaygroundView open(String link) {
        String[] parts = link.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], com.vaadin.flow.router.QueryParameters.fromString(parts.length > 1 ? parts[1] : ""));
        return _get(PlaygroundView.class);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the condition did not come true within a minute");
            }
            Thread.sleep(20);
            MockVaadin.clientRoundtrip(false);
        }
    }

    @Test
    void theLinkSetsTheExperimentAndPlayingTrainsItUntilXorIsSeparated() throws InterruptedException {
        PlaygroundView view = open("labs/playground?data=xor&hidden=4&lr=0.1&act=tanh");
        assertEquals("xor", view.controls.dataset.getValue());
        assertEquals(1, view.controls.layers.getValue());
        assertEquals(0.1, view.controls.learningRate.getValue());
        waitUntil(() -> view.shown != null);
        PlaygroundFrame first = view.shown;
        assertEquals(0, first.epoch());
        view.play.click();
        waitUntil(() -> view.shown.epoch() >= 3);
        assertFalse(Arrays.equals(first.boundary(), view.shown.boundary()), "the boundary moved while training");
        assertTrue(view.status.getText().startsWith("Epoch "), view.status.getText());
        waitUntil(() -> view.isTaskDone("xor"));
        view.play.click();
        LabProgress progress = context.getBean(LabProgress.class);
        assertTrue(progress.completed(CurrentOwner.id(), Chapter.PLAYGROUND).contains("xor"), "the task is stored");
    }

    @Test
    void changingASettingRestartsAndPutsItInTheLink() throws InterruptedException {
        PlaygroundView view = open("labs/playground");
        waitUntil(() -> view.shown != null);
        view.controls.dataset.setValue("spiral");
        view.controls.layers.setValue(3);
        waitUntil(() -> view.shown.settings().hidden().size() == 3);
        PlaygroundSettings s = view.shown.settings();
        assertEquals(ToyDataset.SPIRAL, s.dataset());
        assertEquals(List.of(4, 2, 4), s.hidden());
        view.step.click();
        waitUntil(() -> view.shown.epoch() == 1);
        assertFalse(view.play.getText().contains("Pause"), "stepping does not start playing");
    }

    @Test
    void ownPointsComeFromClicks() throws InterruptedException {
        PlaygroundView view = open("labs/playground?data=own&points=-3,0,0;3,0,1");
        waitUntil(() -> view.shown != null);
        assertEquals(null, view.shown.settings().dataset());
        assertEquals(2, view.shown.settings().ownPoints().size());
        com.vaadin.flow.component.ComponentUtil.fireEvent(view.boundary,
                new PlaygroundBoundary.PointAddEvent(view.boundary, true, 1.234, -2.5, true));
        waitUntil(() -> view.shown.settings().ownPoints().size() == 3);
        assertEquals(0, view.shown.settings().ownPoints().getLast().label());
        assertEquals(1.23, view.shown.settings().ownPoints().getLast().x1());
    }

    @Test
    void thePageSpeaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        PlaygroundView view = open("labs/playground?data=gauss");
        assertEquals(ToyDataset.GAUSSIANS, PlaygroundSettings.defaults().withDataset(ToyDataset.GAUSSIANS).dataset());
        assertEquals("两个高斯分布", view.controls.dataset.getItemLabelGenerator().apply("gauss"));
        assertTrue(_get(view, H1.class).getText().length() > 0);
        assertEquals("播放", view.play.getText());
    }
}
