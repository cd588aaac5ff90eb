package org.nnlab.engine.layer.recurrent;

/**
 * Values recorded for every sample, time step and unit of one forward or backward pass, batch-first
 * and in input time order (also for a layer that reads the sequence backwards):
 * {@code values[(sample · steps + t) · units + unit]}.
 */
public record SequenceTrace(int batch, int steps, int units, float[] values) {
    public SequenceTrace {
        if (values.length != batch * steps * units) {
            throw new IllegalArgumentException("SequenceTrace: " + batch + "×" + steps + "×" + units
                    + " needs " + batch * steps * units + " values, got " + values.length);
        }
    }

    public float value(int sample, int step, int unit) {
        return values[(sample * steps + step) * units + unit];
    }

    /** The values of one sample at one step, a fresh array of {@code units} values. */
    public float[] at(int sample, int step) {
        float[] out = new float[units];
        System.arraycopy(values, (sample * steps + step) * units, out, 0, units);
        return out;
    }
}
