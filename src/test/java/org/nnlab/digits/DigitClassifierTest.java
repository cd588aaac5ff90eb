package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Shape;

/** The classifier on networks with fixed random weights: the plumbing, not the accuracy. */
class DigitClassifierTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final DigitModel lenet = model("lenet", Presets.LENET.spec());
    private final DigitModel mlp = model("mlp", Presets.MLP.spec());
    private final DigitClassifier classifier = new DigitClassifier(new DigitModels(List.of(owner -> List.of(lenet, mlp))));

    private DigitModel model(String id, ModelSpec spec) {
        return new DigitModel(id, id, () -> {
            loads.incrementAndGet();
            return Sequential.build(spec, new SplittableRandom(7));
        });
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheNetworksOutputForThePreprocessedDrawing() {
        GrayImage drawing = Strokes.one(112);
        Classification c = classifier.classify(lenet, drawing, false);

        assertEquals(10, c.probabilities().length);
        double sum = 0;
        for (float p : c.probabilities()) {
            assertTrue(p > 0 && p < 1, "p = " + p);
            sum += p;
        }
        assertEquals(1, sum, 1e-5);
        for (int d = 0; d < 10; d++) {
            assertTrue(c.probabilities()[c.prediction()] >= c.probabilities()[d]);
        }
        Sequential same = Sequential.build(Presets.LENET.spec(), new SplittableRandom(7));
        float[] logits = same.forward(c.stages().input(), org.nnlab.engine.layer.Mode.INFER).data();
        assertArrayEquals(DigitClassifier.softmax(logits), c.probabilities(), 1e-6f);
        assertEquals(28, c.stages().centred().width());
        assertTrue(c.nanos() > 0);
        assertEquals(List.of(), c.layers());
    }

    @Test
    void aModelEndingInSoftmaxIsNotSoftmaxedTwice() {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10), new SoftmaxSpec());
        DigitModel withSoftmax = model("sm", spec);
        DigitClassifier c = new DigitClassifier(new DigitModels(List.of(owner -> List.of(withSoftmax))));
        Classification result = c.classify(withSoftmax, Strokes.zero(112), false);
        float[] direct = Sequential.build(spec, new SplittableRandom(7))
                .forward(result.stages().input(), org.nnlab.engine.layer.Mode.INFER).data();
        assertArrayEquals(direct, result.probabilities(), 1e-6f);
    }

    @Test
    void cnnShowsEveryConvLayersFeatureMapsAndTheHiddenDenseLayers() {
        Classification c = classifier.classify(lenet, Strokes.zero(112), true);
        List<String> shown = c.layers().stream()
                .map(l -> l.kind() + " " + l.number() + " " + l.activation() + " " + l.shape()).toList();
        assertEquals(List.of("conv2d 1 relu " + Shape.of(6, 28, 28), "conv2d 2 relu " + Shape.of(16, 10, 10),
                "dense 1 relu " + Shape.of(120), "dense 2 relu " + Shape.of(84)), shown);
        for (LayerActivation l : c.layers()) {
            assertEquals(l.shape().size(), l.values().length);
            for (float v : l.values()) {
                assertTrue(v >= 0, "after ReLU nothing is negative");
            }
        }
        assertTrue(c.layers().getFirst().isFeatureMaps());
    }

    @Test
    void mlpShowsItsHiddenUnits() {
        Classification c = classifier.classify(mlp, Strokes.zero(112), true);
        assertEquals(List.of(Shape.of(256), Shape.of(128)), c.layers().stream().map(LayerActivation::shape).toList());
        assertNull(c.layers().stream().filter(LayerActivation::isFeatureMaps).findFirst().orElse(null));
    }

    @Test
    void anEmptyDrawingIsNotClassified() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> classifier.classify(lenet, GrayImage.blank(112, 112), false));
        assertTrue(e.getMessage().contains("no ink"), e.getMessage());
    }

    @Test
    void preprocessedStagesAreReadAsTheyAreWithTheSameResultAsTheDrawing() {
        long start = System.nanoTime();
        org.nnlab.engine.data.DigitStages stages = classifier.preprocess(Strokes.one(112));
        Classification fromStages = classifier.classify(lenet, stages, true, start);
        Classification fromDrawing = classifier.classify(lenet, Strokes.one(112), true);
        assertSame(stages, fromStages.stages(), "the stages are not preprocessed again");
        assertArrayEquals(fromDrawing.probabilities(), fromStages.probabilities());
        assertEquals(fromDrawing.layers().size(), fromStages.layers().size());
        assertTrue(fromStages.nanos() >= 0);
        var e = assertThrows(IllegalArgumentException.class, () -> classifier.classify(lenet,
                classifier.preprocess(GrayImage.blank(112, 112)), false, System.nanoTime()));
        assertTrue(e.getMessage().contains("no ink"), e.getMessage());
    }

    @Test
    void aPreparedInputSkipsPreprocessingButMustBe28By28() {
        GrayImage image = classifier.preprocess(Strokes.one(112)).centred();
        Classification prepared = classifier.classifyPrepared(mlp, image, false);
        Classification drawn = classifier.classify(mlp, Strokes.one(112), false);
        assertArrayEquals(drawn.probabilities(), prepared.probabilities(), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> classifier.classifyPrepared(mlp, GrayImage.blank(20, 20), false));
    }

    @Test
    void threadsClassifyingAtOnceGetTheSameAnswerAsOneThreadAndShareFewCopies() throws Exception {
        GrayImage drawing = Strokes.zero(112);
        float[] expected = classifier.classify(lenet, drawing, false).probabilities();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> classifier.classify(lenet, drawing, false).probabilities()));
            }
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get(), 0f);
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(loads.get() <= 5, "copies of the network loaded: " + loads.get());
    }

    @Test
    void modelsThatDoNotTakeDigitsAreRefusedWithTheReason() {
        DigitModel wrong = model("wrong", ModelSpec.of(Shape.of(784), new DenseSpec(10)));
        DigitClassifier c = new DigitClassifier(new DigitModels(List.of(owner -> List.of(wrong))));
        var e = assertThrows(IllegalStateException.class, () -> c.classify(wrong, Strokes.one(112), false));
        assertTrue(e.getMessage().contains("must take"), e.getMessage());
    }
}
