package org.nnlab.labs.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.sequence.LabeledSequences;

/** The blank sentences: seeded, labelled only at the blank, and settled only by a word after it. */
class BlankSentencesTest {

    @Test
    void onlyAWordAfterTheBlankSettlesItsAnswer() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            BlankSentences bank = BlankSentences.forLocale(locale);
            List<BlankSentences.Sentence> drawn = bank.draw(500, 3);
            Map<String, Integer> answerOfBefore = new HashMap<>();
            Map<String, Integer> answerOfAfter = new HashMap<>();
            boolean beforeAmbiguous = false;
            for (BlankSentences.Sentence s : drawn) {
                String before = String.join(" ", s.tokens().subList(0, s.blank()));
                Integer seen = answerOfBefore.putIfAbsent(before, s.answer());
                beforeAmbiguous |= seen != null && seen != s.answer();
                for (String word : s.tokens().subList(s.blank() + 1, s.tokens().size())) {
                    answerOfAfter.merge(word, s.answer(), (a, b) -> a.equals(b) ? a : -1);
                }
            }
            assertTrue(beforeAmbiguous, "the same beginning goes with different answers");
            assertEquals(2 * bank.answers(), answerOfAfter.values().stream().filter(a -> a >= 0).count(),
                    "exactly the clue words after the blank each settle one answer: " + answerOfAfter);
            assertEquals(drawn, bank.draw(500, 3));
            assertNotEquals(drawn, bank.draw(500, 4));
        }
    }

    @Test
    void encodedOneHotWithTheLabelAtTheBlankOnly() {
        BlankSentences bank = BlankSentences.forLocale(Locale.SIMPLIFIED_CHINESE);
        List<BlankSentences.Sentence> drawn = bank.draw(20, 1);
        LabeledSequences data = bank.encode(drawn);
        assertEquals(20 * bank.steps(), data.labels().length);
        for (int n = 0; n < drawn.size(); n++) {
            for (int t = 0; t < bank.steps(); t++) {
                int label = data.labels()[n * bank.steps() + t];
                assertEquals(t == drawn.get(n).blank() ? drawn.get(n).answer() : LabeledSequences.NO_LABEL, label);
            }
        }
        double ones = 0;
        for (float v : data.inputs().data()) {
            ones += v;
        }
        assertEquals(20 * bank.steps(), ones);
        String text = bank.text(drawn.getFirst(), bank.answer(drawn.getFirst().answer()));
        assertTrue(!text.contains(" ") && !text.contains("___") && text.endsWith("。"), text);
    }

    @Test
    void theOneWayNetworkIsMatchedByWidthOrByWeights() {
        BlankSentences bank = BlankSentences.forLocale(Locale.ENGLISH);
        long[] width = new BlankRace(bank, true, BlankRace.Matching.WIDTH, 1).paramCounts();
        assertTrue(width[1] > 1.8 * width[0], "same width: the bidirectional layer has about twice the weights");
        BlankRace byWeights = new BlankRace(bank, true, BlankRace.Matching.WEIGHTS, 1);
        long[] weights = byWeights.paramCounts();
        assertTrue(Math.abs(weights[0] - weights[1]) < 0.1 * weights[1], weights[0] + " vs " + weights[1]);
        assertTrue(byWeights.unitsPerDirection(0) > BlankRace.HIDDEN);
        assertEquals(3 * 2 * BlankRace.HIDDEN, byWeights.statesPerStep(3));
    }
}
