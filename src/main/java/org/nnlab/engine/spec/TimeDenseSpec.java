package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.recurrent.TimeDense;
import org.nnlab.engine.tensor.Shape;

/**
 * A dense layer applied to the last axis, the same weights at every step: [steps, in] → [steps, units]
 * (a per-step head; follow with softmax cross-entropy per step), or [in] → [units] for a last state.
 */
@Kind("time_dense")
public record TimeDenseSpec(int units) implements LayerSpec {
    public TimeDenseSpec {
        if (units < 1) {
            throw new SpecException("engine.spec.timeDense.units", units);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() < 1 || input.rank() > 2) {
            throw new SpecException("engine.spec.timeDense.input", input);
        }
        return input.withLastDim(units);
    }

    @Override
    public long paramCount(Shape input) {
        outputShape(input);
        return (long) input.dim(-1) * units + units;
    }

    @Override
    public long flops(Shape input) {
        outputShape(input);
        return 2L * input.size() * units;
    }

    @Override
    public TimeDense build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new TimeDense(this, input.dim(-1), rng);
    }
}
