package org.nnlab.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.onnx.proto.Onnx.AttributeProto;
import org.nnlab.onnx.proto.Onnx.NodeProto;
import org.nnlab.onnx.proto.Onnx.TensorProto;

/** Collects the nodes and initializers of one graph, giving every value a fresh name. */
final class GraphWriter {
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private int counter;
    private String prefix = "";

    List<NodeProto> nodes() {
        return nodes;
    }

    List<TensorProto> initializers() {
        return initializers;
    }

    /** Names what the next nodes and constants belong to, e.g. "layer2" (used in their names). */
    void layer(String name) {
        prefix = name;
    }

    String fresh(String what) {
        return prefix + "/" + what + "_" + counter++;
    }

    /** Adds a float constant with the given dims; returns its name. */
    String floats(String what, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        String name = prefix + "/" + what;
        initializers.add(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(longs(dims)).setRawData(ByteString.copyFrom(buf.array())).build());
        return name;
    }

    /** Adds a one-dimensional int64 constant; returns its name. */
    String int64s(String what, long... values) {
        String name = prefix + "/" + what;
        initializers.add(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).addAllInt64Data(longs(values)).build());
        return name;
    }

    /** Adds a node with one output; returns that output's name. */
    String node(String op, List<String> inputs, AttributeProto... attributes) {
        return nodeWithOutputs(op, inputs, 1, attributes).getFirst();
    }

    /** Adds a node with {@code outputs} outputs; returns their names. */
    List<String> nodeWithOutputs(String op, List<String> inputs, int outputs, AttributeProto... attributes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            names.add(fresh(op + (outputs > 1 ? "_out" + i : "")));
        }
        nodes.add(NodeProto.newBuilder().setName(fresh(op + "_node")).setOpType(op).addAllInput(inputs)
                .addAllOutput(names).addAllAttribute(List.of(attributes)).build());
        return names;
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto attrInts(String name, long... values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
                .addAllInts(longs(values)).build();
    }

    private static List<Long> longs(long... values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }
}
