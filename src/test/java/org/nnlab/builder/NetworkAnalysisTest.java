package org.nnlab.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.TrainingMemory;
import org.nnlab.engine.tensor.Shape;

class NetworkAnalysisTest {
    @Test
    void validStackHasTotalsMemoryAndTheFullyConnectedComparison() {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), Conv2dSpec.of(5, 5), new ReluSpec(), new FlattenSpec(), new DenseSpec(10));
        NetworkAnalysis a = NetworkAnalysis.of(spec);
        assertTrue(a.valid());
        assertEquals(spec.paramCount(), a.params());
        assertEquals(spec.flops(), a.flops());
        assertEquals(Shape.of(10), a.output());
        long conv = 130;
        long dense = 2880L * 10 + 10;
        assertEquals(conv + dense, a.params());
        // the conv layer as a dense map 784 -> 2880 plus the dense layer itself
        assertEquals(784L * 2880 + 2880 + dense, a.fcParams());
        long activations = 784 + 2880 + 2880 + 2880 + 10;
        assertEquals(activations, a.activations());
        assertEquals(TrainingMemory.of(spec, 64, 2).total(), a.trainingBytes(), "the builder shows what admission counts");
    }

    @Test
    void invalidLayerCarriesTheEngineMessageAndLaterLayersAreUnknown() {
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), Conv2dSpec.of(5, 5).withStride(2), new FlattenSpec(), new DenseSpec(10));
        NetworkAnalysis a = NetworkAnalysis.of(spec);
        assertFalse(a.valid());
        assertEquals(0, a.errorIndex());
        assertTrue(a.error().english().startsWith("layer 1 (conv2d): Conv2d: height (28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number"),
                a.error().english());
        assertEquals(a.error().english(), "layer 1 (conv2d): " + a.rows().getFirst().error().english(),
                "the row has the layer's own words; its card names the layer");
        assertEquals(Shape.of(1, 28, 28), a.rows().getFirst().input());
        assertNull(a.rows().get(1).output());
        assertNull(a.rows().get(1).error());
    }

    @Test
    void emptyStackIsAGlobalProblem() {
        NetworkAnalysis a = NetworkAnalysis.of(new ModelSpec(Shape.of(2), java.util.List.of()));
        assertFalse(a.valid());
        assertEquals(-1, a.errorIndex());
        assertEquals(0, a.params());
    }
}
