package org.nnlab.engine.layer.recurrent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link Recurrent} layer keeps while recording: the hidden state of every sample and step, an
 * LSTM's gate values, and the gradient norm that arrived at every step in the last backward pass.
 */
final class RecurrentRecord {
    private static final String[] LSTM_GATES = {"input", "forget", "candidate", "output"}; // LstmCell.GATE_ORDER

    private SequenceTrace hiddenTrace;
    private Map<String, SequenceTrace> gateTraces = Map.of();
    private double[] gradientNorms;

    /** Copies the states [steps + 1, batch, hidden] (processing order) of a forward pass, in input order. */
    void forward(float[] states, RecurrentCell cell, int steps, int batch, boolean reverse) {
        int T = steps;
        int B = batch;
        int hidden = cell.hidden();
        float[] hv = new float[B * T * hidden];
        TimeOrder.toInputOrder(states, 1, hv, T, B, hidden, reverse);
        hiddenTrace = new SequenceTrace(B, T, hidden, hv);
        if (cell instanceof LstmCell lstm) {
            Map<String, SequenceTrace> traces = new LinkedHashMap<>();
            float[] gv = lstm.gateValues();
            for (int gate = 0; gate < 4; gate++) {
                float[] v = new float[B * T * hidden];
                for (int st = 0; st < T; st++) {
                    int tau = reverse ? T - 1 - st : st;
                    for (int bi = 0; bi < B; bi++) {
                        System.arraycopy(gv, ((st * B + bi) * 4 + gate) * hidden, v, (bi * T + tau) * hidden, hidden);
                    }
                }
                traces.put(LSTM_GATES[gate], new SequenceTrace(B, T, hidden, v));
            }
            gateTraces = Map.copyOf(traces);
        }
    }

    /** Keeps the norms of a backward pass, given as sums of squares, which it turns into norms in place. */
    void gradientNorms(double[] squares) {
        for (int t = 0; t < squares.length; t++) {
            squares[t] = Math.sqrt(squares[t]);
        }
        gradientNorms = squares;
    }

    SequenceTrace hiddenStates() {
        return hiddenTrace;
    }

    Map<String, SequenceTrace> gateValues() {
        return gateTraces;
    }

    double[] gradientNorms() {
        return gradientNorms == null ? null : gradientNorms.clone();
    }
}
