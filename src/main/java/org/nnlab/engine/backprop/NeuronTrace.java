package org.nnlab.engine.backprop;

/** One neuron in the forward pass: net = Σ w·x + b, out = σ(net). */
public record NeuronTrace(String name, double net, double out) {
}
