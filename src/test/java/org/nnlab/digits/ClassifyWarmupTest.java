package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.DigitStages;

/** The classify warm-up at start: the shipped model, real drawings, the path a request takes. */
class ClassifyWarmupTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger classified = new AtomicInteger();
    private final DigitModels models = new DigitModels(List.of(owner -> new ShippedDigitModels().models(owner).stream()
            .map(m -> new DigitModel(m.id(), m.name(), () -> {
                loads.incrementAndGet();
                return m.loader().load();
            })).toList()));
    private final DigitClassifier classifier = new DigitClassifier(models) {
        @Override
        public Classification classify(DigitModel model, DigitStages stages, boolean withLayers, long startNanos) {
            classified.incrementAndGet();
            return super.classify(model, stages, withLayers, startNanos);
        }
    };

    @Test
    void classifiesTheDrawingsWithTheDefaultModelAndLoadsTwoCopies() {
        assertEquals(300, new ClassifyWarmup(models, classifier, 300).warmUp());
        assertEquals(300, classified.get());
        assertEquals(2, loads.get(), "two copies, ready for two requests at once");
        // a request after it finds a copy waiting and loads none
        classifier.classify(models.defaultModel(null).orElseThrow(), ClassifyWarmup.drawing(new SplittableRandom(9)), false);
        assertEquals(2, loads.get());
    }

    @Test
    void zeroTurnsItOffAndLessIsRefused() {
        assertEquals(0, new ClassifyWarmup(models, classifier, 0).warmUp());
        assertEquals(0, loads.get());
        assertThrows(IllegalArgumentException.class, () -> new ClassifyWarmup(models, classifier, -1));
    }

    @Test
    void theDrawingsHaveInkAndDiffer() {
        SplittableRandom random = new SplittableRandom(3);
        Set<Integer> predictions = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            var drawing = ClassifyWarmup.drawing(random);
            assertFalse(classifier.preprocess(drawing).empty());
            predictions.add(classifier.classify(models.defaultModel(null).orElseThrow(), drawing, false).prediction());
        }
        assertTrue(predictions.size() >= 3, "the model reads different digits in them: " + predictions);
    }
}
