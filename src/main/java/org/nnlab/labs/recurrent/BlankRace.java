package org.nnlab.labs.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.recurrent.Bidirectional;
import org.nnlab.engine.layer.recurrent.SequenceTrace;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Fill in the blank of {@link BlankSentences}, where only a word after the blank decides it: a one-way network and
 * bidirectional ones with 1, 2 and 3 stacked layers (each reading the previous layer's concatenated forward and
 * backward states) train side by side on the same mini-batches and are scored on the same separately drawn
 * sentences. The one-way network is matched to the bidirectional ones by a stated {@link Matching} rule. The first
 * bidirectional layer's forward and backward states for one sentence are recorded by the engine, and a few
 * sentences are shown with each network's guess.
 */
public final class BlankRace implements LiveLab.Work<BlankRace.Frame> {
    /** Hidden units per direction of every bidirectional layer. */
    public static final int HIDDEN = 8;
    public static final int BATCH = 32;
    public static final int MAX_DEPTH = 3;
    /** Sentences shown with the networks' guesses. */
    public static final int SHOWN = 4;
    private static final int SCORE_EVERY = 8;
    private static final int MAX_ONE_WAY_UNITS = 64;

    /** How the one-way network is sized against the bidirectional one. */
    public enum Matching {
        /** As many hidden units as one direction of the bidirectional layer: it then has about half the weights. */
        WIDTH,
        /** As many units as bring its weights closest to the one-layer bidirectional network's. */
        WEIGHTS
    }

    /**
     * @param batches  mini-batches each model trained
     * @param accuracy per model (one-way, then bidirectional depth 1..3) its accuracy curve
     * @param forward  the first bidirectional layer's forward states for the first shown sentence, [steps][hidden]
     * @param backward its backward states, [steps][hidden]
     * @param guesses  per shown sentence, the answer each model (one-way, then depth 1..3) picks for its blank
     */
    public record Frame(long batches, List<double[]> accuracy, float[][] forward, float[][] backward,
                        List<int[]> guesses) {
    }

    private final BlankSentences sentences;
    private final boolean lstm;
    private final int oneWayUnits;
    private final LabeledSequences train;
    private final LabeledSequences held;
    private final List<BlankSentences.Sentence> shownSentences;
    private final LabeledSequences shown;
    private final List<Sequential> models = new ArrayList<>();
    private final List<Adam> optimizers = new ArrayList<>();
    private final SplittableRandom rng;
    private final List<double[]> scores = new ArrayList<>();
    private long batches;

    public BlankRace(BlankSentences sentences, boolean lstm, Matching matching, long seed) {
        this.sentences = sentences;
        this.lstm = lstm;
        this.oneWayUnits = oneWayUnits(sentences, lstm, matching);
        this.train = sentences.encode(sentences.draw(2048, seed));
        this.held = sentences.encode(sentences.draw(256, seed + 1));
        this.shownSentences = sentences.draw(SHOWN, seed + 4);
        this.shown = sentences.encode(shownSentences);
        this.rng = new SplittableRandom(seed + 2);
        for (int m = 0; m <= MAX_DEPTH; m++) {
            models.add(Sequential.build(spec(m), new SplittableRandom(seed + 3)));
            optimizers.add(new Adam(0.02));
        }
    }

    /** Model 0: the one-way network; model d: d stacked bidirectional layers. */
    public ModelSpec spec(int model) {
        return spec(sentences, lstm, oneWayUnits, model);
    }

    /** The one-layer bidirectional network for {@code sentences}, before any race has started. */
    public static ModelSpec bidirectional(BlankSentences sentences, boolean lstm) {
        return spec(sentences, lstm, HIDDEN, 1);
    }

    private static ModelSpec spec(BlankSentences sentences, boolean lstm, int oneWayUnits, int depth) {
        List<LayerSpec> layers = new ArrayList<>();
        if (depth == 0) {
            layers.add(cell(lstm, oneWayUnits));
        }
        for (int d = 0; d < depth; d++) {
            layers.add(new BidirectionalSpec(cell(lstm, HIDDEN)));
        }
        layers.add(new TimeDenseSpec(sentences.answers()));
        return new ModelSpec(Shape.of(sentences.steps(), sentences.features()), layers);
    }

    private static RecurrentSpec cell(boolean lstm, int units) {
        return lstm ? new LstmSpec(units, true) : new SimpleRnnSpec(units, true);
    }

    private static int oneWayUnits(BlankSentences sentences, boolean lstm, Matching matching) {
        if (matching == Matching.WIDTH) {
            return HIDDEN;
        }
        long target = weights(bidirectional(sentences, lstm));
        int best = HIDDEN;
        for (int u = 1; u <= MAX_ONE_WAY_UNITS; u++) {
            long gap = Math.abs(weights(spec(sentences, lstm, u, 0)) - target);
            if (gap < Math.abs(weights(spec(sentences, lstm, best, 0)) - target)) {
                best = u;
            }
        }
        return best;
    }

    private static long weights(ModelSpec spec) {
        return weights(Sequential.build(spec, new SplittableRandom(0)));
    }

    private static long weights(Sequential model) {
        return model.params().stream().mapToLong(p -> p.value().size()).sum();
    }

    /** Weights of each model, one-way first. */
    public long[] paramCounts() {
        return models.stream().mapToLong(BlankRace::weights).toArray();
    }

    /** Hidden values each model keeps per step (for the backward pass): all its layers' outputs together. */
    public int statesPerStep(int model) {
        return model == 0 ? oneWayUnits : model * 2 * HIDDEN;
    }

    /** Hidden units per direction: the one-way network's, or {@link #HIDDEN} for the bidirectional ones. */
    public int unitsPerDirection(int model) {
        return model == 0 ? oneWayUnits : HIDDEN;
    }

    public boolean isLstm() {
        return lstm;
    }

    public BlankSentences sentences() {
        return sentences;
    }

    /** The sentences shown with the guesses, in frame order. */
    public List<BlankSentences.Sentence> shownSentences() {
        return shownSentences;
    }

    public double chance() {
        return 1.0 / sentences.answers();
    }

    @Override
    public synchronized boolean advance(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        do {
            LabeledSequences batch = SequenceFit.randomBatch(train, rng, BATCH);
            for (int m = 0; m < models.size(); m++) {
                SequenceFit.step(models.get(m), batch, optimizers.get(m));
            }
            batches++;
            if (batches % SCORE_EVERY == 0) {
                scores.add(models.stream().mapToDouble(m -> SequenceFit.accuracy(m, held)).toArray());
            }
        } while (System.nanoTime() < end);
        return true;
    }

    @Override
    public synchronized Frame frame() {
        List<double[]> curves = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            double[] c = new double[scores.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = scores.get(i)[m];
            }
            curves.add(c);
        }
        List<int[]> guesses = new ArrayList<>();
        for (int s = 0; s < SHOWN; s++) {
            guesses.add(new int[models.size()]);
        }
        for (int m = 0; m < models.size(); m++) {
            Tensor logits = models.get(m).forward(shown.inputs(), Mode.INFER);
            for (int s = 0; s < SHOWN; s++) {
                guesses.get(s)[m] = logits.argmaxRow(s * sentences.steps() + shownSentences.get(s).blank());
            }
        }
        Sequential bi = models.get(1);
        Bidirectional layer = (Bidirectional) bi.layers().getFirst();
        layer.recording(true);
        bi.forward(shown.slice(0, 1).inputs(), Mode.INFER);
        layer.recording(false);
        return new Frame(batches, curves, grid(layer.forwardLayer().hiddenStates()),
                grid(layer.backwardLayer().hiddenStates()), guesses);
    }

    private static float[][] grid(SequenceTrace trace) {
        float[][] g = new float[trace.steps()][];
        for (int t = 0; t < trace.steps(); t++) {
            g[t] = trace.at(0, t);
        }
        return g;
    }
}
