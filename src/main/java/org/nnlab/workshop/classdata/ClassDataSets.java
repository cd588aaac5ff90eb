package org.nnlab.workshop.classdata;

import java.io.IOException;
import java.util.List;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.training.DataChoice;
import org.nnlab.training.DataProvider;
import org.nnlab.training.MnistTrainingData;
import org.nnlab.training.TrainingData;
import org.nnlab.workshop.RoomService;
import org.springframework.stereotype.Component;

/**
 * A room's class drawings as data sets for training runs: {@code class-<room>} trains on the room's
 * training drawings, {@code class-mnist-<room>} on the first {@code size} MNIST training images together
 * with them. Both test on the room's held-out drawings, read when the run begins.
 */
@Component
class ClassDataSets implements DataProvider {
    static final String CLASS = DataChoice.CLASS;
    static final String CLASS_WITH_MNIST = "class-mnist-";
    /** The fewest training drawings a run on the class dataset starts with. */
    static final int MIN_TRAINING = 10;

    private final ClassDrawings drawings;
    private final MnistTrainingData mnist;
    private final RoomService rooms;

    ClassDataSets(ClassDrawings drawings, MnistTrainingData mnist, RoomService rooms) {
        this.drawings = drawings;
        this.mnist = mnist;
        this.rooms = rooms;
    }

    /** A participant may train on their room's class drawings once there are enough to train on. */
    @Override
    public List<DataChoice> offeredTo(String owner) {
        return rooms.participantOf(owner)
                .filter(p -> trainingCount(drawings.countsByLabel(p.roomId())) >= MIN_TRAINING)
                .map(p -> List.of(classOnly(p.roomId())))
                .orElse(List.of());
    }

    /** How many of the drawings counted per digit are for training (the rest are held out). */
    static int trainingCount(int[] counts) {
        int training = 0;
        for (int count : counts) {
            training += count - (count + ClassDrawings.HOLD_OUT_EVERY - 1) / ClassDrawings.HOLD_OUT_EVERY;
        }
        return training;
    }

    static DataChoice classOnly(String roomId) {
        return new DataChoice(CLASS + roomId, 0);
    }

    static DataChoice withMnist(String roomId, int mnistImages) {
        return new DataChoice(CLASS_WITH_MNIST + roomId, mnistImages);
    }

    @Override
    public boolean handles(DataChoice choice) {
        return choice.dataset().startsWith(CLASS);
    }

    private static boolean mixed(DataChoice choice) {
        return choice.dataset().startsWith(CLASS_WITH_MNIST);
    }

    private static String roomOf(DataChoice choice) {
        return choice.dataset().substring(mixed(choice) ? CLASS_WITH_MNIST.length() : CLASS.length());
    }

    @Override
    public int trainingSize(DataChoice choice) {
        int training = trainingCount(drawings.countsByLabel(roomOf(choice)));
        if (training < MIN_TRAINING) {
            throw new LocalizedException("classdata.error.tooFewToTrain", "the class has " + training
                    + " drawings to train on; at least " + MIN_TRAINING + " are needed",
                    training, MIN_TRAINING, ClassDrawings.HOLD_OUT_EVERY);
        }
        return mixed(choice) ? training + mnist.trainingSize(DataChoice.mnist(choice.size())) : training;
    }

    @Override
    public TrainingData.Sets load(DataChoice choice) throws IOException {
        ClassDrawings.Split split = drawings.split(roomOf(choice));
        Dataset test = split.heldOut().toDataset();
        if (!mixed(choice)) {
            return new TrainingData.Sets(split.training().toDataset(), test);
        }
        Dataset digits = mnist.load(DataChoice.mnist(choice.size())).train();
        return new TrainingData.Sets(concat(digits, split.training()), test);
    }

    /** MNIST images followed by the class's, as one data set (a copy). */
    static Dataset concat(Dataset mnistImages, LabeledImages own) {
        int n = mnistImages.size();
        Tensor first = mnistImages.inputs();
        float[] pixels = new float[(n + own.size()) * own.imageSize()];
        System.arraycopy(first.data(), 0, pixels, 0, n * own.imageSize());
        System.arraycopy(own.pixels(), 0, pixels, n * own.imageSize(), own.size() * own.imageSize());
        int[] labels = new int[n + own.size()];
        for (int i = 0; i < n; i++) {
            labels[i] = mnistImages.label(i);
        }
        System.arraycopy(own.labels(), 0, labels, n, own.size());
        return new LabeledImages(own.rows(), own.cols(), pixels, labels).toDataset();
    }
}
