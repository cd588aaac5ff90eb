package org.nnlab.engine.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Pretraining;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** Greedy pretraining of a 2-layer DBN, its conversion to a classifier, fine-tuning, and its model file. */
class DbnTest {
    /** 4×4 images of one horizontal (label 0) or vertical (label 1) bar with a little pixel noise. */
    private static Dataset bars(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(n, 1, 4, 4);
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            y[s] = rng.nextInt(2);
            int line = rng.nextInt(4);
            for (int p = 0; p < 16; p++) {
                boolean on = y[s] == 0 ? p / 4 == line : p % 4 == line;
                x.data()[s * 16 + p] = on != (rng.nextDouble() < 0.03) ? 1 : 0;
            }
        }
        return new Dataset(x, y);
    }

    private static GreedyPretrainer pretrainer() {
        return new GreedyPretrainer(bars(400, 1), bars(100, 2), new int[] {12, 6}, RbmConfig.cd(1, 0.1).withBatchSize(10), 5, 3);
    }

    @Test
    void eachLayerLearnsFromTheHiddenProbabilitiesOfTheOneBelow() {
        List<Integer> layers = new ArrayList<>();
        Dbn dbn = pretrainer().run((layer, epoch) -> layers.add(layer));
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1), layers);
        assertEquals(16, dbn.rbms().get(0).visible());
        assertEquals(12, dbn.rbms().get(1).visible());
        Tensor x = bars(3, 5).inputs();
        Tensor expected = dbn.rbms().get(1).hiddenProbabilities(dbn.rbms().get(0).hiddenProbabilities(x));
        assertArrayEquals(expected.data(), dbn.up(x).data());
    }

    @Test
    void batchByBatchGivesTheSameStackAsRunningAll() {
        Dbn all = pretrainer().run((l, e) -> { });
        GreedyPretrainer stepwise = pretrainer();
        while (!stepwise.isDone()) {
            stepwise.runBatch();
        }
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(all.rbms().get(i).weight().value().data(), stepwise.dbn().rbms().get(i).weight().value().data());
        }
    }

    @Test
    void theClassifierComputesTheStacksHiddenProbabilitiesFineTunesAndRoundTripsThroughItsModelFile() throws Exception {
        Dbn dbn = pretrainer().run((l, e) -> { });
        DbnClassifier classifier = dbn.toClassifier(Shape.of(1, 4, 4), 2, new SplittableRandom(4));
        Sequential model = classifier.model();
        Tensor x = bars(5, 6).inputs();
        List<Tensor> outputs = model.forwardAll(x);
        assertArrayEquals(dbn.up(x).data(), outputs.get(5).data(), 1e-6f, "Flatten, Dense, Sigmoid, Dense, Sigmoid");

        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), new Sgd(0.5, 0.9, 0), bars(400, 1),
                TrainerConfig.of(20, 10, 1));
        assertEquals(TrainerEvent.Outcome.COMPLETED, trainer.fit(e -> { }, new TrainingControl()).outcome());
        Dataset test = bars(200, 9);
        int right = 0;
        Tensor scores = model.forward(test.inputs(), Mode.INFER);
        for (int i = 0; i < test.size(); i++) {
            right += scores.argmaxRow(i) == test.label(i) ? 1 : 0;
        }
        assertTrue(right > 180, "fine-tuned accuracy " + right + " / 200");

        byte[] bytes = ModelFile.toBytes(model, classifier.pretraining());
        ModelFile.Contents back = ModelFile.contentsOf(bytes, ModelFileLimits.LENGTH_ONLY);
        assertArrayEquals(model.forward(x, Mode.INFER).data(), back.model().forward(x, Mode.INFER).data());
        assertEquals(classifier.pretraining(), back.pretraining());
        Pretraining.RbmLayer second = back.pretraining().layers().get(1);
        assertEquals(3, second.layerIndex());
        assertEquals(12, second.visible());
        assertEquals(6, second.hidden());
        assertEquals(5, second.epochs());
        assertTrue(second.reconstructionError() > 0 && second.reconstructionError() < 0.25);
    }
}
