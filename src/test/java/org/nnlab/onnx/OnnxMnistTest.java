package org.nnlab.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.datasets.MnistTestData;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The shipped CNN and MLP and two recurrent models trained here (LSTM and bidirectional GRU reading MNIST rows)
 * exported to ONNX and run by ONNX Runtime on 100 MNIST test images: the same probabilities as our engine to
 * within 1e-4 and the same predictions; then imported back: the same spec and the same outputs.
 */
class OnnxMnistTest {
    private static LabeledImages test;
    private static LabeledImages train;

    @BeforeAll
    static void load() throws Exception {
        Path dir = MnistTestData.requireMnist();
        test = Mnist.load(dir, Mnist.Split.TEST).first(100);
        train = Mnist.load(dir, Mnist.Split.TRAIN).first(1200);
    }

    @Test
    void shippedCnn() throws Exception {
        check("mnist-cnn", ModelFile.read(Path.of("src/main/resources/models/mnist-cnn.nnm")));
    }

    @Test
    void shippedMlp() throws Exception {
        check("mnist-mlp", ModelFile.read(Path.of("src/main/resources/models/mnist-mlp.nnm")));
    }

    @Test
    void lstmOnRows() throws Exception {
        check("lstm-rows", trained(ModelSpec.of(Shape.of(28, 28), new LstmSpec(24, false), new DenseSpec(10)), 3));
    }

    @Test
    void bidirectionalGruOnRows() throws Exception {
        check("bigru-rows", trained(ModelSpec.of(Shape.of(28, 28), new BidirectionalSpec(new GruSpec(12, false)),
                new DenseSpec(10)), 5));
    }

    /**
     * {@code scores} trained for one epoch on 1,200 digits, seeded, then with a softmax on top (as the presets
     * end); it must have learned something.
     */
    private static Sequential trained(ModelSpec scores, long seed) {
        Sequential model = Sequential.build(scores, new SplittableRandom(seed));
        Dataset data = new Dataset(rows(train), train.labels());
        new Trainer(model, new SoftmaxCrossEntropy(), new Adam(0.01), data, TrainerConfig.of(1, 32, seed))
                .fit(e -> { }, new TrainingControl());
        List<LayerSpec> layers = new ArrayList<>(scores.layers());
        layers.add(new SoftmaxSpec());
        Sequential withSoftmax = Sequential.build(new ModelSpec(scores.input(), layers), new SplittableRandom(seed));
        for (int i = 0; i < model.params().size(); i++) {
            float[] from = model.params().get(i).value().data();
            System.arraycopy(from, 0, withSoftmax.params().get(i).value().data(), 0, from.length);
        }
        assertTrue(accuracy(withSoftmax.forward(rows(test), Mode.INFER)) > 0.3, "the model learned from 1,200 digits");
        assertEquals(Presets.LSTM_ROWS.spec().input(), scores.input());
        return withSoftmax;
    }

    private static Tensor rows(LabeledImages images) {
        return images.inputs().reshape(Shape.of(images.size(), 28, 28));
    }

    private static double accuracy(Tensor probabilities) {
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            right += probabilities.argmaxRow(i) == test.labels()[i] ? 1 : 0;
        }
        return right / (double) test.size();
    }

    private static void check(String name, Sequential model) throws Exception {
        Tensor input = test.inputs().reshape(model.spec().input().withBatch(test.size()));
        Tensor ours = model.forward(input, Mode.INFER).copy();
        byte[] onnx = OnnxModel.toBytes(model, Map.of(OnnxModel.MODEL_NAME, name));
        Tensor theirs = OnnxRuntimeCheck.run(onnx, input);
        double diff = OnnxRuntimeCheck.maxAbsDiff(ours, theirs);
        System.out.printf("%s: ONNX file %,d bytes (model file %,d), max |difference| %.3g, accuracy %.2f%n", name,
                onnx.length, ModelFile.toBytes(model).length, diff, accuracy(ours));
        assertTrue(diff < 1e-4, name + ": max difference " + diff);
        for (int i = 0; i < test.size(); i++) {
            assertEquals(ours.argmaxRow(i), theirs.argmaxRow(i), name + ": prediction for image " + i);
        }

        Sequential back = OnnxModel.fromBytes(onnx, ModelFileLimits.LENGTH_ONLY);
        assertEquals(model.spec(), back.spec(), name + ": spec after the round trip");
        assertArrayEquals(ours.data(), back.forward(input, Mode.INFER).data(), name + ": outputs after the round trip");
    }
}
