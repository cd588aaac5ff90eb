package org.nnlab.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.onnx.proto.Onnx.GraphProto;
import org.nnlab.onnx.proto.Onnx.ModelProto;
import org.nnlab.onnx.proto.Onnx.OperatorSetIdProto;
import org.nnlab.onnx.proto.Onnx.StringStringEntryProto;
import org.nnlab.onnx.proto.Onnx.TensorProto;
import org.nnlab.onnx.proto.Onnx.TensorShapeProto;
import org.nnlab.onnx.proto.Onnx.TypeProto;
import org.nnlab.onnx.proto.Onnx.ValueInfoProto;

/**
 * NN Lab models as ONNX files and back. Export writes every layer kind (see {@link OnnxExport} for the graph's
 * input and output); import reads a graph that is a chain of operators our layer kinds compute (see
 * {@link OnnxImport}) and refuses any other with an {@link OnnxException} naming the first operator or
 * attribute that does not map.
 */
public final class OnnxModel {
    /** The operator set the export writes: ONNX 1.12's, the first with every operator here in its current form. */
    public static final int OPSET = 17;
    /** IR version 8, the one that goes with opset 17. */
    public static final int IR_VERSION = 8;
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    /** Metadata keys the export writes: our model's name and its spec (JSON), which the import reads back. */
    public static final String MODEL_NAME = "nnlab.model_name";
    public static final String SPEC = "nnlab.spec";
    public static final String PRODUCER = "NN Lab";

    private OnnxModel() {
    }

    /**
     * {@code model} as an ONNX file. {@code metadata} (e.g. {@link #MODEL_NAME} and training figures) goes into
     * the file's metadata_props, beside the spec.
     */
    public static byte[] toBytes(Sequential model, Map<String, String> metadata) {
        GraphWriter g = OnnxExport.write(model);
        ModelSpec spec = model.spec();
        GraphProto graph = GraphProto.newBuilder().setName("nnlab")
                .addAllNode(g.nodes()).addAllInitializer(g.initializers())
                .addInput(value(INPUT, spec.input(), "input, float32 [batch, " + dims(spec.input()) + "]"))
                .addOutput(value(OUTPUT, spec.outputShape(), "output of the last layer, float32 [batch, "
                        + dims(spec.outputShape()) + "]"))
                .build();
        Map<String, String> props = new LinkedHashMap<>(metadata);
        props.put(SPEC, spec.toJson());
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName(PRODUCER)
                .setProducerVersion("1").setDocString("A network trained in NN Lab.")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(graph);
        props.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build().toByteArray();
    }

    /** Whether {@link #toBytes} writes this spec: every layer kind maps, so any spec that validates. */
    public static boolean exports(ModelSpec spec) {
        try {
            spec.validate();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The network an ONNX file describes, with its weights, checked against {@code limits} before it is built. */
    public static Sequential fromBytes(byte[] bytes, ModelFileLimits limits) throws OnnxException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new OnnxException("engine.onnx.notOnnx");
        }
        return OnnxImport.read(model, limits);
    }

    private static ValueInfoProto value(String name, Shape shape, String doc) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : shape.dims()) {
            s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setDocString(doc).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(s))).build();
    }

    private static String dims(Shape shape) {
        return String.join(", ", Arrays.stream(shape.dims()).mapToObj(String::valueOf).toList());
    }
}
