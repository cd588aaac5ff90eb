package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecCodec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;

/**
 * The invalid specs of the hardening probe: each is refused by the engine's spec decoding and check
 * ({@link ModelSpec#fromJson} then {@link ModelSpec#validate}) and, carried in a link, by
 * {@link SpecLinks#decode}, always with a {@link SpecException} whose message names the problem, never
 * with another exception.
 */
class SpecProbesReliabilityTest {
    /** One invalid spec as JSON text and a part of the message it must get. */
    private record Probe(String name, String json, String messagePart) {
    }

    private static final ModelSpec VALID = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> validTree() {
        return (Map<String, Object>) Json.parse(VALID.toJson());
    }

    /** The valid spec with {@code change} applied to its JSON tree. */
    private static Probe edit(String name, Consumer<Map<String, Object>> change, String messagePart) {
        Map<String, Object> tree = validTree();
        change.accept(tree);
        return new Probe(name, Json.write(tree), messagePart);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layer(Map<String, Object> tree, int i) {
        return (Map<String, Object>) ((List<Object>) tree.get("layers")).get(i);
    }

    /** The valid spec with its dense layer's setting {@code key} set to {@code value}. */
    private static Probe dense(String name, String key, Object value, String messagePart) {
        return edit(name, t -> layer(t, 1).put(key, value), messagePart);
    }

    private static Probe layers(String name, Object layers, String messagePart) {
        return edit(name, t -> t.put("layers", layers), messagePart);
    }

    private static Probe input(String name, Object input, String messagePart) {
        return edit(name, t -> t.put("input", input), messagePart);
    }

    private static Map<String, Object> conv(int filters, int kernel, int stride) {
        Map<String, Object> c = new LinkedHashMap<>(SpecCodec.toJson(Conv2dSpec.of(1, 3)));
        c.put("filters", filters);
        c.put("kernel", Map.of("h", kernel, "w", kernel));
        c.put("stride", Map.of("h", stride, "w", stride));
        return c;
    }

    private static List<Probe> probes() {
        List<Probe> p = new ArrayList<>();
        p.add(new Probe("not JSON", "hello", "not valid JSON"));
        p.add(new Probe("empty text", "", "not valid JSON"));
        p.add(new Probe("truncated", VALID.toJson().substring(0, 40), "not valid JSON"));
        p.add(new Probe("NaN literal", VALID.toJson().replace("\"units\": 10", "\"units\": NaN"), "not valid JSON"));
        p.add(new Probe("nested 100,000 deep", "[".repeat(100_000), "nested deeper than"));
        p.add(new Probe("a list", "[1, 2]", "must be a JSON object"));
        p.add(new Probe("null", "null", "must be a JSON object"));
        p.add(edit("no format", t -> t.remove("format"), "not a model spec"));
        p.add(edit("another format", t -> t.put("format", "onnx"), "not a model spec"));
        p.add(edit("version 2", t -> t.put("version", 2), "version 2 is not supported"));
        p.add(edit("version 0", t -> t.put("version", 0), "version 0 is not supported"));
        p.add(edit("version 1.5", t -> t.put("version", 1.5), "whole-number \"version\""));
        p.add(edit("version as text", t -> t.put("version", "1"), "whole-number \"version\""));
        p.add(edit("no layers", t -> t.remove("layers"), "needs a \"layers\" list"));
        p.add(layers("layers an object", Map.of("kind", "dense"), "needs a \"layers\" list"));
        p.add(layers("no layer at all", List.of(), "at least one layer"));
        p.add(layers("a null layer", java.util.Arrays.asList((Object) null), "layers[0] must be a JSON object"));
        p.add(layers("a number as layer", List.of(5), "layers[0] must be a JSON object"));
        p.add(edit("no input", t -> t.remove("input"), "\"input\" must be a list of whole numbers"));
        p.add(input("input a number", 784, "\"input\" must be a list of whole numbers"));
        p.add(input("negative input", List.of(-1, 28, 28), "\"input\" must be a list of whole numbers"));
        p.add(input("fractional input", List.of(1, 28.5, 28), "\"input\" must be a list of whole numbers"));
        p.add(input("input as text", List.of("28"), "\"input\" must be a list of whole numbers"));
        p.add(input("empty input", List.of(), "at least one value per sample"));
        p.add(input("zero input", List.of(1, 0, 28), "at least one value per sample"));
        p.add(edit("dense on an image", t -> ((List<?>) t.get("layers")).remove(0), "add a Flatten layer"));
        p.add(edit("unknown kind", t -> layer(t, 1).put("kind", "transformer"), "unknown layer kind \"transformer\""));
        p.add(edit("no kind", t -> layer(t, 1).remove("kind"), "a layer needs a \"kind\""));
        p.add(edit("kind a number", t -> layer(t, 1).put("kind", 5), "a layer needs a \"kind\""));
        p.add(dense("zero units", "units", 0, "at least 1 unit"));
        p.add(dense("negative units", "units", -5, "at least 1 unit"));
        p.add(dense("fractional units", "units", 1.5, "units must be a whole number"));
        p.add(dense("units beyond int", "units", 1e12, "units must be a whole number"));
        p.add(dense("units as text", "units", "10", "units must be a number"));
        p.add(dense("units null", "units", null, "units must be a number"));
        p.add(edit("units missing", t -> layer(t, 1).remove("units"), "units is missing"));
        p.add(dense("unknown setting", "activation", "relu", "unknown setting \"activation\""));
        p.add(dense("initialiser as text", "weightInit", "glorot", "weightInit must be a JSON object"));
        p.add(edit("unknown initialiser scheme", t -> ((Map<String, Object>) layer(t, 1).get("weightInit"))
                .put("scheme", "MAGIC"), "unknown value \"MAGIC\""));
        Probe scale = edit("infinite initialiser scale", t -> ((Map<String, Object>) layer(t, 1).get("weightInit"))
                .put("scale", 12345.5), "scale must be a finite number");
        p.add(new Probe(scale.name(), scale.json().replace("12345.5", "1e999"), scale.messagePart()));
        p.add(layers("kernel larger than the image", List.of(conv(4, 29, 1)), "layer 1 (conv2d)"));
        p.add(layers("stride zero", List.of(conv(4, 3, 0)), "stride must be at least 1×1"));
        p.add(layers("zero filters", List.of(conv(0, 3, 1)), "number of filters must be at least 1"));
        p.add(layers("dropout rate 1.5", List.of(Map.of("kind", "dropout", "rate", 1.5)), "dropout rate must be in [0, 1)"));
        p.add(layers("leaky slope -1", List.of(Map.of("kind", "leaky_relu", "slope", -1)), "slope must be in [0, 1)"));
        Object nested = Map.of("kind", "relu");
        for (int i = 0; i < 200; i++) {
            nested = Map.of("kind", "bidirectional", "layer", nested);
        }
        p.add(layers("bidirectional wrapped 200 deep", List.of(nested), "nested deeper than 32 levels"));
        Object shallow = Map.of("kind", "relu");
        for (int i = 0; i < 5; i++) {
            shallow = Map.of("kind", "bidirectional", "layer", shallow);
        }
        p.add(layers("bidirectional wrapped 5 deep", List.of(shallow), "bidirectional wraps a recurrent layer"));
        return p;
    }

    @Test
    void everyInvalidSpecIsRefusedWithASpecExceptionThatSaysWhy() {
        List<Probe> probes = probes();
        assertTrue(probes.size() >= 33, probes.size() + " probes");
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            check(failures, probe.name(), probe.messagePart(), () -> ModelSpec.fromJson(probe.json()).validate());
            String link = Base64.getUrlEncoder().withoutPadding().encodeToString(probe.json().getBytes(StandardCharsets.UTF_8));
            check(failures, probe.name() + " (link)", probe.messagePart(), () -> SpecLinks.decode(link).validate());
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void brokenLinksAreRefusedWithASpecException() {
        List<String> failures = new ArrayList<>();
        for (String link : List.of("%%%", "", "   ", "eyJ", "a+b/c==", "\u6a21\u578b", "=".repeat(10), "A")) {
            check(failures, "link '" + link + "'", "", () -> SpecLinks.decode(link).validate());
        }
        assertEquals(List.of(), failures);
        assertEquals(VALID, SpecLinks.decode(SpecLinks.encode(VALID)), "a good link still works");
    }

    private static void check(List<String> failures, String name, String messagePart, Runnable decode) {
        try {
            decode.run();
            failures.add(name + ": accepted");
        } catch (SpecException e) {
            if (e.getMessage() == null || !e.getMessage().contains(messagePart)) {
                failures.add(name + ": message '" + e.getMessage() + "' does not mention '" + messagePart + "'");
            }
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(name + ": " + e);
        }
    }
}
