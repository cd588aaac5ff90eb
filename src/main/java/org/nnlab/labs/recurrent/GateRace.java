package org.nnlab.labs.recurrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.data.sequence.LongRangeTask;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.recurrent.Recurrent;
import org.nnlab.engine.layer.recurrent.SequenceTrace;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * A tanh RNN and a gated network (LSTM or GRU) of the same width race on the engine's long-range task: remember the
 * marked symbol for {@code lag} steps. Both train one mini-batch per round with Adam; every few rounds both are scored
 * on the same held-out sequences. The gated network's gate values and cell state for one held-out example are
 * recorded by the engine for the heat maps.
 */
public final class GateRace implements LiveLab.Work<GateRace.Frame> {
    public static final int SYMBOLS = 8;
    public static final int HIDDEN = 32;
    public static final int BATCH = 32;
    public static final int MIN_LAG = 1;
    public static final int MAX_LAG = 40;
    private static final int SCORE_EVERY = 8;

    /**
     * @param batches mini-batches trained by each network
     * @param rnn     accuracy curve of the tanh RNN (one point per {@link #SCORE_EVERY} batches)
     * @param gated   accuracy curve of the LSTM or GRU
     * @param traces  for one example, steps × units: the gates ("input", "forget", "output", "candidate") and "cell"
     *                for an LSTM, "hidden" for either
     */
    public record Frame(long batches, double[] rnn, double[] gated, Map<String, float[][]> traces) {
    }

    private final int lag;
    private final boolean gru;
    private final LabeledSequences train;
    private final LabeledSequences held;
    private final LabeledSequences example;
    private final Sequential rnn;
    private final Sequential gated;
    private final Adam rnnAdam = new Adam(0.01);
    private final Adam gatedAdam = new Adam(0.01);
    private final SplittableRandom rng;
    private final List<double[]> scores = new ArrayList<>();
    private long batches;

    public GateRace(int lag, boolean gru, long seed) {
        if (lag < MIN_LAG || lag > MAX_LAG) {
            throw new LocalizedException("labs.lstm.error.lag", "lag " + lag, MIN_LAG, MAX_LAG);
        }
        this.lag = lag;
        this.gru = gru;
        this.train = LongRangeTask.generate(2048, lag, SYMBOLS, seed);
        this.held = LongRangeTask.generate(256, lag, SYMBOLS, seed + 1);
        this.example = held.slice(0, 1);
        this.rng = new SplittableRandom(seed + 2);
        this.rnn = Sequential.build(spec(lag, false, false), new SplittableRandom(seed + 3));
        this.gated = Sequential.build(spec(lag, true, gru), new SplittableRandom(seed + 3));
    }

    /** A tanh RNN, LSTM or GRU of {@link #HIDDEN} units on the last state, then a dense layer over the symbols. */
    public static ModelSpec spec(int lag, boolean gatedNet, boolean gru) {
        Shape in = Shape.of(LongRangeTask.DEFAULT_LEAD + 1 + lag, SYMBOLS + 1);
        return ModelSpec.of(in, !gatedNet ? new SimpleRnnSpec(HIDDEN, false)
                : gru ? new GruSpec(HIDDEN, false) : new LstmSpec(HIDDEN, false), new TimeDenseSpec(SYMBOLS));
    }

    public int lag() {
        return lag;
    }

    public boolean isGru() {
        return gru;
    }

    /** Chance accuracy: one symbol in {@link #SYMBOLS}. */
    public static double chance() {
        return 1.0 / SYMBOLS;
    }

    @Override
    public synchronized boolean advance(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        do {
            LabeledSequences batch = SequenceFit.randomBatch(train, rng, BATCH);
            SequenceFit.step(rnn, batch, rnnAdam);
            SequenceFit.step(gated, batch, gatedAdam);
            batches++;
            if (batches % SCORE_EVERY == 0) {
                scores.add(new double[] {SequenceFit.accuracy(rnn, held), SequenceFit.accuracy(gated, held)});
            }
        } while (System.nanoTime() < end);
        return true;
    }

    @Override
    public synchronized Frame frame() {
        double[] r = new double[scores.size()];
        double[] g = new double[scores.size()];
        for (int i = 0; i < scores.size(); i++) {
            r[i] = scores.get(i)[0];
            g[i] = scores.get(i)[1];
        }
        return new Frame(batches, r, g, traces());
    }

    /** The recorded values of the gated network reading the example, each [steps][units]. */
    private Map<String, float[][]> traces() {
        Recurrent layer = (Recurrent) gated.layers().getFirst();
        layer.recording(true);
        gated.forward(example.inputs(), Mode.INFER);
        layer.recording(false);
        Map<String, float[][]> out = new LinkedHashMap<>();
        Map<String, SequenceTrace> gates = layer.gateValues();
        for (String name : List.of("forget", "input", "output", "candidate")) {
            if (gates.containsKey(name)) {
                out.put(name, grid(gates.get(name)));
            }
        }
        if (gates.containsKey("forget")) {
            float[][] f = out.get("forget");
            float[][] i = out.get("input");
            float[][] cand = out.get("candidate");
            float[][] c = new float[f.length][HIDDEN];
            for (int t = 0; t < f.length; t++) {
                for (int u = 0; u < HIDDEN; u++) {
                    c[t][u] = (t == 0 ? 0 : f[t][u] * c[t - 1][u]) + i[t][u] * cand[t][u];
                }
            }
            out.put("cell", c);
        }
        out.put("hidden", grid(layer.hiddenStates()));
        return out;
    }

    private static float[][] grid(SequenceTrace trace) {
        float[][] g = new float[trace.steps()][];
        for (int t = 0; t < trace.steps(); t++) {
            g[t] = trace.at(0, t);
        }
        return g;
    }

    /** The step at which the example's symbol to remember is marked (0-based). */
    public static int keyStep() {
        return LongRangeTask.DEFAULT_LEAD;
    }

    /** The symbol the example asks for. */
    public int exampleAnswer() {
        return example.labels()[0];
    }
}
