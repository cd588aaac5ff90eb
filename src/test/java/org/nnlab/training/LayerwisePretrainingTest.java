package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Pretraining;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.tensor.Shape;

/** A run that pretrains its sigmoid stack layer by layer, then fine-tunes; slices run by hand. */
class LayerwisePretrainingTest {
    private static final ModelSpec STACK = ModelSpec.of(Shape.of(1, 4, 4), new FlattenSpec(), new DenseSpec(8),
            new SigmoidSpec(), new DenseSpec(6), new SigmoidSpec(), new DenseSpec(3));
    private final ManualTraining lab = new ManualTraining(
            new TrainingProperties(2, 1_000_000, 2, 1, 40, 5, 1000, 100_000, 5, 3, 120), new SyntheticData());
    private final TrainingService service = lab.service();

    @AfterEach
    void close() {
        lab.close();
    }

    private static TrainingRequest request(ModelSpec spec, int pretrainEpochs) {
        return new TrainingRequest("stack", spec, new DataChoice("synthetic", 200),
                new OptimizerConfig(OptimizerKind.SGD, 0.5, 0, 0), 10, 2, 7, false, 0.2, pretrainEpochs);
    }

    @Test
    void pretrainsEachLayerThenFineTunesAndTheModelFileSaysSo() throws Exception {
        JobId id = service.start("ann", request(STACK, 2)).id();
        lab.runNextSlice();
        PretrainingProgress first = service.pretraining("ann", id).orElseThrow();
        assertEquals(0, first.layer());
        assertEquals(2, first.layers());
        assertEquals(0, service.snapshot("ann", id).step(), "no fine-tuning step while pretraining");
        assertNotNull(first.filters());
        assertEquals(8, first.filters().count(), "the bottom RBM's 8 hidden units as 4×4 pictures");
        assertEquals(16, first.filters().values().length / 8);

        int slices = 1;
        while (service.snapshot("ann", id).step() == 0 && lab.runNextSlice()) {
            slices++;
        }
        assertTrue(slices > 2, "pretraining took more than one slice: " + slices);
        PretrainingProgress done = service.pretraining("ann", id).orElseThrow();
        assertTrue(done.isDone());
        assertEquals(1, done.fraction(), 1e-9);
        Set<Integer> layers = done.curve().stream().map(PretrainingProgress.ErrorPoint::layer).collect(Collectors.toSet());
        assertEquals(Set.of(0, 1), layers, "a reconstruction-error curve for each layer");
        assertTrue(done.curve().stream().allMatch(p -> Double.isFinite(p.error()) && p.error() >= 0));
        assertEquals(6, done.filters().count(), "the top RBM's units seen through the bottom one");

        lab.runUntilIdle();
        assertEquals(JobState.FINISHED, service.snapshot("ann", id).state());
        Pretraining record = ModelFile.contentsOf(service.modelFile("ann", id), ModelFileLimits.LENGTH_ONLY).pretraining();
        assertEquals(2, record.layers().size());
        assertEquals(1, record.layers().get(0).layerIndex());
        assertEquals(3, record.layers().get(1).layerIndex());
        assertEquals(16, record.layers().get(0).visible());
        assertEquals(6, record.layers().get(1).hidden());
        assertEquals(2, record.layers().get(0).epochs());
    }

    @Test
    void pausingStopsThePretrainingAndStopEndsTheRunWithoutAModel() {
        JobId id = service.start("bea", request(STACK, 3)).id();
        lab.runNextSlice();
        service.pause("bea", id);
        assertFalse(lab.runNextSlice(), "a paused run gets no turn");
        int pointsBefore = service.pretraining("bea", id).orElseThrow().curve().size();
        service.step("bea", id);
        lab.runUntilIdle();
        assertEquals(JobState.PAUSED, service.snapshot("bea", id).state());
        assertEquals(0, service.snapshot("bea", id).step(), "one RBM update, no fine-tuning");
        assertTrue(service.pretraining("bea", id).orElseThrow().curve().size() >= pointsBefore);
        service.stop("bea", id);
        lab.runUntilIdle();
        assertEquals(JobState.CANCELLED, service.snapshot("bea", id).state());
    }

    @Test
    void onlyDenseSigmoidStacksArePretrained() {
        ModelSpec relu = ModelSpec.of(Shape.of(1, 4, 4), new FlattenSpec(), new DenseSpec(8), new ReluSpec(), new DenseSpec(3));
        TrainingRefusedException e = assertThrows(TrainingRefusedException.class, () -> service.start("cai", request(relu, 1)));
        assertEquals("train.error.pretrainStack", e.messageKey());
        assertTrue(service.pretraining("cai", service.start("cai", request(relu, 0)).id()).isEmpty(), "no phase without it");
    }
}
