package org.nnlab.engine.layer.recurrent;

import java.util.ArrayList;
import java.util.List;
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
     * The pass under way, read by the two threads' stages (built once, so a batch makes no lambdas): its input
     * or output gradient, whether the input gradient is wanted, and each direction's result.
     */
    private Tensor passInput;
    private boolean passInputGradient;
    private final Tensor[] results = new Tensor[2];
    private final DirectionPair pair = new DirectionPair();
    private final DirectionPair.Pass forwardPass = new DirectionPair.Pass() {
        @Override
        public int start(int d) {
            return layer(d).startForward(passInput);
        }

        @Override
        public void slice(int d, int i) {
            layer(d).forwardSlices().part(i);
        }

        @Override
        public void finish(int d) {
            join(d, layer(d).finishForward());
        }
    };
    private final DirectionPair.Pass backwardPass = new DirectionPair.Pass() {
        @Override
        public int start(int d) {
            split(d, passInput);
            return layer(d).startBackward(d == 0 ? gradForward : gradBackward);
        }

        @Override
        public void slice(int d, int i) {
            layer(d).backwardSlices().part(i);
        }

        @Override
        public void finish(int d) {
            // the weight-gradient products on this thread alone: two products on one thread each waste less
            // than each product split over both (each thread would pack the same rows)
            Parallelism.withThreads(1, finishers[d]);
        }
    };
    private final Runnable[] finishers = {() -> finishBackward(0), () -> finishBackward(1)};

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
        Shape s = input.shape();
        int h2 = 2 * forwardLayer.hidden();
        boolean every = forwardLayer.returnSequences();
        Shape k = joinedShape;
        // an input of another rank is refused by the layers themselves, below
        if (s.rank() == 3 && (k == null || k.dim(0) != s.dim(0) || every && k.dim(1) != s.dim(1))) {
            joinedShape = every ? Shape.of(s.dim(0), s.dim(1), h2) : Shape.of(s.dim(0), h2);
            output = Layers.buffer(output, joinedShape);
        }
        if (paired()) {
            passInput = input;
            bothDirections(forwardPass, false);
        } else {
            join(0, forwardLayer.forward(input, mode));
            join(1, backwardLayer.forward(input, mode));
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        int h = forwardLayer.hidden();
        halfShape = withLastDim(halfShape, gradOut.shape(), h);
        gradForward = Layers.buffer(gradForward, halfShape);
        gradBackward = Layers.buffer(gradBackward, halfShape);
        if (paired()) {
            passInput = gradOut;
            passInputGradient = inputGradient;
            bothDirections(backwardPass, true);
        } else {
            split(0, gradOut);
            split(1, gradOut);
            results[0] = forwardLayer.backward(gradForward, inputGradient);
            results[1] = backwardLayer.backward(gradBackward, inputGradient);
        }
        return inputGradient ? results[0].addInPlace(results[1]) : null;
    }

    /**
     * Whether the two directions run side by side, one thread each ({@link DirectionPair}); with one thread
     * or four and more, they run one after the other, each on all threads.
     */
    private static boolean paired() {
        int threads = Parallelism.threads();
        return threads == 2 || threads == 3;
    }

    /** Runs {@code pass} on both directions side by side, the slices shared between threads only as ranges of their own layer. */
    private void bothDirections(DirectionPair.Pass pass, boolean backward) {
        BatchSlices a = backward ? forwardLayer.backwardSlices() : forwardLayer.forwardSlices();
        BatchSlices b = backward ? backwardLayer.backwardSlices() : backwardLayer.forwardSlices();
        a.share(true);
        b.share(true);
        try {
            pair.run(pass);
        } finally {
            a.share(false);
            b.share(false);
            passInput = null;
        }
    }

    private Recurrent layer(int d) {
        return d == 0 ? forwardLayer : backwardLayer;
    }

    private void finishBackward(int d) {
        results[d] = layer(d).finishBackward(passInputGradient);
    }

    /** Copies direction {@code d}'s output [rows, hidden] into its half of the joined output [rows, 2·hidden]. */
    private void join(int d, Tensor result) {
        int h = forwardLayer.hidden();
        int rows = result.size() / h;
        float[] r = result.data();
        float[] o = output.data();
        for (int row = 0; row < rows; row++) {
            System.arraycopy(r, row * h, o, row * 2 * h + d * h, h);
        }
    }

    /** Copies direction {@code d}'s half of the joined gradient [rows, 2·hidden] into its own [rows, hidden]. */
    private void split(int d, Tensor gradOut) {
        int h = forwardLayer.hidden();
        int rows = gradOut.size() / (2 * h);
        float[] g = gradOut.data();
        float[] half = (d == 0 ? gradForward : gradBackward).data();
        for (int row = 0; row < rows; row++) {
            System.arraycopy(g, row * 2 * h + d * h, half, row * h, h);
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
