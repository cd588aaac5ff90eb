package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;

class TrainingMemoryTest {
    private static final Shape IMAGE = Shape.of(1, 28, 28);

    @Test
    void aReluStackKeepsEveryLayersOutputAndInputGradientForEverySample() {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new FlattenSpec());
        for (int i = 0; i < 300; i++) {
            layers.add(new ReluSpec());
        }
        layers.add(new DenseSpec(10));
        TrainingMemory m = TrainingMemory.of(new ModelSpec(IMAGE, layers), 1024, 2);
        assertEquals(7850L * 4 * 4, m.weights(), "value, gradient, last good copy, best checkpoint");
        assertEquals(7850L * 2 * 4, m.optimizer(), "Adam's two moments");
        long perSample = 2 * 784 + 10 + 300 * (784 + 784) + (10 + 784);
        assertEquals(perSample * 1024 * 4, m.activations());
        assertEquals(0, m.workspace());
        long arrays = m.weights() + m.optimizer() + m.activations();
        assertEquals(arrays + arrays / 8, m.total());
        assertTrue(m.total() > 2L << 30, "over 2 GB: what stopped the probed server");
    }

    @Test
    void aConvolutionAlsoKeepsItsUnfoldedColumnsAndHasScratch() {
        ModelSpec conv = ModelSpec.of(IMAGE, Conv2dSpec.of(6, 5), new FlattenSpec(), new DenseSpec(10));
        TrainingMemory m = TrainingMemory.of(conv, 64, 0);
        long convKept = 6 * 24 * 24 + 784 + (25 + 1) * 24 * 24;
        long perSample = 2 * 784 + 10 + convKept + (10 + 6 * 24 * 24);
        assertEquals(perSample * 64 * 4, m.activations());
        assertTrue(m.workspace() > 0);
        assertEquals(0, m.optimizer(), "plain SGD keeps nothing");
    }

    @Test
    void aBlockCostsWhatItsLayersCostAndARecurrentLayerGrowsWithItsSteps() {
        ModelSpec block = ModelSpec.of(IMAGE, new ConvPoolBlockSpec(5, 6, 2, 2, "relu"), new FlattenSpec(), new DenseSpec(10));
        ModelSpec spelled = ModelSpec.of(IMAGE, Conv2dSpec.of(6, 5), new ReluSpec(), MaxPool2dSpec.of(2), new FlattenSpec(),
                new DenseSpec(10));
        assertEquals(TrainingMemory.of(spelled, 32, 2), TrainingMemory.of(block, 32, 2));

        long ten = TrainingMemory.of(ModelSpec.of(Shape.of(10, 8), new LstmSpec(16, false), new DenseSpec(2)), 1, 0).activations();
        long twenty = TrainingMemory.of(ModelSpec.of(Shape.of(20, 8), new LstmSpec(16, false), new DenseSpec(2)), 1, 0).activations();
        assertTrue(twenty > 1.9 * ten && twenty < 2.1 * ten, ten + " then " + twenty);
        assertThrows(SpecException.class, () -> TrainingMemory.of(ModelSpec.of(IMAGE, new DenseSpec(3)), 1, 0));
    }
}
