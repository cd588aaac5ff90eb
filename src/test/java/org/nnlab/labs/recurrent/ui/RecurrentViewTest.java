package org.nnlab.labs.recurrent.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;

/** The recurrent lab on the real engine and the server's shared workers. */
class RecurrentViewTest extends KaribuSpringTest {

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 90_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the condition did not come true within 90 s");
            }
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
    }

    @Test
    void aModelTrainedOnThePastedTextSaysWhatFollowsWoShiZhongGuo() throws InterruptedException {
        UI.getCurrent().navigate("labs/recurrent");
        RecurrentView view = _get(RecurrentView.class);
        assertEquals("pasted", view.text.getValue());
        assertTrue(view.pasted.getValue().contains("我是中国人"));
        long t0 = System.nanoTime();
        view.train.click();
        waitUntil(() -> view.nextChars.getChildren().count() == 4
                && "人".equals(view.nextChars.getChildren().toList().get(3).getElement().getAttribute("data-best")));
        System.out.printf("我是中国 → 人 after %.1f s of training%n", (System.nanoTime() - t0) / 1e9);
        view.stop.click();
        assertEquals(0, view.samples.getChildren().count());
        view.temperature.setValue(1.5);
        assertEquals("Temperature: 1.5", view.temperature.getLabel());
        List<String> hot = sampleTexts(view);
        assertEquals(3, hot.size(), "moving the slider samples again");
        assertTrue(hot.stream().allMatch(s -> s.startsWith("我是中国") && s.length() > 4), hot.toString());
        view.sample.click();
        assertEquals(3, view.samples.getChildren().count());
        assertTrue(!hot.equals(sampleTexts(view)), "each sampling draws anew");
        assertTrue(view.isTaskDone("predict"));
    }

    /** The continuations shown. */
    private static List<String> sampleTexts(RecurrentView view) {
        return view.samples.getChildren().map(c -> c.getElement().getText()).toList();
    }

    @Test
    void theRnnGradientVanishesWhereTheLstmHoldsAndExplodesWithLargeWeights() {
        UI.getCurrent().navigate("labs/recurrent");
        RecurrentView view = _get(RecurrentView.class);
        assertTrue(view.isTaskDone("vanish"), "the page opens with the vanishing picture");
        assertEquals(2, view.bars.getChildren().filter(c -> c.hasClassName("nnlab-bptt-row")).count());
        view.scale.setValue(3.0);
        view.backward.click();
        assertTrue(view.isTaskDone("explode"));
        double exploded = view.shownNorms.rnn()[0];
        view.clip.setValue(true);
        view.backward.click();
        assertTrue(view.shownNorms.rnn()[0] < exploded / 10, "clipping caps the gradient: " + view.shownNorms.rnn()[0]);
        LabProgress progress = context.getBean(LabProgress.class);
        assertEquals(Set.of("vanish", "explode"), progress.completed(CurrentOwner.id(), Chapter.RECURRENT));
    }

    @Test
    void thePageSpeaksChinese() {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("labs/recurrent");
        RecurrentView view = _get(RecurrentView.class);
        assertEquals("训练", view.train.getText());
        assertEquals(4, view.unrolled.getChildren().filter(c -> c.hasClassName("nnlab-unrolled-step")).count());
    }
}
