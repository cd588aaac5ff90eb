package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class SequentialTest {
    private static final ModelSpec SPEC = ModelSpec.of(Shape.of(3), new DenseSpec(4), new ReluSpec(), new DenseSpec(2),
            new SoftmaxSpec());

    @Test
    void forwardAllReturnsEveryLayerOutputForOneSample() {
        Sequential model = Sequential.build(SPEC, new SplittableRandom(1));
        Tensor x = Tensor.of(Shape.of(3), 0.5f, -1, 2);
        List<Tensor> all = model.forwardAll(x);
        assertEquals(5, all.size());
        assertEquals(Shape.of(1, 3), all.get(0).shape());
        assertEquals(Shape.of(1, 4), all.get(1).shape());
        assertEquals(Shape.of(1, 2), all.get(4).shape());
        assertArrayEquals(model.forward(x.reshape(Shape.of(1, 3)), Mode.INFER).data(), all.get(4).data());
        for (float v : all.get(2).data()) {
            assertEquals(true, v >= 0);
        }
    }

    @Test
    void paramsAreInLayerOrder() {
        Sequential model = Sequential.build(SPEC, new SplittableRandom(1));
        assertEquals(List.of(Shape.of(3, 4), Shape.of(4), Shape.of(4, 2), Shape.of(2)),
                model.params().stream().map(p -> p.value().shape()).toList());
    }

    @Test
    void sameSeedSameWeights() {
        Sequential a = Sequential.build(SPEC, new SplittableRandom(4));
        Sequential b = Sequential.build(SPEC, new SplittableRandom(4));
        assertArrayEquals(a.params().get(2).value().data(), b.params().get(2).value().data());
    }

    @Test
    void buildRejectsInvalidStack() {
        ModelSpec bad = ModelSpec.of(Shape.of(2, 2), new DenseSpec(3));
        assertEquals(0, assertThrows(SpecException.class, () -> Sequential.build(bad, new SplittableRandom(1))).layerIndex());
    }

    @Test
    void backwardReturnsInputGradient() {
        Sequential model = Sequential.build(SPEC, new SplittableRandom(1));
        model.forward(Tensor.zeros(2, 3), Mode.TRAIN);
        assertEquals(Shape.of(2, 3), model.backward(Tensor.filled(Shape.of(2, 2), 1f)).shape());
    }
}
