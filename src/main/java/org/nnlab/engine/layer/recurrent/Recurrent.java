package org.nnlab.engine.layer.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Layers;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.tensor.MatMul;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.RecurrentKernel;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A recurrent layer: one time loop, forward and backpropagation through time, for any {@link RecurrentCell}.
 * <p>
 * Shapes: input {@code [batch, steps, features]}; output {@code [batch, steps, hidden]} (every step) or
 * {@code [batch, hidden]} (the state after the last processed step). Parameters: {@code weightInput}
 * W_x [features, gates·hidden], {@code weightHidden} W_h [hidden, gates·hidden], {@code bias} b
 * [gates·hidden] (one bias per gate value), plus any the cell owns. Per step
 * {@code pre_t = x_t·W_x + b + h_{t−1}·W_h}: the input part of all steps is one matrix product, the state
 * part one product per step, both covering all gates at once. The initial state is zero.
 * <p>
 * A reversed layer reads the sequence from the last step to the first (the backward half of a
 * bidirectional layer); its per-step outputs stay aligned with the input steps.
 * <p>
 * Truncated BPTT with k steps: the sequence is cut, in processing order, into chunks of k steps and no
 * gradient flows from one chunk into the previous one (the state itself still does); k = 0 or k ≥ steps is
 * full BPTT. Gradient clipping, when set, clamps every element of the gradient arriving at each state
 * to [−clip, clip].
 */
public final class Recurrent implements Layer {
    private final LayerSpec spec;
    private final RecurrentCell cell;
    private final String name;
    private final int features;
    private final int hidden;
    private final int width;          // gates · hidden
    private final boolean returnSequences;
    private final boolean reverse;
    private final int truncateSteps;
    private final float clip;
    private final Param weightInput;
    private final Param weightHidden;
    private final Param bias;
    private final List<Param> params;

    private Tensor input;
    private int steps = -1;
    private int batch = -1;
    private final TimeBuffers buf = new TimeBuffers();
    /** The gradients of W_x and b of one backward pass, [features + 1, width] (b is the last row). */
    private final float[] inputGradients;
    /** W_x, W_h and W_hhᵀ in column strips for the per-step products, packed once per pass. */
    private final StepWeights packed;
    /** The returned output and input gradient: buffers reused while the shapes stay the same. */
    private Tensor output;
    private Tensor gradInput;
    /** The time loop's slices, forward and backward (run by {@link Bidirectional} itself when paired). */
    final BatchSlices forwardSlices = new BatchSlices(this::forwardSlice);
    final BatchSlices backwardSlices = new BatchSlices((b0, b1) -> backwardSlice(b0, b1, this.backGrad, this.backNorms));
    /** What the backward slices of the pass under way read: the output gradient and, when recording, the norms. */
    private float[] backGrad;
    private double[] backNorms;

    private boolean recording;
    private final RecurrentRecord record = new RecurrentRecord();

    Recurrent(LayerSpec spec, String name, RecurrentCell cell, int features, boolean returnSequences,
              boolean reverse, int truncateSteps, double gradientClip, RandomGenerator rng) {
        this.spec = spec;
        this.name = name;
        this.cell = cell;
        this.features = features;
        this.hidden = cell.hidden();
        this.width = cell.gates() * hidden;
        this.returnSequences = returnSequences;
        this.reverse = reverse;
        this.truncateSteps = truncateSteps;
        this.clip = (float) gradientClip;
        double bound = 1.0 / Math.sqrt(hidden);
        weightInput = Param.of("weightInput", Tensor.uniform(Shape.of(features, width), -bound, bound, rng));
        weightHidden = Param.of("weightHidden", Tensor.uniform(Shape.of(hidden, width), -bound, bound, rng));
        bias = Param.of("bias", Tensor.uniform(Shape.of(width), -bound, bound, rng));
        if (cell instanceof LstmCell) {
            Arrays.fill(bias.value().data(), LstmCell.F * hidden, (LstmCell.F + 1) * hidden, 1f);
        }
        List<Param> all = new ArrayList<>(List.of(weightInput, weightHidden, bias));
        all.addAll(cell.extraParams());
        this.params = List.copyOf(all);
        this.packed = new StepWeights(hidden, width);
        this.inputGradients = cell.summedPreActivation() ? new float[(features + 1) * width] : new float[0];
    }

    /** Builds the layer of a simple RNN, LSTM or GRU spec for the builders in the spec records. */
    public static Recurrent create(RecurrentSpec spec, int features, int units, boolean returnSequences,
                                   boolean reverse, int truncateSteps, double gradientClip, RandomGenerator rng) {
        RecurrentCell cell = switch (spec) {
            case SimpleRnnSpec _ -> new SimpleRnnCell(units);
            case LstmSpec _ -> new LstmCell(units);
            case GruSpec _ -> new GruCell(units);
        };
        String label = switch (spec) {
            case SimpleRnnSpec _ -> "SimpleRnn";
            case LstmSpec _ -> "Lstm";
            case GruSpec _ -> "Gru";
        };
        return new Recurrent(spec, label, cell, features, returnSequences, reverse, truncateSteps,
                gradientClip, rng);
    }

    @Override
    public Shape outputShape(Shape in) {
        if (in.rank() != 2 || in.dim(1) != features) {
            throw new IllegalArgumentException(this + ": expects per-sample input [steps, " + features
                    + "], got " + in + "; put an Embedding or reshape in front so each step is a vector");
        }
        return returnSequences ? Shape.of(in.dim(0), hidden) : Shape.of(hidden);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        forwardSlices.run(startForward(x));
        return finishForward();
    }

    /**
     * The forward pass in parts, for {@link Bidirectional}: checks and packs, returning the number of slices
     * of the time loop; the slices run next, in any order, on any threads; {@link #finishForward} gathers.
     */
    int startForward(Tensor x) {
        Shape s = x.shape();
        if (s.rank() != 3 || s.dim(2) != features || s.dim(1) < 1) {
            throw new IllegalArgumentException(this + ": expects input [batch, steps, " + features
                    + "], got " + s);
        }
        allocate(s.dim(1), s.dim(0));
        input = x;
        int T = steps;
        int B = batch;
        if (TimeBuffers.fused(cell.summedPreActivation(), B)) {
            packed.forward(weightInput.value().data(), features, weightHidden.value().data(), hidden, width,
                    forwardSlices);
        }
        return forwardSlices.plan(B, 2L * B * steps * (hidden + features) * width,
                TimeBuffers.sliceRows(cell.summedPreActivation()), TimeBuffers.sliceGroup(cell.summedPreActivation()));
    }

    /** The output of the forward pass whose slices have run (see {@link #startForward}). */
    Tensor finishForward() {
        int T = steps;
        int B = batch;
        Tensor out;
        if (returnSequences) {
            output = Layers.buffer(output, buf.outputShape(B, T, hidden, returnSequences));
            out = output;
            TimeOrder.toInputOrder(buf.states, 1, out.data(), T, B, hidden, reverse);
        } else {
            output = Layers.buffer(output, buf.outputShape(B, T, hidden, returnSequences));
            out = output;
            System.arraycopy(buf.states, T * B * hidden, out.data(), 0, B * hidden);
        }
        if (recording) {
            record.forward(buf.states, cell, steps, batch, reverse);
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        backwardSlices.run(startBackward(gradOut));
        return finishBackward(inputGradient);
    }

    /** The backward pass in parts as {@link #startForward}; {@link #finishBackward} makes the gradients. */
    int startBackward(Tensor gradOut) {
        if (input == null) {
            throw new IllegalStateException(this + ": backward called before forward");
        }
        int T = steps;
        int B = batch;
        Shape expected = buf.outputShape(B, T, hidden, returnSequences);
        if (!gradOut.shape().equals(expected)) {
            throw new IllegalArgumentException(this + ": gradient must have the output's shape " + expected
                    + ", got " + gradOut.shape());
        }
        double[] norms = recording ? new double[T] : null;
        packed.backward(weightHidden.value().data(), hidden, width, backwardSlices);
        backGrad = gradOut.data();
        backNorms = norms;
        boolean summed = cell.summedPreActivation();
        return backwardSlices.plan(B, 2L * B * steps * hidden * width, TimeBuffers.sliceRows(summed),
                TimeBuffers.sliceGroup(summed));
    }

    /** The gradients of the backward pass whose slices have run (see {@link #startBackward}). */
    Tensor finishBackward(boolean inputGradient) {
        int T = steps;
        int B = batch;
        if (backNorms != null) {
            record.gradientNorms(backNorms);
        }
        backGrad = null;
        backNorms = null;
        cell.finishBackward(buf.dPreH, T, B);
        WeightGradients.add(buf, cell.summedPreActivation(), input.data(), inputGradients, T * B, features, hidden,
                width, weightInput.grad().data(), bias.grad().data(), weightHidden.grad().data());
        if (!inputGradient) {
            return null;
        }
        gradInput = Layers.buffer(gradInput, input.shape());
        WeightGradients.input(buf, cell.summedPreActivation(), weightInput.value().data(), gradInput.data(), T, B,
                features, width, reverse);
        return gradInput;
    }

    private void forwardSlice(int b0, int b1) {
        int T = steps;
        int B = batch;
        int m = b1 - b0;
        float[] wh = weightHidden.value().data();
        boolean summed = cell.summedPreActivation();
        boolean fused = TimeBuffers.fused(cell.summedPreActivation(), m);
        float[] b = bias.value().data();
        // only the whole batch spreads its products over threads, and only when this layer's slices are alone
        int threads = m == B && !forwardSlices.shared() ? Parallelism.threads() : 1;
        if (!fused) {
            // the input part of all steps of these samples (their rows of x and xProj are contiguous): every
            // row starts as the bias and the product is added, the same bits as adding the bias afterwards
            for (int row = b0 * T; row < b1 * T; row++) {
                System.arraycopy(b, 0, buf.xProj, row * width, width);
            }
            MatMul.multiply(input.data(), b0 * T * features, false, weightInput.value().data(), 0, false, buf.xProj,
                    b0 * T * width, m * T, width, features, true, threads);
        }
        if (summed) {
            TimeOrder.toProcessingRows(input.data(), buf.inputSteps, b0, b1, T, B, features, reverse);
        }
        for (int st = 0; st < T; st++) {
            int tau = reverse ? T - 1 - st : st;
            if (fused) {
                // hProj = b + x_t·W_x + h_{t−1}·W_h in one pass over the pre-activations (x_t from inputSteps)
                RecurrentKernel.rowsTimesWeights(m, features, buf.inputSteps, (st * B + b0) * (features + 1),
                        features + 1, packed.input, st == 0 ? 0 : hidden, buf.states, (st * B + b0) * hidden, hidden,
                        packed.hidden, b, 0, 0, buf.hProj, b0 * width, width);
            } else if (summed) {
                // hProj = xProj + h_{t−1}·W_h in one pass (h_{−1} = 0: the first step copies xProj)
                RecurrentKernel.rowsTimesWeights(m, width, st == 0 ? 0 : hidden, buf.states, (st * B + b0) * hidden,
                        hidden, wh, 0, buf.xProj, b0 * T * width + tau * width, T * width, buf.hProj, b0 * width, width);
            } else if (st == 0) {
                Arrays.fill(buf.hProj, b0 * width, b1 * width, 0f);
            } else {
                MatMul.multiply(buf.states, (st * B + b0) * hidden, false, wh, 0, false, buf.hProj, b0 * width,
                        m, width, hidden, false, threads);
            }
            cell.forward(st, b0, b1, B, buf.xProj, tau * width, T * width, buf.hProj, buf.states);
        }
    }

    /** BPTT for samples [b0, b1); adds squared state-gradient norms into {@code norms} when recording. */
    private void backwardSlice(int b0, int b1, float[] g, double[] norms) {
        int T = steps;
        int B = batch;
        int m = b1 - b0;
        Arrays.fill(buf.dh, b0 * hidden, b1 * hidden, 0f);
        cell.resetCarry(b0, b1);
        for (int st = T - 1; st >= 0; st--) {
            int tau = reverse ? T - 1 - st : st;
            StateGradients.arrive(buf.dh, g, b0, b1, st, tau, T, hidden, returnSequences, clip, norms);
            cell.backward(st, b0, b1, B, buf.dh, buf.dPreX, tau * width, T * width, buf.dPreH, st * B * width,
                    buf.states, buf.dhDirect);
            if (st > 0 && truncateSteps > 0 && st % truncateSteps == 0) {
                Arrays.fill(buf.dh, b0 * hidden, b1 * hidden, 0f);
                cell.resetCarry(b0, b1);
            } else if (st > 0) {
                // dh = dhDirect + dPreH · W_hhᵀ, with W_hhᵀ stored as such so the kernel reads it in place
                RecurrentKernel.rowsTimesWeights(m, width, buf.dPreH, (st * B + b0) * width, width, packed.hiddenT,
                        0, null, 0, 0, null, buf.dhDirect, b0 * hidden, hidden, buf.dh, b0 * hidden, hidden);
            }
        }
    }

    private void allocate(int T, int B) {
        if (T == steps && B == batch) {
            return;
        }
        steps = T;
        batch = B;
        boolean summed = cell.summedPreActivation();
        buf.fit(T, B, width, hidden, features, summed, TimeBuffers.fused(summed, B));
        cell.prepare(T, B);
    }

    /**
     * Turns recording on or off. While on, each forward pass keeps the hidden state of every step
     * ({@link #hiddenStates()}) and, for an LSTM, its gate values ({@link #gateValues()}); each backward
     * pass keeps the gradient norm arriving at every step ({@link #gradientNorms()}).
     */
    public Recurrent recording(boolean on) {
        this.recording = on;
        return this;
    }

    public boolean recording() {
        return recording;
    }

    /** h_t of every sample and step from the last recorded forward pass, or null if none was recorded. */
    public SequenceTrace hiddenStates() {
        return record.hiddenStates();
    }

    /**
     * LSTM gate activations of the last recorded forward pass, keyed "input", "forget", "candidate",
     * "output"; empty for other cells.
     */
    public Map<String, SequenceTrace> gateValues() {
        return record.gateValues();
    }

    /**
     * ‖d(loss)/d(h_t)‖ over the batch for every step t (input order) from the last recorded backward pass:
     * the whole gradient arriving at each state. Shrinking values toward the start are the vanishing
     * gradient along time. Null if no backward pass was recorded.
     */
    public double[] gradientNorms() {
        return record.gradientNorms();
    }

    /** The state after the last processed step, [batch, hidden] (PyTorch's h_n of this direction). */
    public Tensor finalState() {
        return new Tensor(Shape.of(batch, hidden),
                Arrays.copyOfRange(buf.states, steps * batch * hidden, (steps + 1) * batch * hidden));
    }

    /** The LSTM cell state after the last processed step, [batch, hidden] (PyTorch's c_n). */
    public Tensor finalCellState() {
        if (!(cell instanceof LstmCell lstm)) {
            throw new IllegalStateException(this + " has no cell state; only an LSTM does");
        }
        float[] c = lstm.cellStates();
        return new Tensor(Shape.of(batch, hidden),
                Arrays.copyOfRange(c, steps * batch * hidden, (steps + 1) * batch * hidden));
    }

    public int hidden() {
        return hidden;
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    public boolean reverse() {
        return reverse;
    }

    public Param weightInput() {
        return weightInput;
    }

    public Param weightHidden() {
        return weightHidden;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return name + "(" + features + " -> " + hidden + (reverse ? ", reversed" : "")
                + (returnSequences ? ", every step" : ", last step") + ")";
    }
}
