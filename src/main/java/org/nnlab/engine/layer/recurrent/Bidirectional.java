package org.nnlab.engine.layer.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
        Tensor[] outs = bothDirections(r -> r.forward(input, mode));
        Tensor a = outs[0];
        Tensor b = outs[1];
        int h = forwardLayer.hidden();
        int rows = a.size() / h;
        output = Layers.buffer(output, a.shape().withLastDim(2 * h));
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
        Shape half = gradOut.shape().withLastDim(h);
        gradForward = Layers.buffer(gradForward, half);
        gradBackward = Layers.buffer(gradBackward, half);
        Tensor ga = gradForward;
        Tensor gb = gradBackward;
        float[] g = gradOut.data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(g, r * 2 * h, ga.data(), r * h, h);
            System.arraycopy(g, r * 2 * h + h, gb.data(), r * h, h);
        }
        Tensor[] dx = bothDirections(r -> r.backward(r == forwardLayer ? ga : gb, inputGradient));
        return inputGradient ? dx[0].addInPlace(dx[1]) : null;
    }

    /**
     * Runs {@code work} for the forward and the backward layer; with two or more kernel threads the two
     * directions run at the same time, each with half the threads (they share nothing but the input).
     */
    private Tensor[] bothDirections(Function<Recurrent, Tensor> work) {
        Tensor[] out = new Tensor[2];
        int threads = Parallelism.threads();
        if (threads < 2) {
            out[0] = work.apply(forwardLayer);
            out[1] = work.apply(backwardLayer);
            return out;
        }
        Parallelism.forEach(2, 2, i -> out[i] = Parallelism.withThreads(Math.max(1, threads / 2),
                () -> work.apply(i == 0 ? forwardLayer : backwardLayer)));
        return out;
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
