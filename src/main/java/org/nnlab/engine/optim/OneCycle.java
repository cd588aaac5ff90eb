package org.nnlab.engine.optim;

/**
 * A one-cycle learning-rate schedule over a planned number of steps: the rate climbs linearly from
 * {@code peak / 25} to {@code peak} during the first {@code warmup} fraction of the steps, then falls
 * along half a cosine to {@code peak / 10⁴} at the last planned step, and stays there after it. Large
 * steps early on cross the loss landscape fast, the long tail settles into a minimum; a short run gets
 * most of the benefit of a long one. The rate depends on the step number only, so a seeded run is
 * reproducible whatever the machine's speed.
 */
public record OneCycle(double peak, long steps, double warmup) {
    private static final double START_DIVISOR = 25;
    private static final double END_DIVISOR = 1e4;

    public OneCycle {
        Hyper.positive("peak learning rate", peak);
        if (steps < 1) {
            throw new IllegalArgumentException("a one-cycle schedule needs at least 1 step, got " + steps);
        }
        if (!(warmup >= 0 && warmup < 1)) {
            throw new IllegalArgumentException("warm-up fraction must be in [0, 1), got " + warmup);
        }
    }

    /** The rate for step {@code step} (0 = the first). */
    public double rate(long step) {
        double start = peak / START_DIVISOR;
        double end = peak / END_DIVISOR;
        long up = (long) Math.ceil(warmup * steps);
        if (step < up) {
            return start + (peak - start) * step / up;
        }
        long down = steps - up;
        double f = down <= 1 ? 1 : Math.min(1.0, (double) (step - up) / (down - 1));
        return end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * f));
    }
}
