package org.nnlab.labs.playground;

import java.util.List;

/**
 * What the playground shows at one moment, in compact arrays for drawing. Pictures are square grids over
 * [−6, 6]² (row 0 at x2 = 6, column 0 at x1 = −6), one byte per cell: {@code boundary} is the network's
 * probability of class 1 times 255; each of {@code neurons} (the inputs, then the hidden neurons layer by
 * layer) maps −1..1 to 0..255 (inputs scaled by their largest size). {@code weights} holds every dense
 * layer's [in, units] weight matrix, layer after layer; {@code layout} the width of every layer from the
 * inputs to the output; {@code settings} those of the session that made the frame. The loss histories are thinned to a few hundred points, one per {@code historyStride} epochs.
 */
public record PlaygroundFrame(PlaygroundSettings settings, long epoch, double trainLoss, double testLoss, int[] layout, int grid, byte[] boundary,
                              int neuronGrid, List<byte[]> neurons, float[] weights, float[] trainHistory,
                              float[] testHistory, int historyStride) {
}
