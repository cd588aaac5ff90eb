package org.nnlab.engine.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Reference cases {@code conv2d}, {@code maxpool2d} and {@code avgpool2d} (NCHW, PyTorch's weight
 * layout [out, in, kh, kw]): builds the layer from the case's config, sets the case's weights, runs
 * forward on x and backward with G, and compares y, dx and, for conv2d, dweight and dbias.
 */
final class ConvReferenceRunner implements ReferenceRunner {
    @Override
    public Set<String> kinds() {
        return Set.of("conv2d", "maxpool2d", "avgpool2d");
    }

    @Override
    public CaseResult run(Map<String, Object> testCase) {
        String kind = (String) testCase.get("kind");
        Map<?, ?> config = (Map<?, ?>) require(testCase, "config");
        Tensor x = NestedArray.of(require(testCase, "x")).tensor();
        if (x.shape().rank() != 4) {
            throw new IllegalArgumentException(kind + ": x must be [batch, channels, height, width], got " + x.shape());
        }
        Shape sample = x.shape().dropFirst();
        Size2 kernel = size2(config, "kernel");
        Size2 stride = size2(config, "stride");
        LayerSpec spec = switch (kind) {
            case "conv2d" -> new Conv2dSpec(number(config, "out_channels"), kernel, stride,
                    config.containsKey("padding") ? size2(config, "padding") : Size2.of(0), false, true);
            case "maxpool2d" -> new MaxPool2dSpec(kernel, stride, true);
            case "avgpool2d" -> new AvgPool2dSpec(kernel, stride, true);
            default -> throw new IllegalArgumentException("ConvReferenceRunner does not handle kind " + kind);
        };
        Layer layer = spec.build(sample, new SplittableRandom(0));
        if (kind.equals("conv2d")) {
            if (number(config, "in_channels") != sample.dim(0)) {
                throw new IllegalArgumentException("conv2d: config in_channels " + config.get("in_channels")
                        + " but x has " + sample.dim(0) + " channels");
            }
            set(layer, "weight", NestedArray.of(require(testCase, "weight")));
            set(layer, "bias", NestedArray.of(require(testCase, "bias")));
        }
        Tensor y = layer.forward(x, Mode.TRAIN);
        CaseResult.Builder result = new CaseResult.Builder();
        result.compare("y", NestedArray.of(require(testCase, "y")).values(), y.data());
        Tensor dx = layer.backward(NestedArray.of(require(testCase, "G")).tensor().reshape(y.shape()));
        result.compare("dx", NestedArray.of(require(testCase, "dx")).values(), dx.data());
        if (kind.equals("conv2d")) {
            result.compare("dweight", NestedArray.of(require(testCase, "dweight")).values(), grad(layer, "weight"));
            result.compare("dbias", NestedArray.of(require(testCase, "dbias")).values(), grad(layer, "bias"));
        }
        return result.build();
    }

    private static void set(Layer layer, String name, NestedArray values) {
        float[] dst = layer.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()
                .value().data();
        if (dst.length != values.values().length) {
            throw new IllegalArgumentException("conv2d: " + name + " has " + values.values().length
                    + " values in the case, the layer has " + dst.length);
        }
        System.arraycopy(values.floats(), 0, dst, 0, dst.length);
    }

    private static float[] grad(Layer layer, String name) {
        return layer.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().grad().data();
    }

    private static Object require(Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException("reference case lacks \"" + key + "\"");
        }
        return v;
    }

    private static int number(Map<?, ?> config, String key) {
        return ((Number) require(config, key)).intValue();
    }

    private static Size2 size2(Map<?, ?> config, String key) {
        Object v = require(config, key);
        if (v instanceof Number n) {
            return Size2.of(n.intValue());
        }
        List<?> list = (List<?>) v;
        return Size2.of(((Number) list.get(0)).intValue(), ((Number) list.get(1)).intValue());
    }
}
