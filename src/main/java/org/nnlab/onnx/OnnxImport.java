package org.nnlab.onnx;

import static org.nnlab.onnx.GraphReader.floatAttr;
import static org.nnlab.onnx.GraphReader.intAttr;
import static org.nnlab.onnx.GraphReader.intsAttr;
import static org.nnlab.onnx.GraphReader.onlyAttributes;
import static org.nnlab.onnx.GraphReader.unsupported;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.onnx.GraphReader.Constant;
import org.nnlab.onnx.proto.Onnx.GraphProto;
import org.nnlab.onnx.proto.Onnx.ModelProto;
import org.nnlab.onnx.proto.Onnx.NodeProto;
import org.nnlab.onnx.proto.Onnx.OperatorSetIdProto;
import org.nnlab.onnx.proto.Onnx.TensorProto;
import org.nnlab.onnx.proto.Onnx.TensorShapeProto;
import org.nnlab.onnx.proto.Onnx.ValueInfoProto;

/**
 * Reads an ONNX graph that is one chain from its float input to its output, operator by operator, into our
 * layer kinds: Gemm or MatMul(+Add) → dense (time_dense on sequences), Relu, Sigmoid, Tanh, LeakyRelu, Softmax
 * (last axis), Identity → linear, Dropout, GreaterOrEqual 0 + Cast → step, Flatten or Reshape [batch, −1] →
 * flatten, Conv, MaxPool, AveragePool, Pad (zeros, symmetric) → zero_padding2d, BatchNormalization, Transpose + RNN/LSTM/GRU +
 * Transpose + Reshape (as our export writes them) → simple_rnn/lstm/gru or bidirectional, (Cast +) Gather →
 * embedding. When the file carries our spec and it describes the same layers, that spec (with its training
 * settings) is used.
 */
final class OnnxImport {
    static final int MAX_NODES = 10_000;

    /** One imported layer: its spec, its parameters and state in our order, and the value after it. */
    record Step(LayerSpec spec, List<float[]> params, List<float[]> state, String next) {
        Step(LayerSpec spec, String next, float[]... params) {
            this(spec, List.of(params), List.of(), next);
        }
    }

    private final GraphReader graph;

    private OnnxImport(GraphReader graph) {
        this.graph = graph;
    }

    static Sequential read(ModelProto model, ModelFileLimits limits) throws OnnxException {
        for (OperatorSetIdProto set : model.getOpsetImportList()) {
            boolean standard = set.getDomain().isEmpty() || set.getDomain().equals("ai.onnx");
            if (standard && (set.getVersion() < 13 || set.getVersion() > 23)) {
                throw new OnnxException("engine.onnx.import.opset", set.getVersion(), 13, 23);
            }
        }
        GraphProto g = model.getGraph();
        if (g.getNodeCount() > MAX_NODES) {
            throw new OnnxException("engine.onnx.import.nodes", g.getNodeCount(), MAX_NODES);
        }
        List<ValueInfoProto> inputs = g.getInputList().stream()
                .filter(v -> g.getInitializerList().stream().noneMatch(t -> t.getName().equals(v.getName()))).toList();
        if (inputs.size() != 1 || g.getOutputCount() != 1) {
            throw new OnnxException("engine.onnx.import.inputsOutputs", inputs.size(), g.getOutputCount());
        }
        Shape input = inputShape(inputs.getFirst());
        long maxValues = limits.maxParameters() > Integer.MAX_VALUE / 4 ? Integer.MAX_VALUE - 8 : 2 * limits.maxParameters() + 1024;
        GraphReader reader = new GraphReader(g, maxValues);
        OnnxImport in = new OnnxImport(reader);
        String value = inputs.getFirst().getName();
        String output = g.getOutput(0).getName();
        List<Step> steps = new ArrayList<>();
        Shape shape = input;
        while (!value.equals(output)) {
            NodeProto node = reader.readerOf(value);
            if (node == null) {
                throw new OnnxException("engine.onnx.import.disconnected", value);
            }
            if (node.getOpType().equals("Identity") && node.getOutput(0).equals(output)) {
                break;
            }
            if (steps.size() >= limits.spec().maxLayers()) {
                throw new OnnxException("engine.onnx.import.layers", limits.spec().maxLayers());
            }
            Step step = in.step(node, shape);
            try {
                shape = step.spec().outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw new OnnxException("engine.onnx.import.shape", node.getOpType(), shape);
            }
            steps.add(step);
            value = step.next();
        }
        return OnnxWeights.build(input, steps, model, limits);
    }

    private static Shape inputShape(ValueInfoProto v) throws OnnxException {
        if (!v.getType().hasTensorType() || v.getType().getTensorType().getElemType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new OnnxException("engine.onnx.import.inputType", v.getName());
        }
        List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
        if (dims.size() < 2 || dims.size() > 4) {
            throw new OnnxException("engine.onnx.import.inputShape", v.getName(), dims.size());
        }
        int[] perSample = new int[dims.size() - 1];
        for (int i = 1; i < dims.size(); i++) {
            long d = dims.get(i).getDimValue();
            if (!dims.get(i).hasDimValue() || d < 1 || d > 1 << 20) {
                throw new OnnxException("engine.onnx.import.inputShape", v.getName(), dims.size());
            }
            perSample[i - 1] = (int) d;
        }
        return Shape.of(perSample);
    }

    private Step step(NodeProto n, Shape shape) throws OnnxException {
        String out = n.getOutputCount() > 0 ? n.getOutput(0) : "";
        return switch (n.getOpType()) {
            case "Gemm" -> gemm(n, out);
            case "MatMul" -> matMul(n, shape);
            case "Relu", "Sigmoid", "Tanh", "Identity" -> {
                onlyAttributes(n);
                LayerSpec s = switch (n.getOpType()) {
                    case "Relu" -> new ReluSpec();
                    case "Sigmoid" -> new SigmoidSpec();
                    case "Tanh" -> new TanhSpec();
                    default -> new LinearSpec();
                };
                yield new Step(s, out);
            }
            case "LeakyRelu" -> {
                onlyAttributes(n, "alpha");
                yield new Step(new LeakyReluSpec(floatAttr(n, "alpha", 0.01f)), out);
            }
            case "Softmax" -> {
                onlyAttributes(n, "axis");
                long axis = intAttr(n, "axis", -1);
                if (axis != -1 && axis != shape.rank()) {
                    throw unsupported(n, "axis");
                }
                yield new Step(new SoftmaxSpec(), out);
            }
            case "Dropout" -> {
                onlyAttributes(n, "seed");
                Constant ratio = graph.input(n, 1);
                yield new Step(new DropoutSpec(ratio == null ? 0.5 : round(ratio.floats()[0])), out);
            }
            case "GreaterOrEqual" -> step(n);
            case "Flatten" -> {
                onlyAttributes(n, "axis");
                if (intAttr(n, "axis", 1) != 1) {
                    throw unsupported(n, "axis");
                }
                yield new Step(new FlattenSpec(), out);
            }
            case "Reshape" -> flatten(n, shape, out);
            case "Conv" -> OnnxWindows.conv(graph, n, shape);
            case "MaxPool", "AveragePool" -> OnnxWindows.pool(n, shape);
            case "Pad" -> pad(n, out);
            case "BatchNormalization" -> batchNorm(n, out);
            case "Transpose" -> OnnxRecurrentImport.read(graph, n, shape);
            case "Cast" -> embedding(graph.readerOf(out), true);
            case "Gather" -> embedding(n, false);
            default -> throw new OnnxException("engine.onnx.import.operator", n.getOpType(), n.getName());
        };
    }

    /** Reshape to [batch, everything else] (as PyTorch's view(x.size(0), -1) exports): our flatten. */
    private Step flatten(NodeProto n, Shape shape, String out) throws OnnxException {
        onlyAttributes(n, "allowzero");
        long[] target = graph.required(n, 1).longs();
        if (target == null || target.length != 2 || (target[0] != 0 && target[0] != -1)
                || (target[1] != -1 && target[1] != shape.size()) || (target[0] == -1 && target[1] == -1)) {
            throw unsupported(n, "shape");
        }
        return new Step(new FlattenSpec(), out);
    }

    private Step gemm(NodeProto n, String out) throws OnnxException {
        onlyAttributes(n, "alpha", "beta", "transA", "transB");
        if (floatAttr(n, "alpha", 1f) != 1f || floatAttr(n, "beta", 1f) != 1f) {
            throw unsupported(n, floatAttr(n, "alpha", 1f) != 1f ? "alpha" : "beta");
        }
        if (intAttr(n, "transA", 0) != 0) {
            throw unsupported(n, "transA");
        }
        Constant w = graph.required(n, 1);
        if (w.dims().length != 2) {
            throw new OnnxException("engine.onnx.import.weightShape", n.getOpType(), w.dims().length);
        }
        boolean transposed = intAttr(n, "transB", 0) != 0;
        int units = (int) (transposed ? w.dims()[0] : w.dims()[1]);
        int in = (int) (transposed ? w.dims()[1] : w.dims()[0]);
        float[] weight = transposed ? transpose(w.floats(), units, in) : w.floats();
        return new Step(new DenseSpec(units), out, weight, bias(graph.input(n, 2), units, n));
    }

    private Step matMul(NodeProto n, Shape shape) throws OnnxException {
        onlyAttributes(n);
        Constant w = graph.required(n, 1);
        if (w.dims().length != 2) {
            throw new OnnxException("engine.onnx.import.weightShape", n.getOpType(), w.dims().length);
        }
        int units = (int) w.dims()[1];
        String out = n.getOutput(0);
        float[] b = new float[units];
        NodeProto add = graph.readerOf(out);
        if (add != null && add.getOpType().equals("Add") && add.getInputCount() == 2 && graph.isConstant(add.getInput(1))) {
            onlyAttributes(add);
            b = bias(graph.required(add, 1), units, add);
            out = add.getOutput(0);
        }
        LayerSpec spec = shape.rank() == 1 ? new DenseSpec(units) : new TimeDenseSpec(units);
        return new Step(spec, out, w.floats(), b);
    }

    /** GreaterOrEqual(x, 0) then Cast to float: our step function. */
    private Step step(NodeProto n) throws OnnxException {
        onlyAttributes(n);
        Constant zero = graph.required(n, 1);
        NodeProto cast = graph.readerOf(n.getOutput(0));
        if (zero.size() != 1 || zero.floats()[0] != 0f || cast == null || !cast.getOpType().equals("Cast")
                || intAttr(cast, "to", 0) != TensorProto.DataType.FLOAT_VALUE) {
            throw new OnnxException("engine.onnx.import.operator", n.getOpType(), n.getName());
        }
        return new Step(new StepSpec(), cast.getOutput(0));
    }

    private Step pad(NodeProto n, String out) throws OnnxException {
        onlyAttributes(n, "mode", "pads");
        if (!GraphReader.stringAttr(n, "mode", "constant").equals("constant")) {
            throw unsupported(n, "mode");
        }
        Constant value = graph.input(n, 2);
        if (value != null && (value.size() != 1 || value.floats()[0] != 0f)) {
            throw unsupported(n, "constant_value");
        }
        if (n.getInputCount() > 3 && !n.getInput(3).isEmpty()) {
            throw unsupported(n, "axes");
        }
        Constant padsInput = graph.input(n, 1);
        long[] p = padsInput != null ? padsInput.longs() : intsAttr(n, "pads", null);
        if (p == null || p.length != 8 || p[0] != 0 || p[1] != 0 || p[4] != 0 || p[5] != 0 || p[2] != p[6]
                || p[3] != p[7] || p[2] < 0 || p[3] < 0 || p[2] > 1 << 16 || p[3] > 1 << 16) {
            throw unsupported(n, "pads");
        }
        return new Step(new ZeroPadding2dSpec(Size2.of((int) p[2], (int) p[3])), out);
    }

    private Step batchNorm(NodeProto n, String out) throws OnnxException {
        onlyAttributes(n, "epsilon", "momentum", "training_mode");
        if (intAttr(n, "training_mode", 0) != 0) {
            throw unsupported(n, "training_mode");
        }
        double eps = round(floatAttr(n, "epsilon", 1e-5f));
        List<float[]> params = List.of(graph.required(n, 1).floats(), graph.required(n, 2).floats());
        List<float[]> state = List.of(graph.required(n, 3).floats(), graph.required(n, 4).floats());
        return new Step(new BatchNormSpec(0.1, eps), params, state, out);
    }

    private Step embedding(NodeProto gather, boolean cast) throws OnnxException {
        if (gather == null || !gather.getOpType().equals("Gather")) {
            throw new OnnxException("engine.onnx.import.operator", "Cast", gather == null ? "" : gather.getName());
        }
        onlyAttributes(gather, "axis");
        if (intAttr(gather, "axis", 0) != 0) {
            throw unsupported(gather, "axis");
        }
        Constant table = graph.required(gather, 0);
        if (table.dims().length != 2) {
            throw new OnnxException("engine.onnx.import.weightShape", "Gather", table.dims().length);
        }
        return new Step(new EmbeddingSpec((int) table.dims()[0], (int) table.dims()[1]), gather.getOutput(0),
                table.floats());
    }

    private static float[] bias(Constant c, int units, NodeProto n) throws OnnxException {
        if (c == null) {
            return new float[units];
        }
        if (c.size() != units) {
            throw new OnnxException("engine.onnx.import.tensorSize", n.getOpType(), units, c.size());
        }
        return c.floats();
    }

    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /** A float32 setting as the decimal it was most likely written from (0.1f reads back as 0.1). */
    static double round(float f) {
        return Double.parseDouble(Float.toString(f));
    }
}
