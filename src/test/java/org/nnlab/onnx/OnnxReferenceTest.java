package org.nnlab.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.reference.NestedArray;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * PyTorch's conv, recurrent and bidirectional reference cases, their weights put into our layers, exported as
 * small ONNX graphs and run by ONNX Runtime: the outputs are PyTorch's forward values. This pins the weight
 * layout mapping (gate order, the two biases, direction order) independently of our own forward pass.
 */
class OnnxReferenceTest {
    /** The repository's copy of the shared reference file. */
    private static final Path REFERENCE = Path.of("src/test/resources/reference/pytorch-reference.json");
    private static final double TOLERANCE = 1e-5;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() throws Exception {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(REFERENCE));
        return (List<Map<String, Object>>) root.get("cases");
    }

    @Test
    @SuppressWarnings("unchecked")
    void convolutionsGivePytorchValues() throws Exception {
        int checked = 0;
        for (Map<String, Object> c : cases()) {
            if (!c.get("kind").equals("conv2d")) {
                continue;
            }
            Map<String, Object> config = (Map<String, Object>) c.get("config");
            NestedArray x = NestedArray.of(c.get("x"));
            Shape perSample = Shape.of(x.shape().dim(1), x.shape().dim(2), x.shape().dim(3));
            Conv2dSpec conv = new Conv2dSpec(number(config, "out_channels"), size2(config, "kernel"),
                    size2(config, "stride"), size2(config, "padding"), false, true);
            Sequential model = Sequential.build(ModelSpec.of(perSample, conv), new SplittableRandom(1));
            set(model.params().get(0), NestedArray.of(c.get("weight")).floats());
            set(model.params().get(1), NestedArray.of(c.get("bias")).floats());
            Tensor y = OnnxRuntimeCheck.run(OnnxModel.toBytes(model, Map.of()), x.tensor());
            assertClose(NestedArray.of(c.get("y")).tensor(), y, "conv2d " + config);
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recurrentAndBidirectionalLayersGivePytorchValues() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Map<String, Object> c : cases()) {
            String kind = (String) c.get("kind");
            if (!List.of("rnn_tanh", "lstm", "gru", "bilstm", "deep_bilstm", "bi_rnn_tanh").contains(kind)) {
                continue;
            }
            Map<String, Object> config = (Map<String, Object>) c.get("config");
            Map<String, Object> params = (Map<String, Object>) c.get("params");
            int hidden = number(config, "hidden_size");
            boolean bi = Boolean.TRUE.equals(config.get("bidirectional"));
            List<LayerSpec> layers = new ArrayList<>();
            for (int k = 0; k < number(config, "num_layers"); k++) {
                RecurrentSpec r = kind.contains("lstm") ? new LstmSpec(hidden, true)
                        : kind.equals("gru") ? new GruSpec(hidden, true) : new SimpleRnnSpec(hidden, true);
                layers.add(bi ? new BidirectionalSpec(r) : r);
            }
            NestedArray x = NestedArray.of(c.get("x"));
            Tensor batchFirst = swapFirstTwo(x.tensor());
            Sequential model = Sequential.build(new ModelSpec(Shape.of(x.shape().dim(0), x.shape().dim(2)), layers),
                    new SplittableRandom(1));
            List<Param> ours = model.params();
            int next = 0;
            for (int k = 0; k < layers.size(); k++) {
                for (String suffix : bi ? List.of("", "_reverse") : List.of("")) {
                    next = load(ours, next, params, "_l" + k + suffix, kind.equals("gru"), hidden);
                }
            }
            assertEquals(ours.size(), next, kind + ": every parameter set");
            Tensor y = OnnxRuntimeCheck.run(OnnxModel.toBytes(model, Map.of()), batchFirst);
            assertClose(NestedArray.of(c.get("output")).tensor(), swapFirstTwo(y), kind);
            checked.add(kind);
        }
        assertEquals(6, checked.size(), "cases checked: " + checked);
    }

    /** One direction's PyTorch weights into our four (GRU) or three parameters starting at {@code at}. */
    private static int load(List<Param> ours, int at, Map<String, Object> params, String suffix, boolean gru,
                            int hidden) {
        NestedArray wih = NestedArray.of(params.get("weight_ih" + suffix));
        NestedArray whh = NestedArray.of(params.get("weight_hh" + suffix));
        float[] bih = NestedArray.of(params.get("bias_ih" + suffix)).floats();
        float[] bhh = NestedArray.of(params.get("bias_hh" + suffix)).floats();
        set(ours.get(at), OnnxImport.transpose(wih.floats(), wih.shape().dim(0), wih.shape().dim(1)));
        set(ours.get(at + 1), OnnxImport.transpose(whh.floats(), whh.shape().dim(0), whh.shape().dim(1)));
        float[] bias = new float[bih.length];
        for (int i = 0; i < bias.length; i++) {
            boolean candidateState = gru && i >= 2 * hidden;
            bias[i] = candidateState ? bih[i] : bih[i] + bhh[i];
        }
        set(ours.get(at + 2), bias);
        if (!gru) {
            return at + 3;
        }
        float[] stateBias = new float[hidden];
        System.arraycopy(bhh, 2 * hidden, stateBias, 0, hidden);
        set(ours.get(at + 3), stateBias);
        return at + 4;
    }

    private static void set(Param p, float[] values) {
        assertEquals(p.value().size(), values.length, p.name());
        System.arraycopy(values, 0, p.value().data(), 0, values.length);
    }

    private static Tensor swapFirstTwo(Tensor t) {
        int a = t.shape().dim(0);
        int b = t.shape().dim(1);
        int rest = t.size() / (a * b);
        float[] out = new float[t.size()];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(t.data(), (i * b + j) * rest, out, (j * a + i) * rest, rest);
            }
        }
        int[] dims = t.shape().dims().clone();
        dims[0] = b;
        dims[1] = a;
        return new Tensor(Shape.of(dims), out);
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        double diff = OnnxRuntimeCheck.maxAbsDiff(expected, actual);
        System.out.printf("reference %s: max |ONNX Runtime − PyTorch| %.3g%n", what, diff);
        assertTrue(diff < TOLERANCE, what + ": max difference " + diff);
    }

    private static int number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    private static Size2 size2(Map<String, Object> m, String key) {
        List<?> pair = (List<?>) m.get(key);
        return Size2.of(((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).intValue());
    }
}
