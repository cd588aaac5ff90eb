package org.nnlab.engine.layer;

import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.SoftmaxKernel;
import org.nnlab.engine.tensor.Tensor;

/**
 * Softmax over the last dimension: y_j = e^(x_j − max x) / Σ_k e^(x_k − max x) (the max is subtracted so
 * large inputs do not overflow). Backward per row: dx_j = y_j · (g_j − Σ_k y_k·g_k). For training a
 * classifier prefer raw logits with {@link org.nnlab.engine.loss.SoftmaxCrossEntropy}, which is fused.
 */
public final class Softmax implements Layer {
    private final LayerSpec spec;
    private Tensor output;
    private Tensor gradIn;

    public Softmax(LayerSpec spec) {
        this.spec = spec;
    }

    @Override
    public Shape outputShape(Shape input) {
        return spec.outputShape(input);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int cols = x.shape().dim(-1);
        output = Tensor.zeros(x.shape());
        float[] in = x.data();
        float[] y = output.data();
        for (int base = 0; base < in.length; base += cols) {
            softmaxRow(in, y, base, cols);
        }
        return output;
    }

    /** Writes the softmax of {@code in[base .. base+cols)} into {@code y} at the same place ({@link SoftmaxKernel}). */
    public static void softmaxRow(float[] in, float[] y, int base, int cols) {
        SoftmaxKernel.probabilities(in, base, cols, y, base);
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        int cols = output.shape().dim(-1);
        gradIn = Layers.buffer(gradIn, output.shape());
        float[] y = output.data();
        float[] g = gradOut.data();
        float[] dx = gradIn.data();
        for (int base = 0; base < y.length; base += cols) {
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += (double) y[base + j] * g[base + j];
            }
            for (int j = 0; j < cols; j++) {
                dx[base + j] = (float) (y[base + j] * (g[base + j] - dot));
            }
        }
        return gradIn;
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Softmax";
    }
}
