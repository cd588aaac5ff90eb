package org.nnlab.engine.perceptron;

/** Truth tables of the classic perceptron exercises; inputs are 0/1. */
public enum LogicGate {
    AND(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 0, 0, 1}),
    OR(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 1}),
    NOT(new float[][] {{0}, {1}}, new int[] {1, 0}),
    XOR(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0});

    private final float[][] inputs;
    private final int[] targets;

    LogicGate(float[][] inputs, int[] targets) {
        this.inputs = inputs;
        this.targets = targets;
    }

    public float[][] inputs() {
        float[][] copy = new float[inputs.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = inputs[i].clone();
        }
        return copy;
    }

    public int[] targets() {
        return targets.clone();
    }

    public int arity() {
        return inputs[0].length;
    }
}
