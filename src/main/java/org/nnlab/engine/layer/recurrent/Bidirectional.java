package org.nnlab.engine.layer.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Layers;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Two recurrent layers over the same input, one reading forwards and one backwards; their outputs are
 * concatenated on the last axis, forward first. Shapes: input [batch, steps, features]; output
 * [batch, steps, 2·hidden] or [batch, 2·hidden]. Backward splits the gradient and adds the two input
 * gradients. Parameters: the forward layer's, then the backward layer's, names prefixed
 * "forward." and "backward.".
 */
public final class Bidirectional implements Layer {
    private final BidirectionalSpec spec;
    private final Recurrent forwardLayer;
    private final Recurrent backwardLayer;
    private final List<Param> params;
    /** Buffers reused from step to step: the joined output and each direction's share of the gradient. */
    private Tensor output;
    private Tensor gradForward;
    private Tensor gradBackward;
    /** The shapes of those buffers, made again only when the batch or the number of steps changes. */
    private Shape joinedShape;
    private Shape halfShape;
    /**
     * The pass under way, read by the two direction tasks (built once, so a batch makes no lambdas): its
     * input and mode forward, the input-gradient flag backward, and each direction's result.
     */
    private Tensor passInput;
    private Mode passMode;
    private boolean passBackward;
    private boolean passInputGradient;
    private final Tensor[] results = new Tensor[2];
    private final Runnable[] directions = {() -> runDirection(0), () -> runDirection(1)};
    private int halfThreads;
    private final IntConsumer onHalfThreads = i -> Parallelism.withThreads(halfThreads, directions[i]);

    public Bidirectional(BidirectionalSpec spec, Recurrent forwardLayer, Recurrent backwardLayer) {
        if (forwardLayer.reverse() || !backwardLayer.reverse()) {
            throw new IllegalArgumentException("Bidirectional needs a forward and a reversed layer, got "
                    + forwardLayer + " and " + backwardLayer);
        }
        this.spec = spec;
        this.forwardLayer = forwardLayer;
        this.backwardLayer = backwardLayer;
        List<Param> all = new ArrayList<>();
        for (Param p : forwardLayer.params()) {
            all.add(new Param("forward." + p.name(), p.value(), p.grad()));
        }
        for (Param p : backwardLayer.params()) {
            all.add(new Param("backward." + p.name(), p.value(), p.grad()));
        }
        this.params = List.copyOf(all);
    }

    public Recurrent forwardLayer() {
        return forwardLayer;
    }

    public Recurrent backwardLayer() {
        return backwardLayer;
    }

    /** Turns recording on or off in both directions (see {@link Recurrent#recording(boolean)}). */
    public Bidirectional recording(boolean on) {
        forwardLayer.recording(on);
        backwardLayer.recording(on);
        return this;
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape one = forwardLayer.outputShape(input);
        return one.withLastDim(2 * one.dim(-1));
    }

    @Override
    public Tensor forward(Tensor input, Mode mode) {
        passInput = input;
        passMode = mode;
        passBackward = false;
        bothDirections();
        Tensor a = results[0];
        Tensor b = results[1];
        int h = forwardLayer.hidden();
        int rows = a.size() / h;
        joinedShape = withLastDim(joinedShape, a.shape(), 2 * h);
        output = Layers.buffer(output, joinedShape);
        Tensor out = output;
        float[] o = out.data();
        float[] ad = a.data();
        float[] bd = b.data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(ad, r * h, o, r * 2 * h, h);
            System.arraycopy(bd, r * h, o, r * 2 * h + h, h);
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        int h = forwardLayer.hidden();
        int rows = gradOut.size() / (2 * h);
        halfShape = withLastDim(halfShape, gradOut.shape(), h);
        Shape half = halfShape;
        gradForward = Layers.buffer(gradForward, half);
        gradBackward = Layers.buffer(gradBackward, half);
        Tensor ga = gradForward;
        Tensor gb = gradBackward;
        float[] g = gradOut.data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(g, r * 2 * h, ga.data(), r * h, h);
            System.arraycopy(g, r * 2 * h + h, gb.data(), r * h, h);
        }
        passBackward = true;
        passInputGradient = inputGradient;
        bothDirections();
        return inputGradient ? results[0].addInPlace(results[1]) : null;
    }

    /**
     * Runs the pass set in the fields for the forward and the backward layer; with two or more kernel
     * threads the two directions run at the same time, each with half the threads (they share nothing
     * but the input).
     */
    private void bothDirections() {
        int threads = Parallelism.threads();
        try {
            if (threads < 2) {
                runDirection(0);
                runDirection(1);
            } else {
                halfThreads = threads / 2;
                Parallelism.forEach(2, 2, onHalfThreads);
            }
        } finally {
            passInput = null;
            passMode = null;
        }
    }

    /** {@code like} with its last axis {@code last}: {@code kept} when it is that shape already. */
    private static Shape withLastDim(Shape kept, Shape like, int last) {
        if (kept != null && kept.rank() == like.rank() && kept.dim(-1) == last) {
            boolean same = true;
            for (int i = 0; i < like.rank() - 1; i++) {
                same &= kept.dim(i) == like.dim(i);
            }
            if (same) {
                return kept;
            }
        }
        return like.withLastDim(last);
    }

    /** One direction's share of the pass under way: 0 the forward layer, 1 the backward one. */
    private void runDirection(int i) {
        Recurrent r = i == 0 ? forwardLayer : backwardLayer;
        results[i] = passBackward ? r.backward(i == 0 ? gradForward : gradBackward, passInputGradient)
                : r.forward(passInput, passMode);
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public BidirectionalSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Bidirectional(" + forwardLayer + ")";
    }
}
