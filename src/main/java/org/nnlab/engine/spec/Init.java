package org.nnlab.engine.spec;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.engine.text.Message;

/**
 * A weight initialiser as settings: the {@link InitScheme}, its scale, and for {@code FIXED} the values.
 * {@code values} is empty for every other scheme.
 */
public record Init(InitScheme scheme, double scale, List<Double> values) {
    public Init {
        if (scheme == null) {
            throw new SpecException("engine.spec.init.noScheme");
        }
        if (!Double.isFinite(scale)) {
            throw new SpecException("engine.spec.init.scale", scale);
        }
        values = values == null ? List.of() : List.copyOf(values);
        if (scheme == InitScheme.FIXED && values.isEmpty()) {
            throw new SpecException("engine.spec.init.fixedEmpty");
        }
        if (scheme != InitScheme.FIXED && !values.isEmpty()) {
            throw new SpecException("engine.spec.init.valuesNotFixed", scheme, values.size());
        }
    }

    public static Init glorot() {
        return new Init(InitScheme.GLOROT_UNIFORM, 1, List.of());
    }

    public static Init he() {
        return new Init(InitScheme.HE_NORMAL, 1, List.of());
    }

    public static Init zeros() {
        return constant(0);
    }

    public static Init constant(double value) {
        return new Init(InitScheme.CONSTANT, value, List.of());
    }

    public static Init uniform(double limit) {
        return new Init(InitScheme.UNIFORM, limit, List.of());
    }

    public static Init normal(double std) {
        return new Init(InitScheme.NORMAL, std, List.of());
    }

    public static Init fixed(double... values) {
        return new Init(InitScheme.FIXED, 1, java.util.Arrays.stream(values).boxed().toList());
    }

    /** Checks that a FIXED initialiser has one value per element of {@code shape}; {@code what} names it. */
    public void requireFits(Shape shape, Message what) {
        if (scheme == InitScheme.FIXED && values.size() != shape.size()) {
            throw new SpecException("engine.spec.init.count", what, shape, shape.size(), values.size());
        }
    }

    /** A new tensor of {@code shape} filled by this scheme. */
    public Tensor create(Shape shape, int fanIn, int fanOut, RandomGenerator rng) {
        return switch (scheme) {
            case GLOROT_UNIFORM -> symmetric(shape, scale * Math.sqrt(6.0 / (fanIn + fanOut)), rng);
            case GLOROT_NORMAL -> Tensor.normal(shape, 0, scale * Math.sqrt(2.0 / (fanIn + fanOut)), rng);
            case HE_UNIFORM -> symmetric(shape, scale * Math.sqrt(6.0 / fanIn), rng);
            case HE_NORMAL -> Tensor.normal(shape, 0, scale * Math.sqrt(2.0 / fanIn), rng);
            case UNIFORM -> symmetric(shape, scale, rng);
            case NORMAL -> Tensor.normal(shape, 0, scale, rng);
            case CONSTANT -> Tensor.filled(shape, (float) scale);
            case FIXED -> fixedTensor(shape);
        };
    }

    private static Tensor symmetric(Shape shape, double limit, RandomGenerator rng) {
        return Tensor.uniform(shape, -limit, limit, rng);
    }

    private Tensor fixedTensor(Shape shape) {
        requireFits(shape, Message.of("engine.spec.init.tensor"));
        float[] data = new float[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.get(i).floatValue();
        }
        return new Tensor(shape, data);
    }
}
