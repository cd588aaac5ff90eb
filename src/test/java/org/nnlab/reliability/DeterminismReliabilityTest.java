package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.nnlab.training.WorkingTraining;
import org.nnlab.training.ui.FakeMnist;

/**
 * Issue 13, "same seed, same result": a seeded run trained alone (its slices get every core) and the same
 * run next to five others (its slices get fewer threads) end with the same model, bit for bit.
 */
class DeterminismReliabilityTest {
    private static final ModelSpec CNN = ModelSpec.of(Shape.of(1, 28, 28),
            Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2),
            Conv2dSpec.of(16, 5), new ReluSpec(), MaxPool2dSpec.of(2), new FlattenSpec(),
            new DenseSpec(32), new ReluSpec(), new DenseSpec(10));

    private static TrainingRequest run(long seed) {
        return new TrainingRequest("cnn", CNN, new DataChoice(DataChoice.MNIST, 1200),
                new OptimizerConfig(OptimizerKind.SGD, 0.05, 0.9, 0), 32, 2, seed, false, 0.1);
    }

    @Test
    void aSeededRunEndsWithTheSameModelAloneAndNextToFiveOthers() throws Exception {
        byte[] alone = train(0);
        byte[] crowded = train(5);
        assertEquals(weights(alone).size(), weights(crowded).size());
        for (int i = 0; i < weights(alone).size(); i++) {
            assertArrayEquals(weights(alone).get(i), weights(crowded).get(i), "parameter " + i);
        }
        assertArrayEquals(alone, crowded, "the model files are the same byte for byte");
    }

    /** Trains the seed-7 run with {@code others} other runs started at the same moment; returns its model file. */
    private static byte[] train(int others) throws InterruptedException {
        TrainingProperties properties = TrainingProperties.defaults().withWorkers(2);
        try (WorkingTraining training = new WorkingTraining(properties, new FakeMnist())) {
            TrainingService service = training.service();
            List<JobId> crowd = new ArrayList<>();
            JobId mine = service.start("me", run(7)).id();
            for (int i = 0; i < others; i++) {
                crowd.add(service.start("other" + i, run(100 + i)).id());
            }
            JobSnapshot end = awaitEnd(service, "me", mine);
            assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));
            for (int i = 0; i < others; i++) {
                assertEquals(JobState.FINISHED, awaitEnd(service, "other" + i, crowd.get(i)).state());
            }
            return service.modelFile("me", mine);
        }
    }

    private static JobSnapshot awaitEnd(TrainingService service, String owner, JobId id) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        JobSnapshot s = service.snapshot(owner, id);
        while (!s.state().isFinal()) {
            assertTrue(System.nanoTime() < deadline, "the run ends within 5 minutes");
            Thread.sleep(20);
            s = service.snapshot(owner, id);
        }
        return s;
    }

    private static List<int[]> weights(byte[] modelFile) throws ModelFileException {
        List<int[]> all = new ArrayList<>();
        for (Param p : ModelFile.fromBytes(modelFile).params()) {
            float[] v = p.value().data();
            int[] bits = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                bits[i] = Float.floatToRawIntBits(v[i]);
            }
            all.add(bits);
        }
        return all;
    }
}
