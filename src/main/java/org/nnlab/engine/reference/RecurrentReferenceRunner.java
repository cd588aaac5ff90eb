package org.nnlab.engine.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.recurrent.Bidirectional;
import org.nnlab.engine.layer.recurrent.Recurrent;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Checks the recurrent layers against PyTorch's {@code nn.RNN} / {@code nn.LSTM} / {@code nn.GRU} cases.
 * PyTorch's layout differs from ours and is mapped here, not in the layers:
 * <ul>
 * <li>data is time-major [steps, batch, features]; ours is batch-first [batch, steps, features];</li>
 * <li>weight_ih [gates·hidden, in] and weight_hh [gates·hidden, hidden] are our W_x and W_h transposed
 *     (the gate order i, f, g, o / r, z, n is the same);</li>
 * <li>PyTorch adds two biases: our single bias is bias_ih + bias_hh, except a GRU's candidate block,
 *     where bias_hh_n sits inside the reset product and maps to our {@code hiddenBias};</li>
 * <li>layer l's "_reverse" parameters belong to the backward half of our Bidirectional.</li>
 * </ul>
 * Compared: output, h_n, c_n (LSTM), dx and the gradient of every PyTorch parameter for loss = sum(output·G).
 */
final class RecurrentReferenceRunner implements ReferenceRunner {
    @Override
    public Set<String> kinds() {
        return Set.of("rnn_tanh", "lstm", "gru", "bilstm", "deep_bilstm", "bi_rnn_tanh");
    }

    @Override
    public CaseResult run(Map<String, Object> testCase) {
        String kind = (String) testCase.get("kind");
        Map<String, Object> config = map(testCase, "config");
        int inputSize = number(config, "input_size");
        int hidden = number(config, "hidden_size");
        int layers = number(config, "num_layers");
        boolean bidirectional = Boolean.TRUE.equals(config.get("bidirectional"));
        int dirs = bidirectional ? 2 : 1;
        Map<String, Object> params = map(testCase, "params");
        Map<String, Object> dparams = map(testCase, "dparams");

        NestedArray x = NestedArray.of(testCase.get("x"));
        int steps = x.shape().dim(0);
        int batch = x.shape().dim(1);
        if (x.shape().dim(2) != inputSize) {
            throw new IllegalArgumentException(kind + ": x has " + x.shape().dim(2) + " features but config says "
                    + inputSize);
        }

        List<Layer> stack = new ArrayList<>();
        List<Recurrent[]> directions = new ArrayList<>();
        int in = inputSize;
        for (int l = 0; l < layers; l++) {
            RecurrentSpec spec = switch (kind) {
                case "rnn_tanh", "bi_rnn_tanh" -> new SimpleRnnSpec(hidden, true);
                case "lstm", "bilstm", "deep_bilstm" -> new LstmSpec(hidden, true);
                case "gru" -> new GruSpec(hidden, true);
                default -> throw new IllegalArgumentException("not a recurrent reference case: " + kind);
            };
            Shape shape = Shape.of(steps, in);
            Recurrent fwd = spec.buildRecurrent(shape, new SplittableRandom(l), false);
            load(fwd, params, "_l" + l, kind);
            if (bidirectional) {
                Recurrent bwd = spec.buildRecurrent(shape, new SplittableRandom(l), true);
                load(bwd, params, "_l" + l + "_reverse", kind);
                stack.add(new Bidirectional(new BidirectionalSpec(spec), fwd, bwd));
                directions.add(new Recurrent[] {fwd, bwd});
            } else {
                stack.add(fwd);
                directions.add(new Recurrent[] {fwd});
            }
            in = hidden * dirs;
        }

        Tensor out = batchFirst(x.tensor());
        for (Layer layer : stack) {
            out = layer.forward(out, Mode.TRAIN);
        }
        CaseResult.Builder result = new CaseResult.Builder();
        result.compare("output", NestedArray.of(testCase.get("output")).values(), timeMajor(out).data());

        float[] hn = new float[layers * dirs * batch * hidden];
        float[] cn = new float[hn.length];
        boolean lstm = kind.contains("lstm");
        int o = 0;
        for (Recurrent[] pair : directions) {
            for (Recurrent r : pair) {
                System.arraycopy(r.finalState().data(), 0, hn, o, batch * hidden);
                if (lstm) {
                    System.arraycopy(r.finalCellState().data(), 0, cn, o, batch * hidden);
                }
                o += batch * hidden;
            }
        }
        result.compare("h_n", NestedArray.of(testCase.get("h_n")).values(), hn);
        if (lstm) {
            result.compare("c_n", NestedArray.of(testCase.get("c_n")).values(), cn);
        }

        Tensor g = batchFirst(NestedArray.of(testCase.get("G")).tensor());
        for (int i = stack.size() - 1; i >= 0; i--) {
            g = stack.get(i).backward(g);
        }
        result.compare("dx", NestedArray.of(testCase.get("dx")).values(), timeMajor(g).data());

        for (int l = 0; l < layers; l++) {
            Recurrent[] pair = directions.get(l);
            for (int d = 0; d < pair.length; d++) {
                String suffix = "_l" + l + (d == 1 ? "_reverse" : "");
                compareGradients(result, pair[d], dparams, suffix, kind);
            }
        }
        return result.build();
    }

    /** Writes PyTorch's weights into our layer, transposing and folding the two biases. */
    private static void load(Recurrent r, Map<String, Object> params, String suffix, String kind) {
        NestedArray wih = NestedArray.of(require(params, "weight_ih" + suffix));
        NestedArray whh = NestedArray.of(require(params, "weight_hh" + suffix));
        double[] bih = NestedArray.of(require(params, "bias_ih" + suffix)).values();
        double[] bhh = NestedArray.of(require(params, "bias_hh" + suffix)).values();
        transposeInto(wih, r.weightInput().value());
        transposeInto(whh, r.weightHidden().value());
        float[] b = r.bias().value().data();
        int h = r.hidden();
        boolean gru = "gru".equals(kind);
        for (int j = 0; j < b.length; j++) {
            boolean candidate = gru && j >= 2 * h;
            b[j] = (float) (bih[j] + (candidate ? 0 : bhh[j]));
        }
        if (gru) {
            float[] hb = r.params().get(3).value().data();
            for (int u = 0; u < h; u++) {
                hb[u] = (float) bhh[2 * h + u];
            }
        }
    }

    private static void compareGradients(CaseResult.Builder result, Recurrent r, Map<String, Object> dparams,
                                         String suffix, String kind) {
        result.compare("d weight_ih" + suffix, NestedArray.of(require(dparams, "weight_ih" + suffix)).values(),
                transpose(r.weightInput().grad()));
        result.compare("d weight_hh" + suffix, NestedArray.of(require(dparams, "weight_hh" + suffix)).values(),
                transpose(r.weightHidden().grad()));
        float[] db = r.bias().grad().data();
        result.compare("d bias_ih" + suffix, NestedArray.of(require(dparams, "bias_ih" + suffix)).values(), db);
        float[] dbhh = db.clone();
        if ("gru".equals(kind)) {
            int h = r.hidden();
            System.arraycopy(r.params().get(3).grad().data(), 0, dbhh, 2 * h, h);
        }
        result.compare("d bias_hh" + suffix, NestedArray.of(require(dparams, "bias_hh" + suffix)).values(), dbhh);
    }

    private static void transposeInto(NestedArray torch, Tensor ours) {
        int rows = torch.shape().dim(0);
        int cols = torch.shape().dim(1);
        if (ours.shape().dim(0) != cols || ours.shape().dim(1) != rows) {
            throw new IllegalArgumentException("reference weight " + torch.shape() + " does not fit layer weight "
                    + ours.shape() + " transposed");
        }
        float[] d = ours.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[j * rows + i] = (float) torch.values()[i * cols + j];
            }
        }
    }

    private static float[] transpose(Tensor t) {
        int rows = t.shape().dim(0);
        int cols = t.shape().dim(1);
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = t.data()[i * cols + j];
            }
        }
        return out;
    }

    /** [steps, batch, f] → [batch, steps, f]. */
    private static Tensor batchFirst(Tensor t) {
        return swapFirstTwo(t);
    }

    /** [batch, steps, f] → [steps, batch, f]. */
    private static Tensor timeMajor(Tensor t) {
        return swapFirstTwo(t);
    }

    private static Tensor swapFirstTwo(Tensor t) {
        int a = t.shape().dim(0);
        int b = t.shape().dim(1);
        int f = t.shape().dim(2);
        Tensor out = Tensor.zeros(Shape.of(b, a, f));
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(t.data(), (i * b + j) * f, out.data(), (j * a + i) * f, f);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) require(m, key);
    }

    private static int number(Map<String, Object> m, String key) {
        return ((Number) require(m, key)).intValue();
    }

    private static Object require(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("recurrent reference case lacks '" + key + "'");
        }
        return v;
    }
}
