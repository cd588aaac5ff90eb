package org.nnlab.engine.spec;

import java.util.List;
import org.nnlab.engine.layer.ConvPlan;
import org.nnlab.engine.tensor.Shape;

/**
 * The heap one training run of a network holds, estimated from its spec's shapes before anything is
 * built, in bytes (float32 and int32 values, 4 bytes each):
 * <ul>
 *   <li>{@code weights}: every parameter four times: its value, its gradient, the trainer's copy of the
 *       last good weights and the best checkpoint by validation accuracy;</li>
 *   <li>{@code optimizer}: the optimizer's per-parameter state (SGD 0 copies, with momentum 1, RMSprop 1,
 *       Adam 2);</li>
 *   <li>{@code activations}: what the layers keep between the forward and the backward pass for every
 *       sample of the batch: each layer's output and input gradient, plus what a kind keeps besides
 *       (Conv2d what its path needs for backward: a stride-1 one each group's input on its padded grid,
 *       another every sample's unfolded input columns, see {@link ConvPlan}; max pooling the winners'
 *       positions, dropout its mask, a recurrent layer its per-step projections, states and gate values),
 *       the mini-batch and its augmented copy, and the loss gradient; and all of these (but what a
 *       convolution keeps) once more for an epoch's shorter last batch, when there is one;</li>
 *   <li>{@code workspace}: a convolution's buffers that do not grow with the batch: a working set per thread
 *       it runs on (at most {@link org.nnlab.engine.tensor.Parallelism#threads()} of the calling thread), a
 *       partial weight gradient per chunk, its packed weights.</li>
 * </ul>
 * Flatten shares its input and costs nothing. {@link #total()} adds an allowance for the collector's
 * layout. Short-lived garbage (a new output per step in a few layers) and the kernels' per-thread packing
 * buffers, which all runs share, are left out. Measured against real runs (heap held after a full GC), the
 * arrays match within a few percent for MLP, LeNet-5 and a 300-layer ReLU stack (LeNet-5 at batch 256:
 * 39.1 MB estimated, 39.4 MB of float and int arrays held before the first epoch's end). With the run's
 * records, the admission figure was 0.91 to 1.17 of what MNIST runs held after their first epoch
 * (TrainingMemoryBench, G1, 4 GB heap); the short one, LeNet-5 at batch 256, because its 1 to 5 MB arrays
 * leave more of G1's 2 MB regions empty than the eighth allows.
 */
public record TrainingMemory(long weights, long optimizer, long activations, long workspace) {
    /** Bytes per stored value. */
    public static final int BYTES = 4;
    /** Copies of each parameter a run keeps besides the optimizer's: value, gradient, last good, best. */
    public static final int WEIGHT_COPIES = 4;

    /**
     * The memory to train {@code spec} at mini-batch size {@code batch} with an optimizer that keeps
     * {@code optimizerCopies} values per parameter, every batch full.
     *
     * @throws SpecException when the spec does not validate
     */
    public static TrainingMemory of(ModelSpec spec, int batch, int optimizerCopies) {
        return of(spec, batch, 0, optimizerCopies);
    }

    /**
     * As {@link #of(ModelSpec, int, int)} when each epoch ends with a shorter batch of {@code lastBatch}
     * samples (0 when the batches come out even): the layers keep their per-sample buffers for both sizes
     * (a buffer per batch size, so the change does not replace the full batch's), what a convolution keeps
     * for backward grows to the larger only.
     *
     * @throws SpecException when the spec does not validate
     */
    public static TrainingMemory of(ModelSpec spec, int batch, int lastBatch, int optimizerCopies) {
        if (batch < 1 || optimizerCopies < 0 || lastBatch < 0 || lastBatch >= batch) {
            throw new IllegalArgumentException("batch must be at least 1, the last batch shorter and optimizer copies 0 or"
                    + " more, got " + batch + ", " + lastBatch + " and " + optimizerCopies);
        }
        List<LayerSummary> rows = spec.summary();
        long params = 0;
        long perSample = 2 * spec.input().size() + rows.getLast().outputShape().size();
        long convKept = 0;
        long workspace = 0;
        for (int i = 0; i < rows.size(); i++) {
            LayerSummary row = rows.get(i);
            LayerSpec layer = spec.layers().get(i);
            params += row.params();
            perSample += keptPerSample(layer, row.inputShape(), row.outputShape());
            Conv2dSpec conv = convolution(layer);
            if (conv != null) {
                WindowGeometry g = conv.geometry(row.inputShape());
                convKept += ConvPlan.kept(g, conv.filters(), batch);
                workspace += ConvPlan.workspace(g, conv.filters(), batch);
            }
        }
        return new TrainingMemory(params * WEIGHT_COPIES * BYTES, params * optimizerCopies * BYTES,
                (perSample * (batch + lastBatch) + convKept) * BYTES, workspace * BYTES);
    }

    /**
     * All of it, plus an eighth for how the collector stores large arrays (G1 gives each array of half a region
     * or more whole regions of its own, 1 to 32 MB each, so part of the last one stays empty).
     */
    public long total() {
        long arrays = weights + optimizer + activations + workspace;
        return arrays + arrays / 8;
    }

    /**
     * Values one layer keeps per sample of the batch during training (see the class comment), but for what
     * a convolution keeps for backward, which goes by groups of samples ({@link ConvPlan#kept}).
     */
    static long keptPerSample(LayerSpec layer, Shape in, Shape out) {
        long i = in.size();
        long o = out.size();
        return switch (layer) {
            case FlattenSpec f -> 0;
            case ConvPoolBlockSpec block -> {
                long sum = 0;
                Shape s = in;
                for (LayerSpec part : block.expand()) {
                    Shape next = part.outputShape(s);
                    sum += keptPerSample(part, s, next);
                    s = next;
                }
                yield sum;
            }
            case Conv2dSpec c -> o + i;
            case MaxPool2dSpec p -> 3 * o + i;
            case DropoutSpec d -> 2 * i + o;
            case EmbeddingSpec e -> 2 * i + o;
            case BidirectionalSpec b -> 2 * recurrent(b.recurrent(), in, b.recurrent().outputShape(in)) + 2 * o + i;
            case RecurrentSpec r -> recurrent(r, in, out);
            default -> o + i;
        };
    }

    /**
     * A recurrent layer: per step the input projections, their gradient and the state projections'
     * gradient (gates·units each), the states, plus the cell's own: an LSTM's activated gates, cell
     * states and their tanh, a GRU's reset, update and candidate values.
     */
    private static long recurrent(RecurrentSpec r, Shape in, Shape out) {
        long steps = in.dim(0);
        long units = r.units();
        long width = (long) r.gates() * units;
        long kept = 3 * steps * width + width + (steps + 1) * units + 2 * units + out.size() + in.size();
        return kept + switch (r) {
            case LstmSpec _ -> 4 * steps * units + (steps + 1) * units + steps * units + units;
            case GruSpec _ -> 4 * steps * units;
            case SimpleRnnSpec _ -> 0;
        };
    }

    /** The convolution a layer is or begins with (a block's), null for the other kinds. */
    private static Conv2dSpec convolution(LayerSpec layer) {
        return switch (layer) {
            case Conv2dSpec c -> c;
            case ConvPoolBlockSpec block -> (Conv2dSpec) block.expand().getFirst();
            default -> null;
        };
    }
}
