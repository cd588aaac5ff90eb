package org.nnlab.engine.model;

import java.util.List;
import org.nnlab.engine.layer.Param;

/**
 * A reusable copy of a model's parameter values: to go back to good weights (the trainer after a
 * divergence, a run's best checkpoint) and to measure how much a step changed them.
 */
public final class WeightSnapshot {
    private final List<Param> params;
    private final float[][] values;

    WeightSnapshot(List<Param> params) {
        this.params = params;
        this.values = new float[params.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new float[params.get(i).value().size()];
        }
        capture();
    }

    /** Copies the parameters' current values into this snapshot again (its buffers reused). */
    public void capture() {
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(params.get(i).value().data(), 0, values[i], 0, values[i].length);
        }
    }

    /** Puts the copied values back into the parameters they were taken from. */
    public void restore() {
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, params.get(i).value().data(), 0, values[i].length);
        }
    }

    /** Σ (current − saved)² of parameter {@code i}. */
    double changeSquared(int i) {
        float[] now = params.get(i).value().data();
        float[] then = values[i];
        double s = 0;
        for (int j = 0; j < now.length; j++) {
            double d = (double) now[j] - then[j];
            s += d * d;
        }
        return s;
    }

    /** Σ saved² of parameter {@code i}. */
    double savedSquared(int i) {
        double s = 0;
        for (float v : values[i]) {
            s += (double) v * v;
        }
        return s;
    }
}
