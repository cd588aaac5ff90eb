package org.nnlab.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.onnx.proto.Onnx.AttributeProto;
import org.nnlab.onnx.proto.Onnx.GraphProto;
import org.nnlab.onnx.proto.Onnx.ModelProto;
import org.nnlab.onnx.proto.Onnx.NodeProto;
import org.nnlab.onnx.proto.Onnx.OperatorSetIdProto;
import org.nnlab.onnx.proto.Onnx.TensorProto;
import org.nnlab.onnx.proto.Onnx.TensorShapeProto;
import org.nnlab.onnx.proto.Onnx.TypeProto;
import org.nnlab.onnx.proto.Onnx.ValueInfoProto;

/**
 * A graph written the way other tools write a small classifier (a Constant shape and Reshape to flatten,
 * Gemm with transposed weights as PyTorch's Linear, MatMul + Add, Softmax on axis 1), not by our export:
 * imported, it computes what ONNX Runtime computes on the original file.
 */
class OnnxForeignGraphTest {
    @Test
    void aPytorchStyleClassifierImports() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        GraphWriter g = new GraphWriter();
        g.layer("torch");
        TensorProto shape = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE).addDims(2)
                .addInt64Data(0).addInt64Data(-1).build();
        g.nodes().add(NodeProto.newBuilder().setOpType("Constant").addOutput("shape").addAttribute(AttributeProto
                .newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR).setT(shape)).build());
        String flat = g.node("Reshape", List.of(OnnxModel.INPUT, "shape"));
        String h = g.node("Gemm", List.of(flat, g.floats("fc1.weight", random(rng, 8 * 16), 8, 16),
                g.floats("fc1.bias", random(rng, 8), 8)), GraphWriter.attr("transB", 1L));
        String r = g.node("Relu", List.of(h));
        String m = g.node("MatMul", List.of(r, g.floats("fc2.weight", random(rng, 8 * 3), 8, 3)));
        String a = g.node("Add", List.of(m, g.floats("fc2.bias", random(rng, 3), 3)));
        g.nodes().add(NodeProto.newBuilder().setOpType("Softmax").addInput(a).addOutput(OnnxModel.OUTPUT)
                .addAttribute(GraphWriter.attr("axis", 1L)).build());
        ModelProto model = ModelProto.newBuilder().setIrVersion(7).setProducerName("pytorch")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13))
                .setGraph(GraphProto.newBuilder().addAllNode(g.nodes()).addAllInitializer(g.initializers())
                        .addInput(value(OnnxModel.INPUT, "N", 1, 4, 4)).addOutput(value(OnnxModel.OUTPUT, "N", 3)))
                .build();
        byte[] bytes = model.toByteArray();

        Sequential imported = OnnxModel.fromBytes(bytes, ModelFileLimits.LENGTH_ONLY);
        assertEquals(ModelSpec.of(Shape.of(1, 4, 4), new FlattenSpec(), new DenseSpec(8), new ReluSpec(),
                new DenseSpec(3), new SoftmaxSpec()), imported.spec());
        Tensor x = new Tensor(Shape.of(5, 1, 4, 4), random(rng, 80));
        double diff = OnnxRuntimeCheck.maxAbsDiff(OnnxRuntimeCheck.run(bytes, x), imported.forward(x, Mode.INFER));
        assertTrue(diff < 1e-6, "max difference " + diff);
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }

    private static ValueInfoProto value(String name, String batch, int... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
        for (int d : dims) {
            s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }
}
