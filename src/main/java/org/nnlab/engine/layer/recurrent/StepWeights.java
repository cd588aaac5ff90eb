package org.nnlab.engine.layer.recurrent;

import org.nnlab.engine.tensor.PackedWeights;
import org.nnlab.engine.tensor.WeightPacking;

/**
 * A recurrent layer's weights as its per-step products read them ({@link
 * org.nnlab.engine.tensor.RecurrentKernel}): W_x and W_h in column strips for the forward pass, W_hᵀ made
 * from W_h and put in strips for the backward pass, refreshed once per pass while the weights stay the
 * same for all its steps. The copying is cut by row blocks ({@link WeightPacking}) that the pass's threads
 * take in the same hand-over as the time loop's ranges, just before them ({@link BatchSlices#before}), so
 * the thread that helps with the loop is already at work when it starts; when the ranges run among a
 * {@link Bidirectional} layer's other work, the other thread has its own direction to pack and each
 * packs alone.
 */
final class StepWeights {
    final PackedWeights input = new PackedWeights();
    final PackedWeights hidden = new PackedWeights();
    final PackedWeights hiddenT = new PackedWeights();
    /** W_hᵀ [width, hidden]: what {@link #hiddenT} keeps for the columns past its strips and for short slices. */
    private final float[] hiddenTValues;
    private final WeightPacking packing = new WeightPacking();

    StepWeights(int hiddenUnits, int width) {
        hiddenTValues = new float[hiddenUnits * width];
    }

    /** Packs W_x [features, width] and W_h [hiddenUnits, width] before the ranges of the forward pass {@code slices} runs next. */
    void forward(float[] wx, int features, float[] wh, int hiddenUnits, int width, BatchSlices slices) {
        input.fit(wx, features, width);
        hidden.fit(wh, hiddenUnits, width);
        slices.before(packing.plan(input, hidden), packing.blocks());
    }

    /** Makes and packs W_hᵀ [width, hiddenUnits] from W_h before the ranges of the backward pass {@code slices} runs next. */
    void backward(float[] wh, int hiddenUnits, int width, BatchSlices slices) {
        hiddenT.fit(hiddenTValues, width, hiddenUnits);
        slices.before(packing.planTransposed(hiddenT, wh), packing.blocks());
    }
}
