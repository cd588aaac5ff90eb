package org.nnlab.engine.spec;

/**
 * LSTM layer with gates input, forget, candidate, output (weight blocks in the order i, f, g, o). Per sample: input [steps, features], output [steps, units] (every step) or [units] (last).
 * Settings: see {@link RecurrentSpec}.
 */
@Kind("lstm")
public record LstmSpec(int units, boolean returnSequences, int truncateSteps, double gradientClip)
        implements RecurrentSpec {
    public LstmSpec {
        RecurrentSpec.validate(kind(), units, truncateSteps, gradientClip);
    }

    /** Full BPTT, no clipping. */
    public LstmSpec(int units, boolean returnSequences) {
        this(units, returnSequences, 0, 0.0);
    }

    @Override
    public int gates() {
        return 4;
    }
}
