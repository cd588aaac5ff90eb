package org.nnlab.onnx;

import static org.nnlab.onnx.GraphReader.intAttr;
import static org.nnlab.onnx.GraphReader.intsAttr;
import static org.nnlab.onnx.GraphReader.onlyAttributes;
import static org.nnlab.onnx.GraphReader.stringAttr;
import static org.nnlab.onnx.GraphReader.unsupported;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.onnx.GraphReader.Constant;
import org.nnlab.onnx.OnnxImport.Step;
import org.nnlab.onnx.proto.Onnx.AttributeProto;
import org.nnlab.onnx.proto.Onnx.NodeProto;

/**
 * Transpose to time-major, an RNN, LSTM or GRU node, and Transpose + Reshape back to batch-first (every step's
 * output, or the last state): our simple_rnn, lstm or gru, wrapped in bidirectional for direction
 * "bidirectional". The chain is the one {@link OnnxExport} writes.
 */
final class OnnxRecurrentImport {
    private OnnxRecurrentImport() {
    }

    static Step read(GraphReader graph, NodeProto transpose, Shape in) throws OnnxException {
        requirePerm(transpose, 1, 0, 2);
        NodeProto rnn = graph.readerOf(transpose.getOutput(0));
        if (rnn == null || !List.of("RNN", "LSTM", "GRU").contains(rnn.getOpType()) || in.rank() != 2) {
            throw new OnnxException("engine.onnx.import.operator", "Transpose", transpose.getName());
        }
        onlyAttributes(rnn, "hidden_size", "direction", "linear_before_reset", "activations", "layout");
        if (intAttr(rnn, "layout", 0) != 0) {
            throw unsupported(rnn, "layout");
        }
        String direction = stringAttr(rnn, "direction", "forward");
        if (!direction.equals("forward") && !direction.equals("bidirectional")) {
            throw unsupported(rnn, "direction");
        }
        int dirs = direction.equals("bidirectional") ? 2 : 1;
        checkActivations(rnn, dirs);
        if (rnn.getOpType().equals("GRU") && intAttr(rnn, "linear_before_reset", 0) != 1) {
            throw unsupported(rnn, "linear_before_reset");
        }
        for (int i = 4; i < rnn.getInputCount(); i++) {
            if (!rnn.getInput(i).isEmpty()) {
                throw new OnnxException("engine.onnx.import.recurrentInput", rnn.getOpType(), i + 1);
            }
        }
        long units = intAttr(rnn, "hidden_size", 0);
        if (units < 1 || units > 1 << 16) {
            throw unsupported(rnn, "hidden_size");
        }
        boolean sequences = rnn.getOutputCount() > 0 && graph.readerOf(rnn.getOutput(0)) != null;
        String stateOut = rnn.getOutputCount() > 1 ? rnn.getOutput(1) : "";
        NodeProto back = sequences ? graph.readerOf(rnn.getOutput(0))
                : stateOut.isEmpty() ? null : graph.readerOf(stateOut);
        if (back == null || !back.getOpType().equals("Transpose")) {
            throw new OnnxException("engine.onnx.import.recurrentOutput", rnn.getOpType());
        }
        if (sequences) {
            requirePerm(back, 2, 0, 1, 3);
        } else {
            requirePerm(back, 1, 0, 2);
        }
        NodeProto reshape = graph.readerOf(back.getOutput(0));
        if (reshape == null || !reshape.getOpType().equals("Reshape")) {
            throw new OnnxException("engine.onnx.import.recurrentOutput", rnn.getOpType());
        }
        long[] target = graph.required(reshape, 1).longs();
        long[] want = sequences ? new long[] {0, 0, -1} : new long[] {0, -1};
        if (target == null || !Arrays.equals(target, want)) {
            throw unsupported(reshape, "shape");
        }
        int u = (int) units;
        RecurrentSpec spec = switch (rnn.getOpType()) {
            case "RNN" -> new SimpleRnnSpec(u, sequences);
            case "LSTM" -> new LstmSpec(u, sequences);
            default -> new GruSpec(u, sequences);
        };
        int features = in.dim(1);
        RecurrentLayout layout = new RecurrentLayout(spec, features);
        int width = layout.width();
        float[] w = sized(graph.required(rnn, 1), (long) dirs * width * features, rnn);
        float[] r = sized(graph.required(rnn, 2), (long) dirs * width * u, rnn);
        Constant bc = graph.input(rnn, 3);
        float[] b = bc == null ? new float[dirs * 2 * width] : sized(bc, (long) dirs * 2 * width, rnn);
        List<float[]> params = new ArrayList<>();
        for (int d = 0; d < dirs; d++) {
            float[] wx = new float[features * width];
            float[] wh = new float[u * width];
            float[] bias = new float[width];
            float[] stateBias = new float[u];
            layout.fromOnnx(w, d * width * features, features, wx);
            layout.fromOnnx(r, d * width * u, u, wh);
            layout.biasFromOnnx(b, d * 2 * width, bias, stateBias);
            params.addAll(List.of(wx, wh, bias));
            if (spec instanceof GruSpec) {
                params.add(stateBias);
            }
        }
        LayerSpec layer = dirs == 2 ? new BidirectionalSpec(spec) : spec;
        return new Step(layer, params, List.of(), reshape.getOutput(0));
    }

    private static float[] sized(Constant c, long size, NodeProto n) throws OnnxException {
        if (c.size() != size) {
            throw new OnnxException("engine.onnx.import.tensorSize", n.getOpType(), size, c.size());
        }
        return c.floats();
    }

    private static void requirePerm(NodeProto n, long... perm) throws OnnxException {
        onlyAttributes(n, "perm");
        if (!Arrays.equals(intsAttr(n, "perm", new long[0]), perm)) {
            throw unsupported(n, "perm");
        }
    }

    /** Activations, when given, must be ONNX's defaults, which are ours. */
    private static void checkActivations(NodeProto rnn, int dirs) throws OnnxException {
        AttributeProto a = GraphReader.attribute(rnn, "activations");
        if (a == null) {
            return;
        }
        List<String> one = switch (rnn.getOpType()) {
            case "RNN" -> List.of("Tanh");
            case "LSTM" -> List.of("Sigmoid", "Tanh", "Tanh");
            default -> List.of("Sigmoid", "Tanh");
        };
        List<String> want = new ArrayList<>(one);
        if (dirs == 2) {
            want.addAll(one);
        }
        List<String> got = a.getStringsList().stream().map(s -> s.toStringUtf8()).toList();
        if (!got.equals(want)) {
            throw unsupported(rnn, "activations");
        }
    }
}
