package org.nnlab.engine.layer.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class RecordingAndSpecTest {
    @Test
    void recordsHiddenStatesAndLstmGatesPerStep() {
        Recurrent lstm = new LstmSpec(3, false).build(Shape.of(4, 2), new SplittableRandom(1));
        Tensor x = Tensor.uniform(Shape.of(2, 4, 2), -1, 1, new SplittableRandom(2));
        lstm.forward(x, Mode.INFER);
        assertNull(lstm.hiddenStates(), "nothing recorded unless asked");
        Tensor last = lstm.recording(true).forward(x, Mode.INFER);
        SequenceTrace h = lstm.hiddenStates();
        assertEquals(4, h.steps());
        for (int b = 0; b < 2; b++) {
            for (int u = 0; u < 3; u++) {
                assertEquals(last.get(b * 3 + u), h.value(b, 3, u));
            }
        }
        Map<String, SequenceTrace> gates = lstm.gateValues();
        assertEquals(java.util.Set.of("input", "forget", "candidate", "output"), gates.keySet());
        // h_t = o ⊙ tanh(c_t) with c_t = f ⊙ c_{t−1} + i ⊙ g, rebuilt from the recorded gates
        for (int b = 0; b < 2; b++) {
            for (int u = 0; u < 3; u++) {
                double c = 0;
                for (int t = 0; t < 4; t++) {
                    c = gates.get("forget").value(b, t, u) * c
                            + gates.get("input").value(b, t, u) * gates.get("candidate").value(b, t, u);
                    assertEquals(gates.get("output").value(b, t, u) * Math.tanh(c), h.value(b, t, u), 1e-5);
                }
            }
        }
    }

    @Test
    void reversedLayerRecordsInInputOrder() {
        Recurrent rev = new SimpleRnnSpec(2, true).buildRecurrent(Shape.of(5, 1), new SplittableRandom(3), true);
        Tensor out = rev.recording(true).forward(Tensor.uniform(Shape.of(1, 5, 1), -1, 1, new SplittableRandom(4)), Mode.INFER);
        for (int t = 0; t < 5; t++) {
            assertEquals(out.get(t * 2), rev.hiddenStates().value(0, t, 0));
        }
    }

    @Test
    void gradientNormsShowTheVanishingGradientAlongTime() {
        int steps = 30;
        Recurrent rnn = new SimpleRnnSpec(8, false).build(Shape.of(steps, 3), new SplittableRandom(5));
        rnn.recording(true);
        rnn.forward(Tensor.uniform(Shape.of(4, steps, 3), -1, 1, new SplittableRandom(6)), Mode.TRAIN);
        rnn.backward(Tensor.filled(Shape.of(4, 8), 1f));
        double[] norms = rnn.gradientNorms();
        assertEquals(steps, norms.length);
        assertEquals(Math.sqrt(32), norms[steps - 1], 1e-6, "the last step receives the output gradient");
        assertTrue(norms[0] < 1e-2 * norms[steps - 1], "30 steps back the gradient has faded: " + norms[0]);
    }

    @Test
    void specsAreRegisteredAndCountTheirParameters() {
        Shape in = Shape.of(7, 5);
        LayerSpec[] specs = {new SimpleRnnSpec(4, true), new LstmSpec(4, false), new GruSpec(4, true),
                new BidirectionalSpec(new LstmSpec(3, true)), new TimeDenseSpec(6)};
        for (LayerSpec spec : specs) {
            assertTrue(LayerKinds.byType(spec.getClass()).isPresent(), spec.kind() + " is registered");
            assertEquals(spec.kind(), LayerKinds.byType(spec.getClass()).get().name());
            Layer layer = spec.build(in, new SplittableRandom(1));
            long count = layer.params().stream().mapToLong(p -> p.value().size()).sum();
            assertEquals(spec.paramCount(in), count, spec.kind());
            assertEquals(spec.outputShape(in), layer.outputShape(in));
            Tensor out = layer.forward(Tensor.zeros(in.withBatch(2)), Mode.INFER);
            assertEquals(spec.outputShape(in).withBatch(2), out.shape());
            assertTrue(spec.flops(in) > 0);
        }
        assertEquals(Shape.of(7, 6), new BidirectionalSpec(new LstmSpec(3, true)).outputShape(in));
        assertEquals(Shape.of(8), new BidirectionalSpec(new GruSpec(4, false)).outputShape(in));
        assertEquals(Shape.of(9, 4), new EmbeddingSpec(10, 4).outputShape(Shape.of(9)));
        assertTrue(LayerKinds.byName("embedding").isPresent());
        // PyTorch's nn.LSTM(5, 4) has 4·4·(5 + 4) + 2·16 = 176 values; ours folds the two biases: 160
        assertEquals(160, new LstmSpec(4, false).paramCount(in));
    }

    @Test
    void badSettingsAreExplained() {
        SpecException e = assertThrows(SpecException.class, () -> new LstmSpec(0, true));
        assertTrue(e.getMessage().contains("units"));
        assertThrows(SpecException.class, () -> new LstmSpec(4, true, -1, 0));
        assertThrows(SpecException.class, () -> new BidirectionalSpec(new TimeDenseSpec(3)));
        SpecException shape = assertThrows(SpecException.class, () -> new LstmSpec(4, true).outputShape(Shape.of(1, 28, 28)));
        assertTrue(shape.getMessage().contains("[1, 28, 28]"));
        Layer emb = new EmbeddingSpec(3, 2).build(Shape.of(2), new SplittableRandom(1));
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> emb.forward(Tensor.of(Shape.of(1, 2), 1, 3), Mode.INFER));
        assertTrue(id.getMessage().contains("outside"));
    }

    @Test
    void bidirectionalNamesItsHalves() {
        Layer bi = new BidirectionalSpec(new GruSpec(2, true)).build(Shape.of(3, 2), new SplittableRandom(1));
        assertEquals("forward.weightInput", bi.params().getFirst().name());
        assertEquals("backward.hiddenBias", bi.params().getLast().name());
        assertEquals(8, bi.params().size());
        for (Param p : bi.params()) {
            assertEquals(p.value().shape(), p.grad().shape());
        }
    }
}
