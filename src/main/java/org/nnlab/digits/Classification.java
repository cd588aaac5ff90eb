package org.nnlab.digits;

import java.util.List;
import org.nnlab.engine.data.DigitStages;

/**
 * One drawing read by one model: the preprocessing stages (the final 28×28 image is what the network
 * saw), the probability of each digit 0–9, the most probable digit, the inner layers' outputs when
 * they were asked for (else empty) and the time taken in nanoseconds (preprocessing plus network).
 */
public record Classification(DigitModel model, DigitStages stages, float[] probabilities, int prediction,
                             List<LayerActivation> layers, long nanos) {

    public float confidence() {
        return probabilities[prediction];
    }
}
