package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class ConfusionMatrixTest {
    @Test
    void countsPairsAndDerivesAccuracyAndRecall() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.add(0, 0);
        m.add(0, 0);
        m.add(0, 2);
        m.add(1, 1);
        m.add(2, 1);
        assertEquals(5, m.total());
        assertEquals(3, m.correct());
        assertEquals(0.6, m.accuracy(), 1e-12);
        assertEquals(2.0 / 3, m.recall(0), 1e-12);
        assertEquals(0.0, m.recall(2));
        assertEquals(1, m.count(0, 2));
        String table = m.format();
        assertTrue(table.contains("66.67%"), table);
        assertEquals(4, table.lines().count());
        assertThrows(IllegalArgumentException.class, () -> m.add(3, 0));
    }

    @Test
    void runsAModelOverADataset() {
        // a fixed linear model that predicts class 1 when x0 > x1, else class 0
        ModelSpec spec = ModelSpec.of(Shape.of(2), new DenseSpec(2, Init.fixed(-1, 1, 1, -1), Init.zeros()));
        Sequential model = Sequential.build(spec, new SplittableRandom(1));
        Tensor x = Tensor.of(Shape.of(5, 2), 3, 1, 0, 2, 5, 4, 1, 1.5f, 2, 9);
        Dataset data = new Dataset(x, new int[] {1, 0, 1, 1, 0});
        ConfusionMatrix m = ConfusionMatrix.of(model, data, 2);
        assertEquals(5, m.total());
        assertEquals(2, m.count(0, 0));
        assertEquals(2, m.count(1, 1));
        assertEquals(1, m.count(1, 0));
    }
}
