package org.nnlab.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * Starting points for the builder: small classics and the trained MNIST networks of
 * {@link Presets} (reused, not copied). Each is a plain {@link ModelSpec} the user then edits; the
 * {@code name} is also the text key suffix ({@code build.preset.<name>}).
 */
public final class BuilderPresets {
    public record BuilderPreset(String name, ModelSpec spec) {
    }

    private static final Shape MNIST = Shape.of(1, 28, 28);
    private static final Shape POINTS = Shape.of(2);
    private static final Shape ROWS = Shape.of(28, 28);

    /** Rosenblatt's perceptron: two inputs, one threshold unit. */
    public static final BuilderPreset PERCEPTRON = new BuilderPreset("perceptron",
            ModelSpec.of(POINTS, new DenseSpec(1), new StepSpec()));

    /** The smallest net that learns XOR: 2-2-1 with sigmoids. */
    public static final BuilderPreset XOR = new BuilderPreset("xor",
            ModelSpec.of(POINTS, new DenseSpec(2), new SigmoidSpec(), new DenseSpec(1), new SigmoidSpec()));

    /**
     * The notes' digit CNN: 5 kernels of 5×5, pool 2, 20 kernels of 5×5, pool 2, then a dense layer to
     * the 10 digits and softmax: 28 → 24 → 12 → 8 → 4, so 20·4·4 = 320 features reach the dense layer.
     */
    public static final BuilderPreset DIGIT_CNN = new BuilderPreset("digit_cnn",
            ModelSpec.of(MNIST,
                    Conv2dSpec.of(5, 5), new ReluSpec(), MaxPool2dSpec.of(2),
                    Conv2dSpec.of(20, 5), new ReluSpec(), MaxPool2dSpec.of(2),
                    new FlattenSpec(), new DenseSpec(10), new SoftmaxSpec()));

    /** Two conv-pool blocks (20 then 50 filters of 5×5, pool 2) and a dense layer to 10 classes. */
    public static final BuilderPreset CONV_POOL = new BuilderPreset("conv_pool",
            ModelSpec.of(MNIST,
                    new ConvPoolBlockSpec(5, 20, 2, 2, "relu"), new ConvPoolBlockSpec(5, 50, 2, 2, "relu"),
                    new FlattenSpec(), new DenseSpec(10), new SoftmaxSpec()));

    /** Reads an MNIST image row by row (28 steps of 28 pixels) with an LSTM of 64 units. */
    public static final BuilderPreset LSTM_ROWS = new BuilderPreset("lstm_rows",
            ModelSpec.of(ROWS, new LstmSpec(64, false), new DenseSpec(10), new SoftmaxSpec()));

    /** The same with a bidirectional GRU: each row is seen with context from above and below. */
    public static final BuilderPreset BIGRU_ROWS = new BuilderPreset("bigru_rows",
            ModelSpec.of(ROWS, new BidirectionalSpec(new GruSpec(32, false)), new DenseSpec(10), new SoftmaxSpec()));

    /** A character model: 32 token ids → embedding 16 → LSTM 64 over every step → next-character scores. */
    public static final BuilderPreset CHAR_MODEL = new BuilderPreset("char_model",
            ModelSpec.of(Shape.of(32), new EmbeddingSpec(100, 16), new LstmSpec(64, true), new TimeDenseSpec(100)));

    private static final List<BuilderPreset> ALL;

    static {
        List<BuilderPreset> all = new ArrayList<>(List.of(PERCEPTRON, XOR));
        for (Presets.Preset p : Presets.ALL) {
            all.add(new BuilderPreset(p.name(), p.spec()));
        }
        int afterMlp = all.size();
        all.add(afterMlp - 1, DIGIT_CNN);
        all.addAll(List.of(CONV_POOL, LSTM_ROWS, BIGRU_ROWS, CHAR_MODEL));
        ALL = List.copyOf(all);
    }

    private BuilderPresets() {
    }

    public static List<BuilderPreset> all() {
        return ALL;
    }

    public static Optional<BuilderPreset> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
