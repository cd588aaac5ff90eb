package org.nnlab.builder;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LayerSummary;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.TrainingMemory;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * What the builder shows about a stack, all taken from {@link ModelSpec#summary()}: every layer's shapes,
 * parameters and FLOPs up to the first layer that does not fit, that layer's explanation (the engine's
 * message, unchanged), and the totals.
 *
 * @param rows          one row per layer; rows after an invalid layer have no shapes
 * @param error         the engine's explanation when the stack does not validate, else {@code null}
 * @param errorIndex    the layer the message is about, or -1 (empty stack, bad input, or no error)
 * @param trainingBytes estimated memory to train at {@link #BATCH}: see {@link #trainingBytes}
 * @param fcParams      parameters of the fully connected comparison network: see {@link #fullyConnectedParams}
 */
public record NetworkAnalysis(Shape input, List<Row> rows, Message error, int errorIndex, long params, long flops,
                              long activations, long trainingBytes, long fcParams) {
    /** The batch size the memory estimate assumes. */
    public static final int BATCH = 64;
    /** Bytes per value (float32). */
    public static final int BYTES = 4;
    /** Values per parameter Adam keeps (its two moment estimates). */
    static final int ADAM_COPIES = 2;

    /**
     * One layer: {@code output} is {@code null} when it could not be computed (this layer or one before
     * it does not fit); {@code error} is the engine's message for this layer, if any, as the layer gives
     * it (without the network's "layer i (kind)": the card that shows it names the layer already).
     */
    public record Row(int index, LayerSpec spec, Shape input, Shape output, long params, long flops, Message error) {
        public boolean known() {
            return output != null;
        }
    }

    public boolean valid() {
        return error == null;
    }

    /** The last known output shape (the network's output when valid), or {@code null}. */
    public Shape output() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).known()) {
                return rows.get(i).output();
            }
        }
        return rows.isEmpty() && error == null ? input : null;
    }

    public static NetworkAnalysis of(ModelSpec spec) {
        List<LayerSummary> known;
        Message error = null;
        int errorIndex = -1;
        try {
            known = spec.summary();
        } catch (SpecException e) {
            error = e.explanation();
            errorIndex = e.layerIndex();
            known = errorIndex > 0 ? new ModelSpec(spec.input(), spec.layers().subList(0, errorIndex)).summary() : List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (i < known.size()) {
                LayerSummary s = known.get(i);
                rows.add(new Row(i, layer, s.inputShape(), s.outputShape(), s.params(), s.flops(), null));
            } else {
                Shape in = i == known.size() && errorIndex == i ? (i == 0 ? spec.input() : known.get(i - 1).outputShape()) : null;
                rows.add(new Row(i, layer, in, null, 0, 0, i == errorIndex ? ownMessage(layer, in, error) : null));
            }
        }
        long params = known.stream().mapToLong(LayerSummary::params).sum();
        long flops = known.stream().mapToLong(LayerSummary::flops).sum();
        long inputValues = error != null && errorIndex < 0 ? 0 : ModelSpec.values(spec.input());
        long activations = inputValues + known.stream().mapToLong(s -> s.outputShape().size()).sum();
        return new NetworkAnalysis(spec.input(), List.copyOf(rows), error, errorIndex, params, flops, activations,
                trainingBytes(spec, known.size()), fullyConnectedParams(known));
    }

    /** What {@code layer} itself says about {@code input}; {@code whole} when it takes it after all. */
    private static Message ownMessage(LayerSpec layer, Shape input, Message whole) {
        try {
            layer.outputShape(input);
            layer.paramCount(input);
            layer.flops(input);
            return whole;
        } catch (IllegalArgumentException e) {
            return Message.explain(e);
        }
    }

    /** The row the engine's message is about, or {@code null}. */
    public Row misfit() {
        return errorIndex < 0 ? null : rows.get(errorIndex);
    }

    /**
     * Whether some layer shares its weights across positions (a convolution) or time steps (a recurrent
     * layer): only then is the fully connected comparison worth showing.
     */
    public boolean sharesWeights() {
        return rows.stream().map(Row::spec).anyMatch(s -> s instanceof Conv2dSpec || s instanceof ConvPoolBlockSpec
                || s instanceof RecurrentSpec || s instanceof BidirectionalSpec);
    }

    /**
     * Memory to train the first {@code layers} layers (those that fit) with Adam at batch {@value #BATCH},
     * in bytes: the engine's estimate, {@link TrainingMemory}, the same figure the training service admits
     * runs by. 0 when no layer fits.
     */
    static long trainingBytes(ModelSpec spec, int layers) {
        if (layers == 0) {
            return 0;
        }
        ModelSpec fitting = layers == spec.layers().size() ? spec : new ModelSpec(spec.input(), spec.layers().subList(0, layers));
        return TrainingMemory.of(fitting, BATCH, ADAM_COPIES).total();
    }

    /**
     * The comparison network for weight sharing: the same stack with every layer that has weights replaced
     * by a Dense layer from its flattened input to its flattened output (in·out weights + out biases), so
     * it has exactly the same shapes; layers without weights stay free.
     */
    public static long fullyConnectedParams(List<LayerSummary> rows) {
        long total = 0;
        for (LayerSummary s : rows) {
            if (s.params() > 0) {
                total += (long) s.inputShape().size() * s.outputShape().size() + s.outputShape().size();
            }
        }
        return total;
    }
}
