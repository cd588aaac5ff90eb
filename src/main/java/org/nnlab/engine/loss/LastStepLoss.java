package org.nnlab.engine.loss;

import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * A loss for a network that scores every step of a sequence (outputs [batch, steps, classes]) trained
 * with one label per sample: only the last step is scored, by {@code inner}, and the other steps get no
 * gradient. A character model learns the character that follows its window this way, which is also
 * what sampling from it uses. It keeps its work buffers between calls, so one instance serves one
 * training loop at a time.
 */
public final class LastStepLoss implements Loss {
    private final Loss inner;
    /** The last steps and their gradient, kept from one mini-batch to the next of the same size. */
    private Tensor last;
    private Tensor lastGrad;

    public LastStepLoss(Loss inner) {
        this.inner = inner;
    }

    @Override
    public double evaluate(Tensor output, int[] labels, Tensor gradOut) {
        Shape s = output.shape();
        if (s.rank() != 3) {
            throw new IllegalArgumentException("the last-step loss needs outputs [batch, steps, classes], got " + s);
        }
        Shape lastShape = Shape.of(s.dim(0), s.dim(2));
        if (last == null || !last.shape().equals(lastShape)) {
            last = Tensor.zeros(lastShape);
            lastGrad = Tensor.zeros(lastShape);
        }
        copyLastStep(output, last.data());
        double loss = inner.evaluate(last, labels, lastGrad);
        float[] g = gradOut.data();
        java.util.Arrays.fill(g, 0f);
        int batch = s.dim(0);
        int steps = s.dim(1);
        int classes = s.dim(2);
        for (int r = 0; r < batch; r++) {
            System.arraycopy(lastGrad.data(), r * classes, g, (r * steps + steps - 1) * classes, classes);
        }
        return loss;
    }

    /** The last step of each sample of {@code output} [batch, steps, classes], copied: [batch, classes]. */
    public static Tensor lastStep(Tensor output) {
        Shape s = output.shape();
        int batch = s.dim(0);
        int steps = s.dim(1);
        int classes = s.dim(2);
        float[] out = new float[batch * classes];
        copyLastStep(output, out);
        return new Tensor(Shape.of(batch, classes), out);
    }

    private static void copyLastStep(Tensor output, float[] out) {
        Shape s = output.shape();
        int batch = s.dim(0);
        int steps = s.dim(1);
        int classes = s.dim(2);
        for (int r = 0; r < batch; r++) {
            System.arraycopy(output.data(), (r * steps + steps - 1) * classes, out, r * classes, classes);
        }
    }

    @Override
    public String name() {
        return inner.name() + " on the last step";
    }
}
