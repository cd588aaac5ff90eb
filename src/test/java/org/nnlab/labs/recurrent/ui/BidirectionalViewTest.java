package org.nnlab.labs.recurrent.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.labs.recurrent.BlankRace;
import org.nnlab.labs.recurrent.BlankSentences;

/** The bidirectional lab's race on sentences, on the real engine and the server's shared workers. */
class BidirectionalViewTest extends KaribuSpringTest {

    @Test
    void theBidirectionalNetworkFillsTheBlankWhileTheOneWayGuesses() throws InterruptedException {
        useLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("labs/bidirectional");
        BidirectionalView view = _get(BidirectionalView.class);
        assertEquals("开始", view.controls.start.getText());
        assertTrue(sentenceTexts(view).stream().allMatch(s -> s.contains("___") && s.endsWith("。") && !s.contains(" ")),
                "Chinese sentences with a blank: " + sentenceTexts(view));
        long t0 = System.nanoTime();
        view.controls.start.click();
        RecurrentViewTest.waitUntil(() -> view.isTaskDone("blank") && view.isTaskDone("deep"));
        System.out.printf("fill in the blank (sentences): accuracies %s after %d mini-batches, %.1f s%n",
                view.shown.accuracy().stream().map(c -> String.format(Locale.ROOT, "%.2f", c[c.length - 1])).toList(),
                view.shown.batches(), (System.nanoTime() - t0) / 1e9);
        assertTrue(view.rule.getText().startsWith("规则"));
        assertEquals(BlankRace.SHOWN, view.sentences.getChildren().count());
        view.sentences.getChildren().forEach(row -> assertEquals(row.getElement().getAttribute("data-answer"),
                row.getElement().getAttribute("data-bidirectional")));
        assertEquals(BlankRace.HIDDEN, view.shown.backward()[0].length);
        assertTrue(_get(Anchor.class, s -> s.withId("bidir-open-3")).getHref().startsWith("build"));
        view.controls.stop.click();
    }

    @Test
    void englishSentencesAndAOneWayNetworkMatchedByWeights() throws InterruptedException {
        UI.getCurrent().navigate("labs/bidirectional");
        BidirectionalView view = _get(BidirectionalView.class);
        assertTrue(sentenceTexts(view).stream().allMatch(s -> s.contains(" ___ ") && s.endsWith(".")),
                "English sentences with a blank: " + sentenceTexts(view));
        view.matching.setValue(BlankRace.Matching.WEIGHTS);
        view.cell.setValue("rnn");
        view.controls.start.click();
        RecurrentViewTest.waitUntil(() -> view.shown != null && view.shown.accuracy().getFirst().length > 0);
        view.controls.stop.click();
        String rule = view.rule.getText();
        assertTrue(rule.startsWith("Rule: same number of weights"), rule);
        long[] weights = new BlankRace(BlankSentences.forLocale(Locale.ENGLISH), false, BlankRace.Matching.WEIGHTS, 1)
                .paramCounts();
        assertTrue(rule.contains(" " + weights[0] + " weights") && rule.contains(" " + weights[1] + " of the bidirectional"),
                rule);
    }

    private static List<String> sentenceTexts(BidirectionalView view) {
        return view.sentences.getChildren().map(r -> r.getChildren().findFirst().orElseThrow().getElement().getText())
                .toList();
    }
}
