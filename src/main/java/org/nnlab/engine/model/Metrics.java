package org.nnlab.engine.model;

/** Mean loss and accuracy (fraction correct, 0..1) over a set of samples. */
public record Metrics(double loss, double accuracy) {
    public static final Metrics NONE = new Metrics(Double.NaN, Double.NaN);
}
