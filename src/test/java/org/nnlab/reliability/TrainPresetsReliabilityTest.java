package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.TrainingProperties;

/**
 * Found by the soak: the Train page offered "CNN with 5 then 20 kernels", whose second pooling (11 → 5.5)
 * does not fit, so every Start of it was refused. Every network the page offers must fit MNIST and stay
 * within the default parameter limit.
 */
class TrainPresetsReliabilityTest {
    @Test
    void everyOfferedNetworkFitsMnistAndTheDefaultLimits() {
        List<String> problems = new ArrayList<>();
        long maxParameters = TrainingProperties.defaults().maxParameters();
        for (Presets.Preset n : Presets.in(Presets.Offer.TRAIN_PAGE)) {
            try {
                n.spec().validate();
                if (!n.spec().outputShape().equals(Shape.of(10))) {
                    problems.add(n.name() + ": output " + n.spec().outputShape());
                }
                if (n.spec().paramCount() > maxParameters) {
                    problems.add(n.name() + ": " + n.spec().paramCount() + " parameters");
                }
            } catch (SpecException e) {
                problems.add(n.name() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }
}
