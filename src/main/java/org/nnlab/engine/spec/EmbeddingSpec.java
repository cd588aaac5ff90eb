package org.nnlab.engine.spec;

import java.util.random.RandomGenerator;
import org.nnlab.engine.layer.recurrent.Embedding;
import org.nnlab.engine.tensor.Shape;

/**
 * Token ids to vectors: per sample [steps] ids (whole numbers stored as floats, 0 ≤ id &lt; vocabulary)
 * → [steps, dimension], one learned row per id.
 */
@Kind("embedding")
public record EmbeddingSpec(int vocabulary, int dimension) implements LayerSpec {
    public EmbeddingSpec {
        if (vocabulary < 1 || dimension < 1) {
            throw new SpecException("engine.spec.embedding.sizes", vocabulary, dimension);
        }
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 1) {
            throw new SpecException("engine.spec.embedding.input", input);
        }
        return Shape.of(input.dim(0), dimension);
    }

    @Override
    public long paramCount(Shape input) {
        return (long) vocabulary * dimension;
    }

    @Override
    public long flops(Shape input) {
        return 0;
    }

    @Override
    public Embedding build(Shape input, RandomGenerator rng) {
        outputShape(input);
        return new Embedding(this, rng);
    }
}
