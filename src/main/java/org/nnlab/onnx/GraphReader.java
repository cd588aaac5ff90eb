package org.nnlab.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.onnx.proto.Onnx.AttributeProto;
import org.nnlab.onnx.proto.Onnx.GraphProto;
import org.nnlab.onnx.proto.Onnx.NodeProto;
import org.nnlab.onnx.proto.Onnx.TensorProto;

/**
 * Looks up what an imported graph holds: constants by name (initializers and Constant nodes), which node reads a
 * value, node attributes.
 */
final class GraphReader {
    /** A float or int64 constant with its dims. */
    record Constant(long[] dims, float[] floats, long[] longs) {
        long size() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Map<String, List<NodeProto>> readers = new HashMap<>();
    private final long maxValues;

    GraphReader(GraphProto graph, long maxValues) throws OnnxException {
        this.maxValues = maxValues;
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        for (NodeProto n : graph.getNodeList()) {
            if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                throw new OnnxException("engine.onnx.import.domain", n.getOpType(), n.getDomain());
            }
            AttributeProto value = attribute(n, "value");
            if (n.getOpType().equals("Constant") && value != null && value.hasT() && n.getOutputCount() == 1) {
                initializers.put(n.getOutput(0), value.getT());
            }
        }
        for (NodeProto n : graph.getNodeList()) {
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !initializers.containsKey(in)) {
                    readers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }
    }

    boolean isConstant(String name) {
        return initializers.containsKey(name);
    }

    /** The one node that reads {@code value}, null if none; a value read by two nodes is a branch we refuse. */
    NodeProto readerOf(String value) throws OnnxException {
        List<NodeProto> list = readers.getOrDefault(value, List.of());
        if (list.size() > 1) {
            throw new OnnxException("engine.onnx.import.branch", value, list.get(0).getOpType(), list.get(1).getOpType());
        }
        return list.isEmpty() ? null : list.getFirst();
    }

    /** The constant named by input {@code index} of {@code node}, or null when that input is absent. */
    Constant input(NodeProto node, int index) throws OnnxException {
        if (index >= node.getInputCount() || node.getInput(index).isEmpty()) {
            return null;
        }
        TensorProto t = initializers.get(node.getInput(index));
        if (t == null) {
            throw new OnnxException("engine.onnx.import.notConstant", node.getOpType(), index + 1);
        }
        return constant(t, node.getOpType());
    }

    /** Like {@link #input} but the input must be there. */
    Constant required(NodeProto node, int index) throws OnnxException {
        Constant c = input(node, index);
        if (c == null) {
            throw new OnnxException("engine.onnx.import.notConstant", node.getOpType(), index + 1);
        }
        return c;
    }

    private Constant constant(TensorProto t, String op) throws OnnxException {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long d : dims) {
            if (d < 0 || (d > 0 && n > maxValues / d)) {
                throw new OnnxException("engine.onnx.import.tooLarge", op, maxValues);
            }
            n *= d;
        }
        if (t.hasDataLocation() && t.getDataLocation() != TensorProto.DataLocation.DEFAULT) {
            throw new OnnxException("engine.onnx.import.external", op);
        }
        boolean raw = t.hasRawData();
        switch (t.getDataType()) {
            case TensorProto.DataType.FLOAT_VALUE -> {
                long have = raw ? t.getRawData().size() / 4 : t.getFloatDataCount();
                requireCount(op, have, n);
                float[] f = new float[(int) n];
                if (raw) {
                    t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
                } else {
                    for (int i = 0; i < f.length; i++) {
                        f[i] = t.getFloatData(i);
                    }
                }
                return new Constant(dims, f, null);
            }
            case TensorProto.DataType.INT64_VALUE -> {
                long have = raw ? t.getRawData().size() / 8 : t.getInt64DataCount();
                requireCount(op, have, n);
                long[] l = new long[(int) n];
                if (raw) {
                    ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    b.asLongBuffer().get(l);
                } else {
                    for (int i = 0; i < l.length; i++) {
                        l[i] = t.getInt64Data(i);
                    }
                }
                float[] f = new float[l.length];
                for (int i = 0; i < l.length; i++) {
                    f[i] = l[i];
                }
                return new Constant(dims, f, l);
            }
            default -> throw new OnnxException("engine.onnx.import.dataType", op, t.getDataType());
        }
    }

    private static void requireCount(String op, long have, long want) throws OnnxException {
        if (have != want) {
            throw new OnnxException("engine.onnx.import.tensorSize", op, want, have);
        }
    }

    static AttributeProto attribute(NodeProto node, String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    static long intAttr(NodeProto node, String name, long fallback) {
        AttributeProto a = attribute(node, name);
        return a == null ? fallback : a.getI();
    }

    static float floatAttr(NodeProto node, String name, float fallback) {
        AttributeProto a = attribute(node, name);
        return a == null ? fallback : a.getF();
    }

    static String stringAttr(NodeProto node, String name, String fallback) {
        AttributeProto a = attribute(node, name);
        return a == null ? fallback : a.getS().toStringUtf8();
    }

    static long[] intsAttr(NodeProto node, String name, long[] fallback) {
        AttributeProto a = attribute(node, name);
        return a == null ? fallback : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** Refuses every attribute of {@code node} not in {@code known}, naming the first one. */
    static void onlyAttributes(NodeProto node, String... known) throws OnnxException {
        outer:
        for (AttributeProto a : node.getAttributeList()) {
            for (String k : known) {
                if (k.equals(a.getName())) {
                    continue outer;
                }
            }
            throw new OnnxException("engine.onnx.import.attribute", node.getOpType(), a.getName());
        }
    }

    static OnnxException unsupported(NodeProto node, String attribute) {
        return new OnnxException("engine.onnx.import.attributeValue", node.getOpType(), attribute);
    }
}
