package org.nnlab.engine.spec;

import org.nnlab.engine.tensor.Shape;

/** One row of a model summary: layer position and kind, per-sample shapes, parameters and FLOPs per sample. */
public record LayerSummary(int index, String kind, Shape inputShape, Shape outputShape, long params, long flops) {
}
