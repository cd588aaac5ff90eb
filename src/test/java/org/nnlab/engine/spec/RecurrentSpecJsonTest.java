package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** The recurrent kinds through ModelSpec: JSON round trip, summary and Sequential (stacking). */
class RecurrentSpecJsonTest {
    /** Every recurrent kind once: token ids → embedding → bidirectional LSTM → LSTM → GRU → RNN → heads. */
    static final ModelSpec RECURRENT = ModelSpec.of(Shape.of(12),
            new EmbeddingSpec(30, 8),
            new BidirectionalSpec(new LstmSpec(6, true, 4, 1.5)),
            new LstmSpec(6, true),
            new GruSpec(5, true),
            new TimeDenseSpec(7),
            new SimpleRnnSpec(4, false, 0, 0.0),
            new TimeDenseSpec(3));

    @Test
    void jsonRoundTripsAndStackedModelRuns() {
        String json = RECURRENT.toJson();
        assertEquals(RECURRENT, ModelSpec.fromJson(json));
        assertTrue(json.contains("\"kind\": \"bidirectional\"") && json.contains("\"truncateSteps\": 4"), json);
        RECURRENT.validate();
        assertEquals(Shape.of(3), RECURRENT.outputShape());
        Sequential model = Sequential.build(RECURRENT, new SplittableRandom(1));
        Tensor ids = Tensor.zeros(Shape.of(2, 12));
        for (int i = 0; i < ids.size(); i++) {
            ids.set(i, i % 30);
        }
        Tensor out = model.forward(ids, Mode.TRAIN);
        assertEquals(Shape.of(2, 3), out.shape());
        model.backward(Tensor.filled(out.shape(), 1f));
        long params = model.params().stream().mapToLong(p -> p.value().size()).sum();
        assertEquals(RECURRENT.paramCount(), params);
    }
}
