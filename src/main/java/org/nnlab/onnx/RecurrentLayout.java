package org.nnlab.onnx;

import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;

/**
 * Moves recurrent weights between our layout and ONNX's, one direction at a time.
 * <p>
 * Ours: W_x [features, gates·hidden], W_h [hidden, gates·hidden], one bias [gates·hidden] (LSTM gates i f g o,
 * GRU r z n), and for the GRU the candidate's state bias [hidden] inside the reset product.
 * ONNX: W [gates·hidden, features], R [gates·hidden, hidden] (each direction's slice of the [directions, …]
 * tensors), B = input biases then state biases [2·gates·hidden], gate order LSTM i o f c, GRU z r h; our GRU is
 * ONNX's with {@code linear_before_reset = 1}. ONNX adds both biases; we keep their sum, except the GRU
 * candidate's state bias, which stays apart.
 */
final class RecurrentLayout {
    private final int[] ourGate;   // ONNX gate block k holds our gate block ourGate[k]
    private final int hidden;
    private final int features;
    private final boolean gru;

    RecurrentLayout(RecurrentSpec spec, int features) {
        this.ourGate = switch (spec) {
            case SimpleRnnSpec _ -> new int[] {0};
            case LstmSpec _ -> new int[] {0, 3, 1, 2};
            case GruSpec _ -> new int[] {1, 0, 2};
        };
        this.hidden = spec.units();
        this.features = features;
        this.gru = spec instanceof GruSpec;
    }

    String onnxOp(RecurrentSpec spec) {
        return switch (spec) {
            case SimpleRnnSpec _ -> "RNN";
            case LstmSpec _ -> "LSTM";
            case GruSpec _ -> "GRU";
        };
    }

    int width() {
        return ourGate.length * hidden;
    }

    /** Our [rows, gates·hidden] matrix into ONNX's [gates·hidden, rows] at {@code offset} of {@code onnx}. */
    void toOnnx(float[] ours, int rows, float[] onnx, int offset) {
        int width = width();
        for (int k = 0; k < ourGate.length; k++) {
            for (int u = 0; u < hidden; u++) {
                int col = ourGate[k] * hidden + u;
                int row = (k * hidden + u) * rows;
                for (int f = 0; f < rows; f++) {
                    onnx[offset + row + f] = ours[f * width + col];
                }
            }
        }
    }

    /** The inverse of {@link #toOnnx}. */
    void fromOnnx(float[] onnx, int offset, int rows, float[] ours) {
        int width = width();
        for (int k = 0; k < ourGate.length; k++) {
            for (int u = 0; u < hidden; u++) {
                int col = ourGate[k] * hidden + u;
                int row = (k * hidden + u) * rows;
                for (int f = 0; f < rows; f++) {
                    ours[f * width + col] = onnx[offset + row + f];
                }
            }
        }
    }

    /** Our bias (and the GRU's state bias, else null) into ONNX's B slice [2·width] at {@code offset}. */
    void biasToOnnx(float[] bias, float[] stateBias, float[] onnx, int offset) {
        for (int k = 0; k < ourGate.length; k++) {
            System.arraycopy(bias, ourGate[k] * hidden, onnx, offset + k * hidden, hidden);
        }
        if (gru) {
            System.arraycopy(stateBias, 0, onnx, offset + width() + 2 * hidden, hidden);
        }
    }

    /** ONNX's B slice into our bias and (for the GRU) state bias. */
    void biasFromOnnx(float[] onnx, int offset, float[] bias, float[] stateBias) {
        int width = width();
        for (int k = 0; k < ourGate.length; k++) {
            boolean apart = gru && k == 2;
            for (int u = 0; u < hidden; u++) {
                float input = onnx[offset + k * hidden + u];
                float state = onnx[offset + width + k * hidden + u];
                bias[ourGate[k] * hidden + u] = apart ? input : input + state;
                if (apart) {
                    stateBias[u] = state;
                }
            }
        }
    }

    int features() {
        return features;
    }

    int hidden() {
        return hidden;
    }
}
