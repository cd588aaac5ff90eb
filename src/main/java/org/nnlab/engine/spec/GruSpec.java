package org.nnlab.engine.spec;

/**
 * GRU layer with gates reset, update, candidate (weight blocks in the order r, z, n). Per sample: input [steps, features], output [steps, units] (every step) or [units] (last).
 * Settings: see {@link RecurrentSpec}.
 */
@Kind("gru")
public record GruSpec(int units, boolean returnSequences, int truncateSteps, double gradientClip)
        implements RecurrentSpec {
    public GruSpec {
        RecurrentSpec.validate(kind(), units, truncateSteps, gradientClip);
    }

    /** Full BPTT, no clipping. */
    public GruSpec(int units, boolean returnSequences) {
        this(units, returnSequences, 0, 0.0);
    }

    @Override
    public int gates() {
        return 3;
    }
}
