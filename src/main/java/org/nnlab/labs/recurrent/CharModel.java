package org.nnlab.labs.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.data.sequence.CharCorpus;
import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Tensor;

/**
 * A next-character model trained on one text: an embedding of each character, a tanh RNN or an LSTM reading the
 * characters one by one, and at every step a dense layer and softmax over the text's characters. It trains with
 * Adam on random windows of the text; the loss of every mini-batch is kept for the curve. Thread-safe (one lock):
 * a worker trains it while the page asks for predictions.
 */
public final class CharModel implements LiveLab.Work<CharModel.Frame> {
    /** Characters per training window. */
    public static final int WINDOW = 16;
    public static final int BATCH = 32;
    public static final int HIDDEN = 64;
    public static final int EMBEDDING = 16;
    private static final int MAX_CURVE = 400;

    /** The page's view of the model: mini-batches trained and the loss curve (one point per {@code stride} batches). */
    public record Frame(long batches, double loss, double[] curve, int stride) {
    }

    /** One candidate next character with its probability. */
    public record Guess(String character, double probability) {
    }

    private final CharCorpus corpus;
    private final boolean lstm;
    private final Sequential model;
    private final Adam adam = new Adam(0.01);
    private final SplittableRandom rng;
    private final List<Double> curve = new ArrayList<>();
    private int stride = 1;
    private double strideSum;
    private int strideCount;
    private long batches;
    private double lastLoss = Double.NaN;

    public CharModel(CharCorpus corpus, boolean lstm, long seed) {
        if (corpus.length() <= WINDOW + 1) {
            throw new LocalizedException("labs.recurrent.error.short", "text shorter than " + (WINDOW + 2), WINDOW + 2);
        }
        this.corpus = corpus;
        this.lstm = lstm;
        this.rng = new SplittableRandom(seed);
        this.model = Sequential.build(spec(corpus.vocabularySize(), lstm), new SplittableRandom(seed + 1));
    }

    /** Embedding → tanh RNN or LSTM (every step) → dense per step over the {@code vocabulary}. */
    public static ModelSpec spec(int vocabulary, boolean lstm) {
        return ModelSpec.of(Shape.of(WINDOW), new EmbeddingSpec(vocabulary, EMBEDDING),
                lstm ? new LstmSpec(HIDDEN, true) : new SimpleRnnSpec(HIDDEN, true), new TimeDenseSpec(vocabulary));
    }

    public CharCorpus corpus() {
        return corpus;
    }

    public boolean isLstm() {
        return lstm;
    }

    public ModelSpec spec() {
        return model.spec();
    }

    @Override
    public synchronized boolean advance(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        do {
            LabeledSequences batch = corpus.windows(BATCH, WINDOW, rng.nextLong());
            lastLoss = SequenceFit.step(model, batch, adam);
            batches++;
            addToCurve(lastLoss);
        } while (System.nanoTime() < end);
        return true;
    }

    private void addToCurve(double loss) {
        strideSum += loss;
        if (++strideCount < stride) {
            return;
        }
        curve.add(strideSum / strideCount);
        strideSum = 0;
        strideCount = 0;
        if (curve.size() >= MAX_CURVE) {
            List<Double> halved = new ArrayList<>();
            for (int i = 0; i + 1 < curve.size(); i += 2) {
                halved.add((curve.get(i) + curve.get(i + 1)) / 2);
            }
            curve.clear();
            curve.addAll(halved);
            stride *= 2;
        }
    }

    @Override
    public synchronized Frame frame() {
        return new Frame(batches, lastLoss, curve.stream().mapToDouble(Double::doubleValue).toArray(), stride);
    }

    /**
     * For every character of {@code prompt}, the {@code top} most likely next characters after the prompt up to and
     * including it. Characters not in the text are refused.
     */
    public synchronized List<List<Guess>> nextCharacters(String prompt, int top) {
        int[] ids = ids(prompt);
        Tensor in = Tensor.zeros(Shape.of(1, ids.length));
        for (int i = 0; i < ids.length; i++) {
            in.set(i, ids[i]);
        }
        Tensor logits = model.forward(in, Mode.INFER);
        int v = corpus.vocabularySize();
        List<List<Guess>> steps = new ArrayList<>();
        for (int t = 0; t < ids.length; t++) {
            double[] p = org.nnlab.engine.tensor.SoftmaxKernel.probabilities(logits.data(), t * v, v, 1.0);
            Integer[] order = new Integer[v];
            for (int j = 0; j < v; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
            List<Guess> guesses = new ArrayList<>();
            for (int k = 0; k < Math.min(top, v); k++) {
                guesses.add(new Guess(corpus.decode(order[k]), p[order[k]]));
            }
            steps.add(guesses);
        }
        return steps;
    }

    /** {@code prompt} and {@code count} characters drawn one by one at {@code temperature}. */
    public synchronized String sample(String prompt, int count, double temperature, long seed) {
        ids(prompt);
        return corpus.sample(x -> model.forward(x, Mode.INFER), prompt, count, temperature, new SplittableRandom(seed));
    }

    private int[] ids(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            throw new LocalizedException("labs.recurrent.error.prompt", "empty prompt");
        }
        try {
            return corpus.encode(prompt);
        } catch (IllegalArgumentException e) {
            throw new LocalizedException("labs.recurrent.error.unknown", e.getMessage());
        }
    }
}
