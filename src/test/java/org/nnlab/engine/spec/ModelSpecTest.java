package org.nnlab.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;

class ModelSpecTest {
    private static final ModelSpec MLP = ModelSpec.of(Shape.of(4),
            new DenseSpec(8, Init.he(), Init.constant(0.1)), new ReluSpec(), new DropoutSpec(0.25),
            new DenseSpec(3, new Init(InitScheme.GLOROT_NORMAL, 0.5, List.of()), Init.zeros()),
            new LeakyReluSpec(0.02), new SigmoidSpec(), new TanhSpec(), new LinearSpec(), new StepSpec(),
            new SoftmaxSpec(), new DenseSpec(2, Init.fixed(0.15, 0.25, 0.2, 0.3, 0.1 / 3, 1e-20), Init.fixed(0.35, 0.35)));

    private static final ModelSpec CNN = ModelSpec.of(Shape.of(1, 28, 28),
            new ZeroPadding2dSpec(Size2.of(1, 2)),
            new Conv2dSpec(4, Size2.of(3, 5), Size2.of(1, 2), Size2.of(1, 0), false, true),
            new BatchNormSpec(), new MaxPool2dSpec(Size2.of(2), Size2.of(2), true),
            new ConvPoolBlockSpec(2, 6, 2, 2, "relu"), new AvgPool2dSpec(Size2.of(1, 2), Size2.of(1), false),
            new FlattenSpec(), new DenseSpec(10));

    @Test
    void convolutionalSpecRoundTripsExactly() {
        CNN.validate();
        String json = CNN.toJson();
        assertEquals(CNN, ModelSpec.fromJson(json));
        assertEquals(json, ModelSpec.fromJson(json).toJson());
    }

    @Test
    void jsonRoundTripsExactly() {
        String json = MLP.toJson();
        ModelSpec back = ModelSpec.fromJson(json);
        assertEquals(MLP, back);
        assertEquals(json, back.toJson());
        assertTrue(json.contains("\"version\": 1") && json.contains("\"kind\": \"leaky_relu\""), json);
    }

    @Test
    void everyRegisteredKindRoundTrips() {
        for (LayerKind kind : LayerKinds.all()) {
            boolean covered = MLP.layers().stream().anyMatch(l -> l.getClass() == kind.type())
                    || CNN.layers().stream().anyMatch(l -> l.getClass() == kind.type())
                    || RecurrentSpecJsonTest.RECURRENT.layers().stream().anyMatch(l -> l.getClass() == kind.type());
            assertTrue(covered, kind.name() + " not covered");
        }
    }

    @Test
    void summaryGivesShapesParamsAndFlops() {
        ModelSpec spec = ModelSpec.of(Shape.of(784), new DenseSpec(128), new ReluSpec(), new DenseSpec(10));
        List<LayerSummary> rows = spec.summary();
        assertEquals(Shape.of(128), rows.get(0).outputShape());
        assertEquals(100_480, rows.get(0).params());
        assertEquals(128, rows.get(1).flops());
        assertEquals(1290, rows.get(2).params());
        assertEquals(101_770, spec.paramCount());
        assertEquals(Shape.of(10), spec.outputShape());
    }

    @Test
    void validationNamesLayerIndexAndKind() {
        ModelSpec bad = ModelSpec.of(Shape.of(1, 28, 28), new ReluSpec(), new DenseSpec(10));
        SpecException e = assertThrows(SpecException.class, bad::validate);
        assertEquals(1, e.layerIndex());
        assertTrue(e.getMessage().startsWith("layer 2 (dense): ") && e.getMessage().contains("Flatten"), e.getMessage());
    }

    @Test
    void rejectsEmptyModelAndEmptyInput() {
        assertTrue(assertThrows(SpecException.class, () -> ModelSpec.of(Shape.of(3)).validate())
                .getMessage().contains("at least one layer"));
        assertTrue(assertThrows(SpecException.class, () -> ModelSpec.of(Shape.of(0), new ReluSpec()).validate())
                .getMessage().contains("input shape"));
    }

    private static String message(String json) {
        return assertThrows(SpecException.class, () -> ModelSpec.fromJson(json)).getMessage();
    }

    private static String doc(String version, String layers) {
        return "{\"format\": \"nnlab-model-spec\", \"version\": " + version + ", \"input\": [4], \"layers\": [" + layers + "]}";
    }

    @Test
    void readingErrorsAreClear() {
        assertTrue(message(doc("1", "{\"kind\": \"conv9d\"}")).contains("unknown layer kind \"conv9d\"; known kinds are dense"));
        assertTrue(message(doc("2", "")).contains("version 2") && message(doc("2", "")).contains("newer"));
        assertTrue(message(doc("1", "{\"kind\": \"dense\", \"unit\": 3}")).contains("layers[0] (dense): unknown setting \"unit\"; the settings are units, weightInit, biasInit"));
        assertTrue(message(doc("1", "{\"kind\": \"relu\", \"x\": 1}")).contains("the settings are none"));
        assertTrue(message(doc("1", "{\"kind\": \"leaky_relu\"}")).contains("layers[0] (leaky_relu).slope is missing"));
        assertTrue(message(doc("1", "{\"kind\": \"dropout\", \"rate\": \"high\"}")).contains(".rate must be a number, got \"high\""));
        assertTrue(message(doc("1", "{\"kind\": \"dropout\", \"rate\": 1.5}")).contains("layers[0] (dropout): dropout rate must be in [0, 1), got rate=1.5"));
        String dense = "{\"kind\": \"dense\", \"units\": 2.5, \"weightInit\": {\"scheme\": \"HE_NORMAL\", \"scale\": 1, \"values\": []}, "
                + "\"biasInit\": {\"scheme\": \"ZERO\", \"scale\": 0, \"values\": []}}";
        assertTrue(message(doc("1", dense)).contains(".units must be a whole number, got 2.5"));
        assertTrue(message(doc("1", dense.replace("2.5", "2"))).contains("biasInit.scheme: unknown value \"ZERO\"; one of GLOROT_UNIFORM"));
        assertTrue(message("{\"format\": \"nnlab-model-spec\", \"version\": 1, \"input\": \"4\", \"layers\": []}").contains("\"input\" must be a list"));
        assertTrue(message("{\"format\": \"other\"}").contains("not a model spec"));
        assertTrue(message("{nope").contains("not valid JSON"));
        assertTrue(message(doc("1", "3")).contains("layers[0] must be a JSON object"));
    }
}
