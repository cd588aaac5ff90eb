package org.nnlab.labs.recurrent.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.labs.recurrent.BlankRace;

/** The bidirectional lab's race on the real engine and the server's shared workers. */
class BidirectionalViewTest extends KaribuSpringTest {

    @Test
    void theBidirectionalNetworkFillsTheBlankWhileTheOneWayGuesses() throws InterruptedException {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("labs/bidirectional");
        BidirectionalView view = _get(BidirectionalView.class);
        assertEquals("开始", view.start.getText());
        long t0 = System.nanoTime();
        view.start.click();
        RecurrentViewTest.waitUntil(() -> view.isTaskDone("blank") && view.isTaskDone("deep"));
        System.out.printf("fill in the blank: accuracies %s after %d mini-batches, %.1f s%n",
                view.shown.accuracy().stream().map(c -> String.format(Locale.ROOT, "%.2f", c[c.length - 1])).toList(),
                view.shown.batches(), (System.nanoTime() - t0) / 1e9);
        assertEquals(BlankRace.STEPS, view.shown.forward().length);
        assertEquals(BlankRace.HIDDEN, view.shown.backward()[0].length);
        assertTrue(_get(Anchor.class, s -> s.withId("bidir-open-3")).getHref().startsWith("build"));
        view.stop.click();
    }
}
