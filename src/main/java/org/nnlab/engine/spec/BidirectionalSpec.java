package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.recurrent.Bidirectional;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * Runs a recurrent layer forwards and a copy of it (own weights) backwards over the sequence and
 * concatenates their outputs per step, forward first: [steps, 2·units] (every step) or [2·units]
 * (forward's last state, then backward's state after reading back to step 0).
 */
@Kind("bidirectional")
public record BidirectionalSpec(LayerSpec layer) implements LayerSpec {
    public BidirectionalSpec {
        if (!(layer instanceof RecurrentSpec)) {
            throw new SpecException("engine.spec.bidirectional.wraps",
                    layer == null ? Message.of("engine.spec.nothing") : layer.kind());
        }
    }

    public RecurrentSpec recurrent() {
        return (RecurrentSpec) layer;
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape one = layer.outputShape(input);
        return one.withLastDim(2 * one.dim(-1));
    }

    @Override
    public long paramCount(Shape input) {
        return 2 * layer.paramCount(input);
    }

    @Override
    public long flops(Shape input) {
        return 2 * layer.flops(input);
    }

    @Override
    public Bidirectional build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Bidirectional(this, recurrent().buildRecurrent(input, rng, false),
                recurrent().buildRecurrent(input, rng, true));
    }
}
