package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.BatchNorm;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.tensor.Shape;

/**
 * Batch normalisation: y = γ · (x − μ) / sqrt(σ² + epsilon) + β, per feature of a {@code [units]} input or
 * per channel of a {@code [c, h, w]} input (statistics over the batch and, for images, all positions).
 * Training uses the batch's μ and σ² and updates running averages: running = (1 − momentum) · running
 * + momentum · batch value (the unbiased variance, as PyTorch); inference uses the running values.
 * The shape is kept; γ and β are learned (2 per feature or channel).
 */
@Kind("batch_norm")
public record BatchNormSpec(double momentum, double epsilon) implements LayerSpec {
    public BatchNormSpec {
        if (!(momentum > 0 && momentum <= 1)) {
            throw new SpecException("engine.spec.batchNorm.momentum", momentum);
        }
        if (!(epsilon > 0)) {
            throw new SpecException("engine.spec.batchNorm.epsilon", epsilon);
        }
    }

    /** momentum 0.1, epsilon 1e-5 (PyTorch's defaults). */
    public BatchNormSpec() {
        this(0.1, 1e-5);
    }

    /** The number of features (for [units]) or channels (for [c, h, w]) that get their own γ and β. */
    public int features(Shape input) {
        if ((input.rank() != 1 && input.rank() != 3) || input.size() == 0) {
            throw new SpecException("engine.spec.batchNorm.input", input);
        }
        return input.dim(0);
    }

    @Override
    public Shape outputShape(Shape input) {
        features(input);
        return input;
    }

    @Override
    public long paramCount(Shape input) {
        return 2L * features(input);
    }

    /** Normalise, scale and shift: about 4 operations per value. */
    @Override
    public long flops(Shape input) {
        features(input);
        return 4L * input.size();
    }

    @Override
    public Layer build(Shape input, RandomGenerator rng) {
        features(input);
        return new BatchNorm(this, input);
    }
}
