package org.nnlab.onnx;

import static org.nnlab.onnx.GraphReader.intAttr;
import static org.nnlab.onnx.GraphReader.intsAttr;
import static org.nnlab.onnx.GraphReader.onlyAttributes;
import static org.nnlab.onnx.GraphReader.stringAttr;
import static org.nnlab.onnx.GraphReader.unsupported;

import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.onnx.GraphReader.Constant;
import org.nnlab.onnx.OnnxImport.Step;
import org.nnlab.onnx.proto.Onnx.NodeProto;

/** Conv, MaxPool and AveragePool nodes as our conv2d and pooling layers. */
final class OnnxWindows {
    private OnnxWindows() {
    }

    static Step conv(GraphReader graph, NodeProto n, Shape in) throws OnnxException {
        onlyAttributes(n, "kernel_shape", "strides", "pads", "dilations", "group", "auto_pad");
        if (intAttr(n, "group", 1) != 1) {
            throw unsupported(n, "group");
        }
        requireOnes(n, "dilations");
        Constant w = graph.required(n, 1);
        if (w.dims().length != 4 || in.rank() != 3) {
            throw new OnnxException("engine.onnx.import.weightShape", n.getOpType(), w.dims().length);
        }
        int filters = (int) w.dims()[0];
        Size2 kernel = Size2.of((int) w.dims()[2], (int) w.dims()[3]);
        long[] ks = intsAttr(n, "kernel_shape", new long[] {kernel.h(), kernel.w()});
        if (ks.length != 2 || ks[0] != kernel.h() || ks[1] != kernel.w()) {
            throw unsupported(n, "kernel_shape");
        }
        Size2 stride = pair(n, "strides");
        long[] pads = intsAttr(n, "pads", new long[4]);
        String autoPad = stringAttr(n, "auto_pad", "NOTSET");
        float[] bias = graph.input(n, 2) == null ? new float[filters] : graph.input(n, 2).floats();
        if (bias.length != filters) {
            throw new OnnxException("engine.onnx.import.tensorSize", n.getOpType(), filters, bias.length);
        }
        LayerSpec spec;
        try {
            spec = switch (autoPad) {
                case "SAME_UPPER" -> new Conv2dSpec(filters, kernel, stride, Size2.of(0), true, false);
                case "NOTSET", "VALID" -> convWithPads(n, in, filters, kernel, stride,
                        autoPad.equals("VALID") ? new long[4] : pads);
                default -> throw unsupported(n, "auto_pad");
            };
        } catch (SpecException e) {
            throw unsupported(n, "pads");
        }
        return new Step(spec, n.getOutput(0), w.floats(), bias);
    }

    private static Conv2dSpec convWithPads(NodeProto n, Shape in, int filters, Size2 kernel, Size2 stride, long[] p)
            throws OnnxException {
        if (p.length != 4 || p[0] < 0 || p[1] < 0 || p[0] > 1 << 16 || p[1] > 1 << 16) {
            throw unsupported(n, "pads");
        }
        if (p[0] == p[2] && p[1] == p[3]) {
            Size2 padding = Size2.of((int) p[0], (int) p[1]);
            boolean exact = (in.dim(1) + 2 * p[0] - kernel.h()) % stride.h() == 0
                    && (in.dim(2) + 2 * p[1] - kernel.w()) % stride.w() == 0;
            return new Conv2dSpec(filters, kernel, stride, padding, false, !exact);
        }
        Conv2dSpec same = new Conv2dSpec(filters, kernel, stride, Size2.of(0), true, false);
        WindowGeometry g = same.geometry(in);
        long bottom = (long) (g.outHeight() - 1) * g.strideH() + g.kernelH() - g.height() - g.padTop();
        long right = (long) (g.outWidth() - 1) * g.strideW() + g.kernelW() - g.width() - g.padLeft();
        if (p[0] == g.padTop() && p[1] == g.padLeft() && p[2] == bottom && p[3] == right) {
            return same;
        }
        throw unsupported(n, "pads");
    }

    static Step pool(NodeProto n, Shape in) throws OnnxException {
        onlyAttributes(n, "kernel_shape", "strides", "pads", "dilations", "ceil_mode", "auto_pad",
                "storage_order", "count_include_pad");
        requireOnes(n, "dilations");
        for (long p : intsAttr(n, "pads", new long[0])) {
            if (p != 0) {
                throw unsupported(n, "pads");
            }
        }
        if (intAttr(n, "ceil_mode", 0) != 0) {
            throw unsupported(n, "ceil_mode");
        }
        if (intAttr(n, "storage_order", 0) != 0) {
            throw unsupported(n, "storage_order");
        }
        if (!stringAttr(n, "auto_pad", "NOTSET").equals("NOTSET") && !stringAttr(n, "auto_pad", "").equals("VALID")) {
            throw unsupported(n, "auto_pad");
        }
        long[] k = intsAttr(n, "kernel_shape", new long[0]);
        if (k.length != 2 || k[0] < 1 || k[1] < 1 || k[0] > 1 << 16 || k[1] > 1 << 16 || in.rank() != 3) {
            throw unsupported(n, "kernel_shape");
        }
        Size2 window = Size2.of((int) k[0], (int) k[1]);
        Size2 stride = pair(n, "strides");
        boolean exact = (in.dim(1) - window.h()) % stride.h() == 0 && (in.dim(2) - window.w()) % stride.w() == 0;
        LayerSpec spec = n.getOpType().equals("MaxPool") ? new MaxPool2dSpec(window, stride, !exact)
                : new AvgPool2dSpec(window, stride, !exact);
        return new Step(spec, n.getOutput(0));
    }

    private static Size2 pair(NodeProto n, String name) throws OnnxException {
        long[] s = intsAttr(n, name, new long[] {1, 1});
        if (s.length != 2 || s[0] < 1 || s[1] < 1 || s[0] > 1 << 16 || s[1] > 1 << 16) {
            throw unsupported(n, name);
        }
        return Size2.of((int) s[0], (int) s[1]);
    }

    private static void requireOnes(NodeProto n, String name) throws OnnxException {
        for (long d : intsAttr(n, name, new long[0])) {
            if (d != 1) {
                throw unsupported(n, name);
            }
        }
    }
}
