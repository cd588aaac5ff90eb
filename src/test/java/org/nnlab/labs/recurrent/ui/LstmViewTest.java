package org.nnlab.labs.recurrent.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;

/** The LSTM lab's race on the real engine and the server's shared workers. */
class LstmViewTest extends KaribuSpringTest {

    @Test
    void atTwentyStepsTheLstmWinsAndItsGatesAreDrawn() throws InterruptedException {
        UI.getCurrent().navigate("labs/lstm");
        LstmView view = _get(LstmView.class);
        assertEquals(20, view.lag.getValue());
        long t0 = System.nanoTime();
        view.start.click();
        RecurrentViewTest.waitUntil(() -> view.isTaskDone("race"));
        System.out.printf("N = 20: LSTM %.2f, RNN %.2f after %d mini-batches, %.1f s%n",
                view.shown.gated()[view.shown.gated().length - 1], view.shown.rnn()[view.shown.rnn().length - 1],
                view.shown.batches(), (System.nanoTime() - t0) / 1e9);
        assertEquals(24, view.shown.traces().get("forget").length, "24 steps: 3 lead, the key, 20 to remember");
        assertTrue(view.heatmaps.getChildren().allMatch(c -> c.isVisible()));
        float[][] forget = view.shown.traces().get("forget");
        double mean = 0;
        for (int t = 5; t < 24; t++) {
            for (float v : forget[t]) {
                mean += v / (19.0 * forget[t].length);
            }
        }
        System.out.printf("mean forget gate over the gap: %.3f%n", mean);
        view.step.setValue(12);
        assertTrue(view.isTaskDone("gates"));
        view.stop.click();
    }

    @Test
    void gruIsSwitchableAndThePageSpeaksChinese() throws InterruptedException {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("labs/lstm");
        LstmView view = _get(LstmView.class);
        assertEquals("开始比赛", view.start.getText());
        view.variant.setValue("gru");
        view.lag.setValue(5);
        view.start.click();
        RecurrentViewTest.waitUntil(() -> view.shown != null && view.shown.rnn().length > 0);
        assertTrue(!view.shown.traces().containsKey("forget") && view.shown.traces().containsKey("hidden"));
        view.stop.click();
    }
}
