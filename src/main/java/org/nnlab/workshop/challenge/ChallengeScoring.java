package org.nnlab.workshop.challenge;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.model.ConfusionMatrix;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.training.DataChoice;
import org.nnlab.training.MnistTrainingData;
import org.nnlab.training.TrainingData;
import org.nnlab.training.TrainingService;
import org.nnlab.workshop.classdata.ClassData;
import org.springframework.stereotype.Component;

/**
 * Scores a finished run's model (its kept checkpoint) the same way for everyone: on all 10,000 MNIST test
 * images, or on the room's held-out class drawings, read in the network's input shape.
 */
@Component
class ChallengeScoring {
    private final TrainingService training;
    private final MnistTrainingData mnist;
    private final ClassData classData;

    ChallengeScoring(TrainingService training, MnistTrainingData mnist, ClassData classData) {
        this.training = training;
        this.mnist = mnist;
        this.classData = classData;
    }

    /** Accuracy 0..1 of the run's model; NaN when there is nothing to test on. */
    double score(String roomId, TrainingService.EndedRun run, Challenge.Objective objective) {
        try {
            Sequential model = ModelFile.fromBytes(training.modelFile(run.owner(), run.snapshot().id()));
            Dataset test = switch (objective) {
                case MNIST_TEST -> mnist.load(DataChoice.mnist(0)).test();
                case CLASS_HELD_OUT -> classData.heldOut(roomId).toDataset();
            };
            if (test.size() == 0) {
                return Double.NaN;
            }
            Dataset shaped = new TrainingData.Sets(test, test).shapedFor(model.spec().input()).test();
            ConfusionMatrix m = ConfusionMatrix.of(model, shaped, 256);
            return (double) m.correct() / m.total();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
