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
}
