package org.nnlab.engine.backprop;

import java.util.List;

/**
 * Every number of one backpropagation step: the forward pass (hidden and output neurons), each output's
 * error ½(t − out)² and their sum E_total, the chain-rule factors of every weight (output layer first,
 * as the notes derive them), and the network with the updated weights.
 */
public record BackpropStep(List<NeuronTrace> hidden, List<NeuronTrace> outputs, List<Double> errors,
                           double totalError, List<WeightTrace> outputWeights, List<WeightTrace> hiddenWeights,
                           WorkedExample updated) {
    /** δ of output {@code o} (0-based): ∂E/∂out · ∂out/∂net, the error signal it sends back. */
    public double outputDelta(int o) {
        WeightTrace first = outputWeights.get(o * hidden.size());
        return first.dErrorDOut() * first.dOutDNet();
    }

    /**
     * What output {@code o} contributes to ∂E_total/∂out of hidden neuron {@code h} (both 0-based): its δ times
     * the weight that joins them (before the update). Summed over the outputs it is the hidden weights'
     * first chain-rule factor.
     */
    public double hiddenContribution(int o, int h) {
        return outputDelta(o) * outputWeights.get(o * hidden.size() + h).before();
    }
}
