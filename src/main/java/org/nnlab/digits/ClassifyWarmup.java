package org.nnlab.digits;

import java.util.Optional;
import java.util.SplittableRandom;
import org.nnlab.engine.data.DigitStages;
import org.nnlab.engine.data.GrayImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Reads {@code nnlab.classify.warmup} drawings (default 300; 0 turns it off) through the real classify path when
 * the server starts: preprocessing, the default model's forward pass (with and without the layers Draw shows)
 * and the probabilities. Until the JIT has compiled that path a classification takes tens of milliseconds
 * instead of a few, and the first people of a class (or the first load test) would pay for it; the drawings
 * also load the copies of the model two requests at once need.
 */
@Component
public class ClassifyWarmup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ClassifyWarmup.class);
    /** The drawings' side: about what the pad sends, larger than the model's 28 so that preprocessing scales. */
    static final int SIDE = 112;
    private final DigitModels models;
    private final DigitClassifier classifier;
    private final int drawings;

    public ClassifyWarmup(DigitModels models, DigitClassifier classifier, @Value("${nnlab.classify.warmup:300}") int drawings) {
        if (drawings < 0) {
            throw new IllegalArgumentException("nnlab.classify.warmup must not be negative, got " + drawings);
        }
        this.models = models;
        this.classifier = classifier;
        this.drawings = drawings;
    }

    @Override
    public void run(ApplicationArguments args) {
        warmUp();
    }

    /** Loads two copies of the default model and classifies the drawings; returns how many were read. */
    public int warmUp() {
        Optional<DigitModel> model = models.defaultModel(null);
        if (drawings == 0 || model.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        // one borrowed while the other is: two requests at once then find a copy each, none loads one from disk
        models.withNetwork(model.get(), a -> models.withNetwork(model.get(), b -> 0));
        int done = classify(model.get(), drawings);
        log.info("Classify warmed up: {} drawings in {} ms", done, (System.nanoTime() - start) / 1_000_000);
        return done;
    }

    private int classify(DigitModel model, int count) {
        SplittableRandom random = new SplittableRandom(count);
        int done = 0;
        for (int i = 0; i < count; i++) {
            DigitStages stages = classifier.preprocess(drawing(random));
            if (!stages.empty()) {
                classifier.classify(model, stages, i % 4 == 0, System.nanoTime());
                done++;
            }
        }
        return done;
    }

    /** A few thick random strokes, ink = 1, the way a hand draws a digit on the pad. */
    static GrayImage drawing(SplittableRandom random) {
        GrayImage image = GrayImage.blank(SIDE, SIDE);
        int strokes = 1 + random.nextInt(3);
        double x = SIDE * (0.3 + 0.4 * random.nextDouble());
        double y = SIDE * (0.2 + 0.2 * random.nextDouble());
        for (int s = 0; s < strokes; s++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            for (int step = 0; step < 40; step++) {
                angle += (random.nextDouble() - 0.5) * 0.6;
                x = Math.clamp(x + 1.5 * Math.cos(angle), 6, SIDE - 7);
                y = Math.clamp(y + 1.5 * Math.sin(angle), 6, SIDE - 7);
                for (int dy = -4; dy <= 4; dy++) {
                    for (int dx = -4; dx <= 4; dx++) {
                        if (dx * dx + dy * dy <= 16) {
                            image.set((int) x + dx, (int) y + dy, 1f);
                        }
                    }
                }
            }
        }
        return image;
    }
}
