package org.nnlab.engine.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.datasets.MnistTestData;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;

/** An RBM on a small slice of the real MNIST (needs the files, see {@link MnistTestData}). */
class RbmMnistTest {
    @Test
    void cdOneOnTwoThousandDigitsLowersTheReconstructionError() throws IOException {
        Path dir = MnistTestData.requireMnist();
        LabeledImages train = Mnist.load(dir, Mnist.Split.TRAIN).first(2000);
        LabeledImages test = Mnist.load(dir, Mnist.Split.TEST).first(500);
        Rbm rbm = Rbm.random(784, 100, 0.01, new SplittableRandom(1));
        RbmTrainer trainer = new RbmTrainer(rbm, RbmConfig.cd(1, 0.1).withBatchSize(20), train.toDataset(),
                test.toDataset(), 3, 7);
        RbmEpoch before = trainer.measure(0, Double.NaN);
        List<RbmEpoch> history = trainer.fit(e -> { });
        assertEquals(3, history.size());
        RbmEpoch last = history.getLast();
        assertTrue(last.heldOutReconstructionError() < 0.6 * before.heldOutReconstructionError(),
                "held-out reconstruction error " + before.heldOutReconstructionError() + " -> " + last.heldOutReconstructionError());
        assertTrue(last.reconstructionError() < history.getFirst().reconstructionError(),
                "training reconstruction error by epoch: " + history.stream().map(RbmEpoch::reconstructionError).toList());
        assertTrue(last.trainFreeEnergy() < before.trainFreeEnergy(), "the data became more likely");
        assertTrue(Math.abs(last.freeEnergyGap()) < 0.1 * Math.abs(last.trainFreeEnergy()),
                "3 epochs on 2,000 digits do not overfit: gap " + last.freeEnergyGap());
        assertTrue(last.activity().rarelyOn() < 0.5, "most hidden units respond: " + last.activity().rarelyOn());
    }
}
