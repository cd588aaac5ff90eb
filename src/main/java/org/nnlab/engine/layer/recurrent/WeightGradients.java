package org.nnlab.engine.layer.recurrent;

import org.nnlab.engine.tensor.MatMul;

/**
 * The end of a recurrent layer's backward pass, after the time loop has filled the pre-activation
 * gradients: the weight and bias gradients, one product each over all steps and samples, and the input
 * gradient. The products use {@link org.nnlab.engine.tensor.Parallelism#threads()} threads; how they are
 * split never changes their sums.
 */
final class WeightGradients {
    private WeightGradients() {
    }

    /**
     * Adds the gradients of W_x, b and W_h of one pass ({@code rows} = steps · batch) into theirs; {@code scratch}
     * [features + 1, width] holds a summing cell's W_x and b gradients before they are added.
     */
    static void add(TimeBuffers buf, boolean summed, float[] input, float[] scratch, int rows, int features,
                    int hidden, int width, float[] weightInputGrad, float[] biasGrad, float[] weightHiddenGrad) {
        if (summed) {
            // a summing cell's input pre-activation gradient is dPreH, whose rows pair with inputSteps; the
            // 1 closing each input row makes the product's last row the bias gradient (Σ over rows of dPreH)
            MatMul.multiply(buf.inputSteps, 0, true, buf.dPreH, 0, false, scratch, 0, features + 1, width, rows, false);
            TimeOrder.addTo(scratch, 0, weightInputGrad, features * width);
            TimeOrder.addTo(scratch, features * width, biasGrad, width);
        } else {
            MatMul.multiply(input, 0, true, buf.dPreX, 0, false, weightInputGrad, 0, features, width, rows, true);
            TimeOrder.addColumnSums(buf.dPreX, rows, width, biasGrad);
        }
        MatMul.multiply(buf.states, 0, true, buf.dPreH, 0, false, weightHiddenGrad, 0, hidden, width, rows, true);
    }

    /** The input gradient {@code dx} [batch, steps, features] of the pass, from the pre-activation gradients and W_x. */
    static void input(TimeBuffers buf, boolean summed, float[] weightInput, float[] dx, int T, int B, int features,
                      int width, boolean reverse) {
        if (!summed) {
            MatMul.multiply(buf.dPreX, 0, false, weightInput, 0, true, dx, 0, B * T, features, width, false);
            return;
        }
        float[] dxSteps = buf.inputSteps; // done with: the weight gradient was its last reader; [steps, batch, features]
        MatMul.multiply(buf.dPreH, 0, false, weightInput, 0, true, dxSteps, 0, T * B, features, width, false);
        TimeOrder.toInputOrder(dxSteps, 0, dx, T, B, features, reverse);
    }
}
