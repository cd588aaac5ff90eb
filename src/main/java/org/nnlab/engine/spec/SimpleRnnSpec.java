package org.nnlab.engine.spec;

/**
 * Elman recurrent layer: h_t = tanh(x_t·W_x + h_{t−1}·W_h + b). Per sample: input [steps, features], output [steps, units] (every step) or [units] (last).
 * Settings: see {@link RecurrentSpec}.
 */
@Kind("simple_rnn")
public record SimpleRnnSpec(int units, boolean returnSequences, int truncateSteps, double gradientClip)
        implements RecurrentSpec {
    public SimpleRnnSpec {
        RecurrentSpec.validate(kind(), units, truncateSteps, gradientClip);
    }

    /** Full BPTT, no clipping. */
    public SimpleRnnSpec(int units, boolean returnSequences) {
        this(units, returnSequences, 0, 0.0);
    }

    @Override
    public int gates() {
        return 1;
    }
}
