package org.nnlab.onnx;

import static org.nnlab.onnx.GraphWriter.attr;
import static org.nnlab.onnx.GraphWriter.attrInts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.ActivationSpec;
import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.PoolSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.onnx.proto.Onnx.AttributeProto;
import org.nnlab.onnx.proto.Onnx.NodeProto;
import org.nnlab.onnx.proto.Onnx.TensorProto;

/**
 * Writes a trained {@link Sequential} as an ONNX model (opset {@value OnnxModel#OPSET}), layer by layer, with the
 * weights as initializers. The graph has one input {@value OnnxModel#INPUT} of shape [batch, …the spec's input]
 * and one output {@value OnnxModel#OUTPUT} of shape [batch, …the last layer's output], both float32; batch is
 * the symbolic dimension "batch". Recurrent layers read batch-first input as ours do: the graph transposes to
 * ONNX's time-major layout around each RNN, LSTM or GRU node.
 */
final class OnnxExport {
    private final GraphWriter g = new GraphWriter();

    private OnnxExport() {
    }

    /** The graph's nodes and initializers for {@code model}, ending in an Identity that names the output. */
    static GraphWriter write(Sequential model) {
        OnnxExport e = new OnnxExport();
        String x = OnnxModel.INPUT;
        Shape shape = model.spec().input();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec spec = layers.get(i).spec();
            e.g.layer("layer" + i + "_" + spec.kind());
            x = e.layer(spec, layers.get(i).params(), layers.get(i).state(), shape, x);
            shape = spec.outputShape(shape);
        }
        e.g.layer("output");
        e.g.nodes().add(NodeProto.newBuilder().setName("output/Identity").setOpType("Identity")
                .addInput(x).addOutput(OnnxModel.OUTPUT).build());
        return e.g;
    }

    private String layer(LayerSpec spec, List<Param> params, List<Param> state, Shape in, String x) {
        Map<String, Param> p = byName(params);
        return switch (spec) {
            case DenseSpec _ -> g.node("Gemm", List.of(x, weights("weight", p.get("weight")), weights("bias", p.get("bias"))));
            case TimeDenseSpec _ -> g.node("Add", List.of(
                    g.node("MatMul", List.of(x, weights("weight", p.get("weight")))), weights("bias", p.get("bias"))));
            case ActivationSpec a -> activation(a, x);
            case FlattenSpec _ -> g.node("Flatten", List.of(x), attr("axis", 1L));
            case Conv2dSpec c -> conv(c, p, in, x);
            case PoolSpec pool -> pool(pool, in, x);
            case ZeroPadding2dSpec z -> g.node("Pad", List.of(x, g.int64s("pads", 0, 0, z.padding().h(), z.padding().w(),
                    0, 0, z.padding().h(), z.padding().w())), attr("mode", "constant"));
            case BatchNormSpec b -> g.node("BatchNormalization", List.of(x, weights("gamma", p.get("gamma")),
                    weights("beta", p.get("beta")), weights("mean", byName(state).get("running_mean")),
                    weights("var", byName(state).get("running_var"))), attr("epsilon", (float) b.epsilon()));
            case ConvPoolBlockSpec block -> convPool(block, p, in, x);
            case RecurrentSpec r -> recurrent(r, List.of(p), in, x);
            case BidirectionalSpec b -> recurrent(b.recurrent(), List.of(prefixed(p, "forward."), prefixed(p, "backward.")),
                    in, x);
            case EmbeddingSpec _ -> g.node("Gather", List.of(weights("table", p.get("table")),
                    g.node("Cast", List.of(x), attr("to", (long) TensorProto.DataType.INT64_VALUE))),
                    attr("axis", 0L));
        };
    }

    private String activation(ActivationSpec a, String x) {
        return switch (a) {
            case SigmoidSpec _ -> g.node("Sigmoid", List.of(x));
            case TanhSpec _ -> g.node("Tanh", List.of(x));
            case ReluSpec _ -> g.node("Relu", List.of(x));
            case LeakyReluSpec l -> g.node("LeakyRelu", List.of(x), attr("alpha", (float) l.slope()));
            case LinearSpec _ -> g.node("Identity", List.of(x));
            case StepSpec _ -> g.node("Cast", List.of(g.node("GreaterOrEqual", List.of(x, g.floats("zero", new float[] {0f})))),
                    attr("to", (long) TensorProto.DataType.FLOAT_VALUE));
            case SoftmaxSpec _ -> g.node("Softmax", List.of(x), attr("axis", -1L));
            case DropoutSpec d -> g.node("Dropout", List.of(x, g.floats("ratio", new float[] {(float) d.rate()})));
        };
    }

    private String conv(Conv2dSpec c, Map<String, Param> p, Shape in, String x) {
        WindowGeometry w = c.geometry(in);
        int bottom = Math.max(0, (w.outHeight() - 1) * w.strideH() + w.kernelH() - w.height() - w.padTop());
        int right = Math.max(0, (w.outWidth() - 1) * w.strideW() + w.kernelW() - w.width() - w.padLeft());
        return g.node("Conv", List.of(x, weights("weight", p.get("weight")), weights("bias", p.get("bias"))),
                attrInts("kernel_shape", w.kernelH(), w.kernelW()), attrInts("strides", w.strideH(), w.strideW()),
                attrInts("pads", w.padTop(), w.padLeft(), bottom, right));
    }

    private String pool(PoolSpec pool, Shape in, String x) {
        WindowGeometry w = pool.geometry(in);
        String op = switch (pool) {
            case MaxPool2dSpec _ -> "MaxPool";
            case AvgPool2dSpec _ -> "AveragePool";
        };
        return g.node(op, List.of(x), attrInts("kernel_shape", w.kernelH(), w.kernelW()),
                attrInts("strides", w.strideH(), w.strideW()));
    }

    private String convPool(ConvPoolBlockSpec block, Map<String, Param> p, Shape in, String x) {
        List<LayerSpec> parts = block.expand();
        String y = conv((Conv2dSpec) parts.get(0), p, in, x);
        Shape s = parts.get(0).outputShape(in);
        y = activation((ActivationSpec) parts.get(1), y);
        return pool((PoolSpec) parts.get(2), s, y);
    }

    /** One ONNX recurrent node for one direction (or two: forward then backward), batch-first around it. */
    private String recurrent(RecurrentSpec r, List<Map<String, Param>> directions, Shape in, String x) {
        int features = in.dim(1);
        RecurrentLayout layout = new RecurrentLayout(r, features);
        int dirs = directions.size();
        int width = layout.width();
        float[] w = new float[dirs * width * features];
        float[] rr = new float[dirs * width * r.units()];
        float[] b = new float[dirs * 2 * width];
        for (int d = 0; d < dirs; d++) {
            Map<String, Param> p = directions.get(d);
            layout.toOnnx(p.get("weightInput").value().data(), features, w, d * width * features);
            layout.toOnnx(p.get("weightHidden").value().data(), r.units(), rr, d * width * r.units());
            Param stateBias = p.get("hiddenBias");
            layout.biasToOnnx(p.get("bias").value().data(), stateBias == null ? null : stateBias.value().data(), b,
                    d * 2 * width);
        }
        String timeMajor = g.node("Transpose", List.of(x), attrInts("perm", 1, 0, 2));
        List<String> inputs = List.of(timeMajor, g.floats("W", w, dirs, width, features),
                g.floats("R", rr, dirs, width, r.units()), g.floats("B", b, dirs, 2L * width));
        List<AttributeProto> attrs = new ArrayList<>(List.of(attr("hidden_size", (long) r.units()),
                attr("direction", dirs == 2 ? "bidirectional" : "forward")));
        if (r instanceof GruSpec) {
            attrs.add(attr("linear_before_reset", 1L));
        }
        List<String> out = g.nodeWithOutputs(layout.onnxOp(r), inputs, 2,
                attrs.toArray(AttributeProto[]::new));
        if (r.returnSequences()) {
            String batchFirst = g.node("Transpose", List.of(out.get(0)), attrInts("perm", 2, 0, 1, 3));
            return g.node("Reshape", List.of(batchFirst, g.int64s("shape", 0, 0, -1)));
        }
        String batchFirst = g.node("Transpose", List.of(out.get(1)), attrInts("perm", 1, 0, 2));
        return g.node("Reshape", List.of(batchFirst, g.int64s("shape", 0, -1)));
    }

    private String weights(String what, Param p) {
        long[] dims = Arrays.stream(p.value().shape().dims()).asLongStream().toArray();
        return g.floats(what, p.value().data(), dims);
    }

    private static Map<String, Param> byName(List<Param> params) {
        Map<String, Param> map = new LinkedHashMap<>();
        for (Param p : params) {
            map.put(p.name(), p);
        }
        return map;
    }

    private static Map<String, Param> prefixed(Map<String, Param> params, String prefix) {
        Map<String, Param> map = new LinkedHashMap<>();
        params.forEach((name, p) -> {
            if (name.startsWith(prefix)) {
                map.put(name.substring(prefix.length()), p);
            }
        });
        return map;
    }
}
