package org.nnlab.labs.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.data.sequence.FillInTheBlankTask;
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

/**
 * Fill in the blank, where only what follows the blank decides it (the engine's task): a one-way network and
 * bidirectional ones with 1, 2 and 3 stacked layers (each reading the previous layer's concatenated forward and
 * backward states) train side by side on the same mini-batches and are scored on the same held-out sequences. The
 * first bidirectional layer's forward and backward states for one example are recorded by the engine.
 */
public final class BlankRace implements LiveLab.Work<BlankRace.Frame> {
    public static final int STEPS = 10;
    public static final int SYMBOLS = 4;
    public static final int HIDDEN = 8;
    public static final int BATCH = 32;
    public static final int MAX_DEPTH = 3;
    private static final int SCORE_EVERY = 8;

    /**
     * @param batches  mini-batches each model trained
     * @param accuracy per model (one-way, then bidirectional depth 1..3) its accuracy curve
     * @param forward  the first bidirectional layer's forward states for the example, [steps][hidden]
     * @param backward its backward states, [steps][hidden]
     */
    public record Frame(long batches, List<double[]> accuracy, float[][] forward, float[][] backward) {
    }

    private final boolean lstm;
    private final LabeledSequences train;
    private final LabeledSequences held;
    private final LabeledSequences example;
    private final List<Sequential> models = new ArrayList<>();
    private final List<Adam> optimizers = new ArrayList<>();
    private final SplittableRandom rng;
    private final List<double[]> scores = new ArrayList<>();
    private long batches;

    public BlankRace(boolean lstm, long seed) {
        this.lstm = lstm;
        this.train = FillInTheBlankTask.generate(2048, STEPS, SYMBOLS, seed);
        this.held = FillInTheBlankTask.generate(256, STEPS, SYMBOLS, seed + 1);
        this.example = held.slice(0, 1);
        this.rng = new SplittableRandom(seed + 2);
        for (int depth = 0; depth <= MAX_DEPTH; depth++) {
            models.add(Sequential.build(spec(lstm, depth), new SplittableRandom(seed + 3)));
            optimizers.add(new Adam(0.02));
        }
    }

    /** Depth 0: a one-way network of 2·{@link #HIDDEN} units; else that many stacked bidirectional layers. */
    public static ModelSpec spec(boolean lstm, int depth) {
        List<LayerSpec> layers = new ArrayList<>();
        if (depth == 0) {
            layers.add(cell(lstm, 2 * HIDDEN));
        }
        for (int d = 0; d < depth; d++) {
            layers.add(new BidirectionalSpec(cell(lstm, HIDDEN)));
        }
        layers.add(new TimeDenseSpec(SYMBOLS));
        return new ModelSpec(Shape.of(STEPS, SYMBOLS + 1), layers);
    }

    private static RecurrentSpec cell(boolean lstm, int units) {
        return lstm ? new LstmSpec(units, true) : new SimpleRnnSpec(units, true);
    }

    /** Weights of each model, one-way first. */
    public long[] paramCounts() {
        long[] counts = new long[models.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = models.get(i).params().stream().mapToLong(p -> p.value().size()).sum();
        }
        return counts;
    }

    public boolean isLstm() {
        return lstm;
    }

    public static double chance() {
        return 1.0 / SYMBOLS;
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
        Sequential bi = models.get(1);
        Bidirectional layer = (Bidirectional) bi.layers().getFirst();
        layer.recording(true);
        bi.forward(example.inputs(), Mode.INFER);
        layer.recording(false);
        return new Frame(batches, curves, grid(layer.forwardLayer().hiddenStates()),
                grid(layer.backwardLayer().hiddenStates()));
    }

    private static float[][] grid(SequenceTrace trace) {
        float[][] g = new float[trace.steps()][];
        for (int t = 0; t < trace.steps(); t++) {
            g[t] = trace.at(0, t);
        }
        return g;
    }

    /** The position of the example's blank (0-based). */
    public int exampleBlank() {
        for (int t = 0; t < STEPS; t++) {
            if (example.labels()[t] != LabeledSequences.NO_LABEL) {
                return t;
            }
        }
        return -1;
    }

    /** The example as text: its symbols as A, B, C, D and the blank as _. */
    public String exampleText() {
        StringBuilder sb = new StringBuilder();
        float[] x = example.inputs().data();
        for (int t = 0; t < STEPS; t++) {
            for (int f = 0; f <= SYMBOLS; f++) {
                if (x[t * (SYMBOLS + 1) + f] == 1f) {
                    sb.append(f == SYMBOLS ? '_' : (char) ('A' + f));
                }
            }
        }
        return sb.toString();
    }
}
