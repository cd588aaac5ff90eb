package org.nnlab.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.AvgPool2dSpec;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.onnx.proto.Onnx.ModelProto;
import org.nnlab.onnx.proto.Onnx.NodeProto;

/**
 * Every layer kind, with random weights (and batch norm statistics), exported and run by ONNX Runtime next to
 * our engine, then imported back: the same outputs, the same spec. Graphs we cannot map are refused by name.
 */
class OnnxLayerKindsTest {
    private static final ModelSpec IMAGES = ModelSpec.of(Shape.of(2, 9, 8),
            new ZeroPadding2dSpec(Size2.of(1, 2)),
            new Conv2dSpec(4, Size2.of(3, 2), Size2.of(2, 1), Size2.of(1, 0), false, true),
            new BatchNormSpec(0.2, 1e-3), new LeakyReluSpec(0.05),
            new Conv2dSpec(3, Size2.of(2, 3), Size2.of(1, 1), Size2.of(0), true, false), new TanhSpec(),
            new MaxPool2dSpec(Size2.of(2, 2), Size2.of(1, 2), true),
            new AvgPool2dSpec(Size2.of(2, 1), Size2.of(1, 1), false),
            new ConvPoolBlockSpec(2, 3, 2, 1, "relu", 1),
            new FlattenSpec(), new DropoutSpec(0.25), new DenseSpec(6), new BatchNormSpec(), new SigmoidSpec(),
            new DenseSpec(5), new LinearSpec(), new StepSpec(), new DenseSpec(4), new SoftmaxSpec());

    private static final ModelSpec SEQUENCES = ModelSpec.of(Shape.of(7, 5),
            new SimpleRnnSpec(6, true, 3, 1.0), new TimeDenseSpec(5), new ReluSpec(),
            new BidirectionalSpec(new LstmSpec(4, true)), new GruSpec(5, true),
            new BidirectionalSpec(new GruSpec(3, false)), new DenseSpec(3), new SoftmaxSpec());

    private static final ModelSpec TOKENS = ModelSpec.of(Shape.of(6),
            new EmbeddingSpec(11, 4), new LstmSpec(5, true), new TimeDenseSpec(11));

    @Test
    void imageLayers() throws Exception {
        check(IMAGES, random(IMAGES.input().withBatch(5), 1, false));
    }

    @Test
    void recurrentLayers() throws Exception {
        check(SEQUENCES, random(SEQUENCES.input().withBatch(4), 2, false));
    }

    @Test
    void embeddingReadsTokenIds() throws Exception {
        check(TOKENS, random(TOKENS.input().withBatch(3), 3, true));
    }

    private static void check(ModelSpec spec, Tensor input) throws Exception {
        Sequential model = Sequential.build(spec, new SplittableRandom(4));
        SplittableRandom rng = new SplittableRandom(5);
        for (Param p : model.savedTensors()) {
            float[] v = p.value().data();
            for (int i = 0; i < v.length; i++) {
                v[i] = p.name().equals("running_var") ? (float) rng.nextDouble(0.5, 2) : (float) rng.nextDouble(-1, 1);
            }
        }
        Tensor ours = model.forward(input, Mode.INFER).copy();
        byte[] onnx = OnnxModel.toBytes(model, Map.of(OnnxModel.MODEL_NAME, "kinds"));
        double diff = OnnxRuntimeCheck.maxAbsDiff(ours, OnnxRuntimeCheck.run(onnx, input));
        assertTrue(diff < 1e-5, "max difference " + diff);

        Sequential back = OnnxModel.fromBytes(onnx, ModelFileLimits.LENGTH_ONLY);
        assertEquals(spec, back.spec());
        assertArrayEquals(ours.data(), back.forward(input, Mode.INFER).data());

        ModelProto withoutSpec = ModelProto.parseFrom(onnx).toBuilder().clearMetadataProps().build();
        Sequential fromGraph = OnnxModel.fromBytes(withoutSpec.toByteArray(), ModelFileLimits.LENGTH_ONLY);
        assertEquals(OnnxWeights.computation(spec), OnnxWeights.computation(fromGraph.spec()),
                "the graph alone gives the same computation");
        assertArrayEquals(ours.data(), fromGraph.forward(input, Mode.INFER).data());
    }

    @Test
    void anOperatorWithoutALayerIsNamed() throws Exception {
        Sequential model = Sequential.build(IMAGES, new SplittableRandom(1));
        ModelProto proto = ModelProto.parseFrom(OnnxModel.toBytes(model, Map.of()));
        ModelProto.Builder b = proto.toBuilder();
        int tanh = proto.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList().indexOf("Tanh");
        b.getGraphBuilder().getNodeBuilder(tanh).setOpType("Erf");
        OnnxException e = assertThrows(OnnxException.class,
                () -> OnnxModel.fromBytes(b.build().toByteArray(), ModelFileLimits.LENGTH_ONLY));
        assertEquals("engine.onnx.import.operator", e.explanation().key());
        assertTrue(e.getMessage().contains("Erf"), e.getMessage());
    }

    @Test
    void anAttributeWeCannotMapIsNamed() throws Exception {
        Sequential model = Sequential.build(SEQUENCES, new SplittableRandom(1));
        ModelProto proto = ModelProto.parseFrom(OnnxModel.toBytes(model, Map.of()));
        ModelProto.Builder b = proto.toBuilder();
        int gru = proto.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList().indexOf("GRU");
        b.getGraphBuilder().getNodeBuilder(gru).addAttribute(GraphWriter.attr("clip", 3f));
        OnnxException e = assertThrows(OnnxException.class,
                () -> OnnxModel.fromBytes(b.build().toByteArray(), ModelFileLimits.LENGTH_ONLY));
        assertEquals("engine.onnx.import.attribute", e.explanation().key());
        assertTrue(e.getMessage().contains("GRU") && e.getMessage().contains("clip"), e.getMessage());
    }

    @Test
    void garbageAndHugeClaimsAreRefused() {
        assertEquals("engine.onnx.notOnnx", assertThrows(OnnxException.class, () -> OnnxModel.fromBytes(
                new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}, ModelFileLimits.LENGTH_ONLY))
                .explanation().key());
        Sequential model = Sequential.build(ModelSpec.of(Shape.of(3), new DenseSpec(2)), new SplittableRandom(1));
        ModelProto.Builder b;
        try {
            b = ModelProto.parseFrom(OnnxModel.toBytes(model, Map.of())).toBuilder();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        b.getGraphBuilder().getInitializerBuilder(0).clearDims().addDims(1L << 31).addDims(1L << 31);
        OnnxException e = assertThrows(OnnxException.class,
                () -> OnnxModel.fromBytes(b.build().toByteArray(), new ModelFileLimits(1000, ModelFileLimits.LENGTH_ONLY.spec())));
        assertEquals("engine.onnx.import.tooLarge", e.explanation().key());
    }

    private static Tensor random(Shape shape, long seed, boolean tokens) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = tokens ? rng.nextInt(11) : (float) rng.nextDouble(-1, 1);
        }
        return new Tensor(shape, v);
    }
}
