package org.nnlab.training;

import java.util.SplittableRandom;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.tensor.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Trains a throw-away LeNet-5 for {@code nnlab.training.warmup-batches} mini-batches (default 300; 0 turns it
 * off) of random images when the server starts, on a background thread at training priority, so that the JIT
 * has compiled the training kernels before the first class trains. Until it has, the engine's Vector API code
 * runs uncompiled and boxes every vector it touches: in the workshop bench the first seconds of 30 runs
 * allocated about 1 GB that way, and the collector's pauses for it stopped every request.
 */
@Component
public class TrainingWarmup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(TrainingWarmup.class);
    private static final int IMAGES = 512;
    private final int batches;
    private volatile Thread thread;

    public TrainingWarmup(@Value("${nnlab.training.warmup-batches:300}") int batches) {
        if (batches < 0) {
            throw new IllegalArgumentException("nnlab.training.warmup-batches must not be negative, got " + batches);
        }
        this.batches = batches;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (batches > 0) {
            thread = Thread.ofPlatform().name("training-warmup").daemon().priority(Thread.NORM_PRIORITY - 1)
                    .start(this::warmUp);
        }
    }

    /** The background thread, while it runs (for tests). */
    Thread thread() {
        return thread;
    }

    /** Trains the throw-away network; returns the mini-batches it took. */
    int warmUp() {
        long start = System.nanoTime();
        Presets.Preset lenet = Presets.LENET;
        SplittableRandom random = new SplittableRandom(1);
        Tensor images = Tensor.uniform(Mnist.IMAGE_SHAPE.withBatch(IMAGES), 0, 1, random);
        int[] labels = random.ints(IMAGES, 0, 10).toArray();
        Sequential model = Sequential.build(lenet.spec(), new SplittableRandom(2));
        int epochs = Math.max(1, (batches * lenet.training().batchSize() + IMAGES - 1) / IMAGES);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropy(), lenet.training().optimizer().create(),
                new Dataset(images, labels), new TrainerConfig(epochs, lenet.training().batchSize(), 0, 3, 1_000, 0));
        try {
            trainer.runSlice(batches, Long.MAX_VALUE, false, e -> {
            }, new TrainingControl());
        } catch (RuntimeException e) {
            log.info("Training warm-up stopped early: {}", e.toString());
        }
        log.info("Training warmed up: {} mini-batches of LeNet-5 in {} ms", trainer.steps(),
                (System.nanoTime() - start) / 1_000_000);
        return trainer.steps();
    }
}
