package org.nnlab.engine.backprop;

/**
 * One weight in the backward pass, as the chain rule: ∂E/∂w = ∂E/∂out · ∂out/∂net · ∂net/∂w, where out
 * and net belong to the neuron the weight feeds ({@code to}), and the update w⁺ = w − η·∂E/∂w.
 */
public record WeightTrace(String name, String from, String to, double before, double dErrorDOut, double dOutDNet,
                          double dNetDWeight, double gradient, double after) {
}
