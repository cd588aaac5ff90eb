package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.MeanSquaredError;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.TrainerEvent.BatchDone;
import org.nnlab.engine.model.TrainerEvent.EpochDone;
import org.nnlab.engine.model.TrainerEvent.Outcome;
import org.nnlab.engine.model.TrainerEvent.TrainingEnded;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class TrainerTest {
    private static final ModelSpec XOR_NET = ModelSpec.of(Shape.of(2), new DenseSpec(8), new TanhSpec(), new DenseSpec(2));

    private static Dataset xor(int copies) {
        Tensor x = Tensor.zeros(4 * copies, 2);
        int[] y = new int[4 * copies];
        for (int i = 0; i < 4 * copies; i++) {
            int a = i & 1;
            int b = (i >> 1) & 1;
            x.set(2 * i, a);
            x.set(2 * i + 1, b);
            y[i] = a ^ b;
        }
        return new Dataset(x, y);
    }

    private static Trainer trainer(long seed, double lr, TrainerConfig config, Dataset data) {
        Sequential model = Sequential.build(XOR_NET, new SplittableRandom(seed));
        return new Trainer(model, new SoftmaxCrossEntropy(), new Adam(lr), data, config);
    }

    @Test
    void mlpLearnsXor() {
        Trainer t = trainer(1, 0.05, TrainerConfig.of(150, 4, 7), xor(2));
        TrainingEnded end = t.fit(e -> { }, new TrainingControl());
        assertEquals(Outcome.COMPLETED, end.outcome());
        Dataset four = xor(1);
        Tensor out = t.model().forward(four.inputs(), Mode.INFER);
        for (int i = 0; i < 4; i++) {
            assertEquals(four.label(i), out.argmaxRow(i), "sample " + i);
        }
        assertTrue(t.evaluate(four).loss() < 0.1, "loss " + t.evaluate(four).loss());
    }

    @Test
    void sameSeedGivesSameWeights() {
        TrainerConfig config = new TrainerConfig(5, 3, 0.25, 11, 2, 1.0);
        Trainer a = trainer(3, 0.05, config, xor(4));
        Trainer b = trainer(3, 0.05, config, xor(4));
        a.fit(e -> { }, new TrainingControl());
        b.fit(e -> { }, new TrainingControl());
        for (int i = 0; i < a.model().params().size(); i++) {
            assertArrayEquals(a.model().params().get(i).value().data(), b.model().params().get(i).value().data());
        }
        Trainer c = trainer(3, 0.05, new TrainerConfig(5, 3, 0.25, 12, 2, 1.0), xor(4));
        c.fit(e -> { }, new TrainingControl());
        assertTrue(!java.util.Arrays.equals(a.model().params().get(0).value().data(), c.model().params().get(0).value().data()));
    }

    @Test
    void eventsEveryKStepsAndAtEpochEnds() {
        List<TrainerEvent> events = new ArrayList<>();
        Trainer t = trainer(1, 0.01, new TrainerConfig(2, 2, 0.25, 5, 4, 0), xor(4));
        t.fit(events::add, new TrainingControl());
        // 16 samples: 12 train, 4 validation; 6 batches per epoch, 12 steps
        List<BatchDone> batches = events.stream().filter(BatchDone.class::isInstance).map(BatchDone.class::cast).toList();
        List<EpochDone> epochs = events.stream().filter(EpochDone.class::isInstance).map(EpochDone.class::cast).toList();
        assertEquals(List.of(4, 8, 12), batches.stream().map(BatchDone::step).toList());
        assertEquals(List.of(6, 12), epochs.stream().map(EpochDone::step).toList());
        assertTrue(epochs.getFirst().layers().getFirst().gradientNorm() > 0);
        assertEquals(6, batches.getFirst().batches());
        assertEquals(2, epochs.size());
        assertTrue(epochs.getFirst().hasValidation() && epochs.getFirst().samplesPerSecond() > 0);
        assertTrue(epochs.get(1).validationAccuracy() >= 0 && epochs.get(1).validationAccuracy() <= 1);
        BatchDone first = batches.getFirst();
        assertEquals(2, first.layers().size());
        assertEquals(0, first.layers().get(0).layer());
        assertEquals(2, first.layers().get(1).layer());
        assertTrue(first.layers().get(0).gradientNorm() > 0 && first.layers().get(0).updateRatio() > 0);
        assertTrue(first.samplesPerSecond() > 0 && Double.isFinite(first.loss()));
        assertInstanceOf(TrainingEnded.class, events.getLast());
    }

    @Test
    void divergenceStopsWithReasonAndRestoresLastGoodWeights() {
        ModelSpec regression = ModelSpec.of(Shape.of(2), new DenseSpec(8), new TanhSpec(), new DenseSpec(1));
        Sequential model = Sequential.build(regression, new SplittableRandom(2));
        Trainer t = new Trainer(model, new MeanSquaredError(MeanSquaredError.Form.MEAN), new Sgd(50), xor(2),
                TrainerConfig.of(200, 2, 1));
        TrainingEnded end = t.fit(e -> { }, new TrainingControl());
        assertEquals(Outcome.DIVERGED, end.outcome());
        assertEquals("diverged at step " + (end.step() + 1) + ": try a smaller learning rate", end.reason().english());
        assertTrue(model.params().stream().allMatch(p -> p.value().allFinite()));
        assertTrue(end.step() > 1, "diverged only at step " + end.step());
        assertTrue(Double.isFinite(t.evaluate(xor(1)).loss()));
        assertEquals(end, t.runSlice(1, Long.MAX_VALUE, true, e -> { }, new TrainingControl()), "it stays ended");
    }

    @Test
    void cancelStopsBetweenBatches() {
        TrainingControl control = new TrainingControl();
        Trainer t = trainer(1, 0.01, new TrainerConfig(100, 1, 0, 5, 1, 0), xor(2));
        TrainingEnded end = t.fit(e -> {
            if (e.step() == 3) {
                control.cancel();
            }
        }, control);
        assertEquals(Outcome.CANCELLED, end.outcome());
        assertEquals(3, end.step());
    }

    @Test
    void slicesRunTheirBatchesAndTheNextGoesOnWhereTheLastStopped() {
        TrainingControl control = new TrainingControl();
        Trainer t = trainer(1, 0.01, new TrainerConfig(2, 2, 0, 5, 1, 0), xor(3));
        List<TrainerEvent> events = new ArrayList<>();
        assertEquals(null, t.runSlice(4, Long.MAX_VALUE, false, events::add, control));
        assertEquals(new Trainer.Progress(4, 0, 8), t.progress());
        assertEquals(null, t.runSlice(4, Long.MAX_VALUE, false, events::add, control));
        assertEquals(new Trainer.Progress(8, 1, 16), t.progress(), "6 batches an epoch");
        TrainingEnded end = t.runSlice(100, Long.MAX_VALUE, false, events::add, control);
        assertEquals(Outcome.COMPLETED, end.outcome());
        assertEquals(12, end.step());
        assertEquals(2, events.stream().filter(e -> e instanceof EpochDone).count());
        assertEquals(1, events.stream().filter(e -> e instanceof TrainingEnded).count());
        assertEquals(end, t.runSlice(1, Long.MAX_VALUE, false, events::add, control));
        assertEquals(1, events.stream().filter(e -> e instanceof TrainingEnded).count(), "the end is reported once");
    }

    @Test
    void aSliceOfOneReportedBatchIsASingleStep() {
        Trainer t = trainer(1, 0.01, TrainerConfig.of(1, 3, 5), xor(2));
        float before = t.model().params().getFirst().value().get(0);
        List<TrainerEvent> events = new ArrayList<>();
        assertEquals(null, t.runSlice(1, Long.MAX_VALUE, true, events::add, new TrainingControl()));
        BatchDone done = assertInstanceOf(BatchDone.class, events.getFirst());
        assertEquals(1, events.size());
        assertEquals(1, done.step());
        assertEquals(1, done.batch());
        assertEquals(3, done.batches());
        assertEquals(1, done.layers().size() > 0 ? 1 : 0, "a step reports layer statistics");
        assertEquals(1, t.steps());
        assertTrue(before != t.model().params().getFirst().value().get(0));
        t.runSlice(1, Long.MAX_VALUE, true, events::add, new TrainingControl());
        t.runSlice(1, Long.MAX_VALUE, true, events::add, new TrainingControl());
        assertEquals(1, t.epochs());
    }

    @Test
    void rejectsDataOfWrongShapeLabelsOutOfRangeAndDoubleSoftmax() {
        Sequential model = Sequential.build(XOR_NET, new SplittableRandom(1));
        Dataset threeFeatures = new Dataset(Tensor.zeros(2, 3), new int[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(model, new SoftmaxCrossEntropy(), new Sgd(0.1), threeFeatures, TrainerConfig.of(1, 1, 1)));
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
        Dataset badLabel = new Dataset(Tensor.zeros(2, 2), new int[] {0, 2});
        e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(model, new SoftmaxCrossEntropy(), new Sgd(0.1), badLabel, TrainerConfig.of(1, 1, 1)));
        assertTrue(e.getMessage().contains("label 2") && e.getMessage().contains("0..1"), e.getMessage());
        Sequential withSoftmax = Sequential.build(ModelSpec.of(Shape.of(2), new DenseSpec(2), new SoftmaxSpec()),
                new SplittableRandom(1));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(withSoftmax, new SoftmaxCrossEntropy(), new Sgd(0.1), xor(1), TrainerConfig.of(1, 1, 1)));
        assertTrue(e.getMessage().contains("remove the final softmax"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(model, new SoftmaxCrossEntropy(), new Sgd(0.1),
                xor(1), new TrainerConfig(1, 1, 0.9, 1, 1, 0)));
        assertTrue(e.getMessage().contains("leaves no training samples"), e.getMessage());
    }

    @Test
    void aCancelBeforeTheFirstBatchEndsWithoutTraining() {
        TrainingControl control = new TrainingControl();
        control.cancel();
        Trainer t = trainer(1, 0.01, TrainerConfig.of(1, 4, 5), xor(2));
        assertEquals(Outcome.CANCELLED, t.fit(e -> { }, control).outcome());
        assertEquals(0, t.steps());
    }

    @Test
    void evaluationScoresEachSampleOnceWhenTheLastBatchIsFilledUp() {
        Trainer t = trainer(3, 0.05, TrainerConfig.of(5, 4, 7), xor(2));
        t.fit(e -> { }, new TrainingControl());
        Dataset seven = new Dataset(Tensor.of(Shape.of(7, 2), 0, 0, 0, 1, 1, 0, 1, 1, 0.5f, 0.5f, 0.2f, 0.9f, 1, 0.3f),
                new int[] {0, 1, 1, 0, 1, 0, 1});
        // the same samples scored one at a time, added up by hand
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < seven.size(); i++) {
            Dataset one = seven.subset(new int[] {i});
            Tensor out = t.model().forward(one.inputs(), Mode.INFER);
            lossSum += loss.evaluate(out, new int[] {seven.label(i)}, Tensor.zeros(out.shape()));
            correct += out.argmaxRow(0) == seven.label(i) ? 1 : 0;
        }
        for (int round = 0; round < 2; round++) {
            Metrics m = t.evaluate(seven);
            assertEquals(lossSum / 7, m.loss(), 1e-6);
            assertEquals(correct / 7.0, m.accuracy(), 1e-12);
        }
    }

    @Test
    void progressCountsStepsEpochsAndSamples() {
        Trainer t = trainer(1, 0.01, TrainerConfig.of(2, 3, 5), xor(2));
        assertEquals(new Trainer.Progress(0, 0, 0), t.progress());
        t.runSlice(2, Long.MAX_VALUE, false, e -> { }, new TrainingControl());
        assertEquals(new Trainer.Progress(2, 0, 6), t.progress());
        t.runSlice(1, Long.MAX_VALUE, false, e -> { }, new TrainingControl());
        assertEquals(new Trainer.Progress(3, 1, 8), t.progress());
    }
}
