package org.nnlab.engine.layer.recurrent;

import org.nnlab.engine.tensor.PackedWeights;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.WeightPacking;

/**
 * A recurrent layer's weights as its per-step products read them ({@link
 * org.nnlab.engine.tensor.RecurrentKernel}): W_x and W_h in column strips for the forward pass, W_hᵀ made
 * from W_h and put in strips for the backward pass, refreshed once per pass while the weights stay the
 * same for all its steps. The copying is cut by rows over the job's threads ({@link WeightPacking}), so
 * the thread that helps with the time loop is already at work when the loop starts; when the pass's slices
 * run among a {@link Bidirectional} layer's other work, the other thread has its own direction to pack
 * and each packs alone.
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

    /** Packs W_x [features, width] and W_h [hiddenUnits, width] for a forward pass run by {@code slices}. */
    void forward(float[] wx, int features, float[] wh, int hiddenUnits, int width, BatchSlices slices) {
        input.fit(wx, features, width);
        hidden.fit(wh, hiddenUnits, width);
        packing.pack(input, hidden, threads(slices));
    }

    /** Makes and packs W_hᵀ [width, hiddenUnits] from W_h for a backward pass run by {@code slices}. */
    void backward(float[] wh, int hiddenUnits, int width, BatchSlices slices) {
        hiddenT.fit(hiddenTValues, width, hiddenUnits);
        packing.packTransposed(hiddenT, wh, threads(slices));
    }

    private static int threads(BatchSlices slices) {
        return slices.shared() ? 1 : Parallelism.threads();
    }
}
