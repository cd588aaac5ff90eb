package org.nnlab.engine.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.json.JsonException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * A whole network as settings: the per-sample input shape and the layers in order. It holds no weights;
 * {@link #summary()} gives every layer's shape, parameter count and FLOPs without building any, and
 * {@link #toJson()} / {@link #fromJson(String)} round-trip exactly. The JSON form:
 * <pre>{"format": "nnlab-model-spec", "version": 1, "input": [2], "layers": [{"kind": "dense", …}, …]}</pre>
 */
public record ModelSpec(Shape input, List<LayerSpec> layers) {
    public static final String FORMAT = "nnlab-model-spec";
    public static final int VERSION = 1;
    /** Deepest nesting read; a spec nests a few levels (model, layers, a layer, a wrapped cell, a list). */
    public static final int MAX_JSON_DEPTH = 32;

    public ModelSpec {
        if (input == null || layers == null) {
            throw new SpecException("engine.spec.model.parts");
        }
        layers = List.copyOf(layers);
    }

    public static ModelSpec of(Shape input, LayerSpec... layers) {
        return new ModelSpec(input, List.of(layers));
    }

    /** Checks the whole stack; the first misfit throws a {@link SpecException} naming its index and kind. */
    public void validate() {
        summary();
    }

    /** Shape, parameter count and FLOPs of every layer, checking each as it goes. */
    public List<LayerSummary> summary() {
        long values = values(input);
        if (input.rank() == 0 || values == 0) {
            throw new SpecException("engine.spec.model.inputEmpty", input);
        }
        if (values > Integer.MAX_VALUE) {
            throw new SpecException("engine.spec.model.inputTooLarge", input, values, Integer.MAX_VALUE);
        }
        if (layers.isEmpty()) {
            throw new SpecException("engine.spec.model.noLayers");
        }
        List<LayerSummary> rows = new ArrayList<>();
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            Shape out;
            try {
                out = layer.outputShape(shape);
                rows.add(new LayerSummary(i, layer.kind(), shape, out, layer.paramCount(shape), layer.flops(shape)));
            } catch (IllegalArgumentException e) {
                throw atLayer(i, layer, e);
            }
            shape = out;
        }
        return rows;
    }

    /**
     * The exception {@code e} raised by layer {@code i} (0-based), reworded to name the layer by its number as
     * people count (1-based, as on the builder's cards) and its kind.
     */
    public static SpecException atLayer(int i, LayerSpec layer, RuntimeException e) {
        return new SpecException(i, Message.of("engine.spec.model.atLayer", i + 1, layer.kind(), Message.explain(e)));
    }

    /** The number of values in {@code shape}, without the overflow check of {@link Shape#size()}. */
    public static long values(Shape shape) {
        long n = 1;
        for (int d : shape.dims()) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    public Shape outputShape() {
        return summary().getLast().outputShape();
    }

    public long paramCount() {
        return summary().stream().mapToLong(LayerSummary::params).sum();
    }

    public long flops() {
        return summary().stream().mapToLong(LayerSummary::flops).sum();
    }

    public String toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", FORMAT);
        map.put("version", VERSION);
        map.put("input", Arrays.stream(input.dims()).boxed().toList());
        map.put("layers", layers.stream().map(SpecCodec::toJson).toList());
        return Json.writePretty(map);
    }

    /**
     * Reads the JSON form within {@link SpecLimits#DEFAULT}; unknown versions, kinds and settings fail with a
     * message naming them.
     */
    public static ModelSpec fromJson(String text) {
        return SpecLimits.DEFAULT.read(text);
    }

    /**
     * Reads the JSON form, refusing a text longer than {@code limits} allow before parsing it and more layers
     * than they allow before decoding any of them.
     */
    public static ModelSpec fromJson(String text, SpecLimits limits) {
        limits.checkLength(text.length());
        Object parsed;
        try {
            parsed = Json.parse(text, limits.maxJsonChars(), MAX_JSON_DEPTH);
        } catch (JsonException e) {
            throw new SpecException("engine.spec.model.notJson", e.explanation());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new SpecException("engine.spec.model.notObject", SpecCodec.describe(parsed));
        }
        Map<String, Object> map = SpecCodec.object(parsed, "model spec");
        if (!FORMAT.equals(map.get("format"))) {
            throw new SpecException("engine.spec.model.format", FORMAT, SpecCodec.describe(map.get("format")));
        }
        if (!(map.get("version") instanceof Double v) || v != Math.rint(v)) {
            throw new SpecException("engine.spec.model.version", SpecCodec.describe(map.get("version")));
        }
        if (v > VERSION || v < 1) {
            throw new SpecException(v > VERSION ? "engine.spec.model.versionNewer" : "engine.spec.model.versionOlder",
                    v.intValue(), VERSION);
        }
        if (!(map.get("layers") instanceof List<?> list)) {
            throw new SpecException("engine.spec.model.layersList", SpecCodec.describe(map.get("layers")));
        }
        limits.checkLayers(list.size());
        Shape in = readShape(map.get("input"));
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            specs.add(SpecCodec.fromJson(list.get(i), "layers[" + i + "]"));
        }
        return new ModelSpec(in, specs);
    }

    private static Shape readShape(Object json) {
        if (json instanceof List<?> list && list.stream().allMatch(d -> d instanceof Double x && x == Math.rint(x) && x >= 0)) {
            for (Object d : list) {
                if ((Double) d > Integer.MAX_VALUE) {
                    throw new SpecException("engine.spec.model.inputSize", SpecCodec.describe(d), Integer.MAX_VALUE);
                }
            }
            return Shape.of(list.stream().mapToInt(d -> ((Double) d).intValue()).toArray());
        }
        throw new SpecException("engine.spec.model.inputList", SpecCodec.describe(json));
    }
}
