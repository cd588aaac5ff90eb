package org.nnlab.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * Every ready-made network of the app in one place: the builder's starting points, the Train page's
 * networks and the {@code train --preset} command's recipes (the shipped default models were trained
 * from {@link #MLP} and {@link #LENET} by it). Each preset says in which {@link Offer}s it is offered;
 * within an offer its name is unique and stable (URLs, saved runs, the command line and tests use it).
 */
public final class Presets {
    /** Where a preset is offered (a menu or the command line), and the text key prefix of its label there. */
    public enum Offer {
        /** The builder's "Start from a preset" menu: label {@code build.preset.<name>}. */
        BUILDER("build.preset."),
        /** The Train page's network choice, which trains on MNIST images today: label {@code train.network.<name>}. */
        TRAIN_PAGE("train.network."),
        /** {@code train --preset <name>}, which prints the description instead of a label. */
        TRAIN_COMMAND(null);

        private final String labelKeyPrefix;

        Offer(String labelKeyPrefix) {
            this.labelKeyPrefix = labelKeyPrefix;
        }

        /** The text key of {@code name}'s label here. */
        public String labelKey(String name) {
            if (labelKeyPrefix == null) {
                throw new UnsupportedOperationException(this + " shows descriptions, not translated labels");
            }
            return labelKeyPrefix + name;
        }
    }

    /** What a preset reads: the input shape of its spec. */
    public enum InputKind {
        /** One MNIST digit as a 1-channel 28×28 image. */
        MNIST_IMAGE(Mnist.IMAGE_SHAPE),
        /** An MNIST digit read row by row: 28 steps of 28 pixels. */
        MNIST_ROWS(Shape.of(Mnist.ROWS, Mnist.COLS)),
        /** A point of the plane (x, y). */
        POINTS(Shape.of(2)),
        /** A sequence of 32 token ids. */
        TOKENS(Shape.of(32));

        private final Shape shape;

        InputKind(Shape shape) {
            this.shape = shape;
        }

        public Shape shape() {
            return shape;
        }
    }

    /** How a preset is trained: optimizer, mini-batch size and the usual number of epochs (0: none given). */
    public record Training(OptimizerConfig optimizer, int batchSize, int epochs) {
    }

    /**
     * A network people can pick.
     *
     * @param training how it trains; null for a builder-only preset, required for the Train page and the command
     */
    public record Preset(String name, String description, InputKind input, ModelSpec spec, Training training,
                         Set<Offer> offers) {
        public Preset {
            Objects.requireNonNull(name);
            offers = Set.copyOf(offers);
            if (!spec.input().equals(input.shape())) {
                throw new IllegalArgumentException(name + ": input " + spec.input() + " is not " + input);
            }
            if (training == null && (offers.contains(Offer.TRAIN_PAGE) || offers.contains(Offer.TRAIN_COMMAND))) {
                throw new IllegalArgumentException(name + ": a trained preset needs its training settings");
            }
            if (offers.contains(Offer.TRAIN_PAGE) && input != InputKind.MNIST_IMAGE) {
                throw new IllegalArgumentException(name + ": the Train page trains on MNIST images only");
            }
            if (offers.contains(Offer.TRAIN_COMMAND) && training.epochs() <= 0) {
                throw new IllegalArgumentException(name + ": the train command needs the usual number of epochs");
            }
        }

        /** The text key of this preset's label in {@code offer}. */
        public String labelKey(Offer offer) {
            return offer.labelKey(name);
        }
    }

    private static final Set<Offer> BUILDER = Set.of(Offer.BUILDER);
    private static final Set<Offer> TRAIN_PAGE = Set.of(Offer.TRAIN_PAGE);
    private static final Set<Offer> EVERYWHERE = Set.of(Offer.values());

    /** Rosenblatt's perceptron: two inputs, one threshold unit. */
    public static final Preset PERCEPTRON = builder("perceptron", "perceptron 2-1 with a step", InputKind.POINTS,
            new DenseSpec(1), new StepSpec());

    /** One dense layer from the 784 pixels to the 10 classes (softmax regression): 7,850 parameters. */
    public static final Preset DIGIT_PERCEPTRON = new Preset("perceptron", "one dense layer 784-10",
            InputKind.MNIST_IMAGE, digits(new FlattenSpec(), new DenseSpec(10)),
            new Training(new OptimizerConfig(OptimizerKind.SGD, 0.1, 0, 0), 64, 0), TRAIN_PAGE);

    /** The smallest net that learns XOR: 2-2-1 with sigmoids. */
    public static final Preset XOR = builder("xor", "XOR net 2-2-1 with sigmoids", InputKind.POINTS,
            new DenseSpec(2), new SigmoidSpec(), new DenseSpec(1), new SigmoidSpec());

    /** 784-256-128-10 with ReLU: about 235 k parameters. */
    public static final Preset MLP = new Preset("mlp", "multilayer perceptron 784-256-128-10, ReLU",
            InputKind.MNIST_IMAGE,
            digits(new FlattenSpec(),
                    new DenseSpec(256, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(128, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(10)),
            new Training(new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), 64, 20), EVERYWHERE);

    /**
     * The notes' digit CNN: 5 kernels of 5×5, pool 2, 20 kernels of 5×5, pool 2, then a dense layer to
     * the 10 digits and softmax: 28 → 24 → 12 → 8 → 4, so 20·4·4 = 320 features reach the dense layer.
     */
    public static final Preset DIGIT_CNN = builder("digit_cnn", "digit CNN: 5 then 20 kernels of 5x5, softmax",
            InputKind.MNIST_IMAGE,
            Conv2dSpec.of(5, 5), new ReluSpec(), MaxPool2dSpec.of(2),
            Conv2dSpec.of(20, 5), new ReluSpec(), MaxPool2dSpec.of(2),
            new FlattenSpec(), new DenseSpec(10), new SoftmaxSpec());

    /**
     * LeNet-5 as it is usually rebuilt today: conv 5×5×6 (padding 2), ReLU, max-pool 2, conv 5×5×16,
     * ReLU, max-pool 2, dense 120, 84, 10 with ReLU: about 62 k parameters.
     */
    public static final Preset LENET = new Preset("lenet", "LeNet-5-like CNN: conv 5x5x6, pool, conv 5x5x16, pool, 120-84-10",
            InputKind.MNIST_IMAGE,
            digits(Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2),
                    Conv2dSpec.of(16, 5), new ReluSpec(), MaxPool2dSpec.of(2),
                    new FlattenSpec(),
                    new DenseSpec(120, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(84, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(10)),
            new Training(new OptimizerConfig(OptimizerKind.ADAM, 0.002, 0, 0), 64, 15), EVERYWHERE);

    /**
     * LeNet for a short time budget ({@code train --preset lenet_fast --time-limit 15}): the same network
     * as {@link #LENET}, trained 3 epochs with a one-cycle Adam rate peaking at 0.005, batch 64. With seed 7
     * it reaches 99.27 % test accuracy after the 2,814 steps, about 11 s of training on 2 quiet cores.
     */
    public static final Preset LENET_FAST = new Preset("lenet_fast",
            "LeNet-5-like CNN for a time budget: 3 epochs, one-cycle Adam peak 0.005",
            InputKind.MNIST_IMAGE, LENET.spec(),
            new Training(new OptimizerConfig(OptimizerKind.ADAM, 0.005, 0, 0), 64, 3), Set.of(Offer.BUILDER, Offer.TRAIN_COMMAND));

    /**
     * The notes' CNN: 5 kernels of 3×3 find simple strokes, max-pool 2, then 20 kernels of 3×3 combine
     * them, max-pool 2 (11 → 5: the last odd row and column are dropped), flatten, dense 100, dense 10.
     */
    public static final Preset CNN_5_20 = new Preset("cnn", "CNN: 5 then 20 kernels of 3x3, dense 100-10",
            InputKind.MNIST_IMAGE,
            digits(Conv2dSpec.of(5, 3), new ReluSpec(), MaxPool2dSpec.of(2),
                    Conv2dSpec.of(20, 3), new ReluSpec(), new MaxPool2dSpec(Size2.of(2), Size2.of(2), true),
                    new FlattenSpec(),
                    new DenseSpec(100, Init.he(), Init.zeros()), new ReluSpec(),
                    new DenseSpec(10)),
            new Training(new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), 64, 0), TRAIN_PAGE);

    /** Two conv-pool blocks (20 then 50 filters of 5×5, pool 2) and a dense layer to 10 classes. */
    public static final Preset CONV_POOL = builder("conv_pool", "two conv-pool blocks (20, 50 filters), softmax",
            InputKind.MNIST_IMAGE,
            new ConvPoolBlockSpec(5, 20, 2, 2, "relu"), new ConvPoolBlockSpec(5, 50, 2, 2, "relu"),
            new FlattenSpec(), new DenseSpec(10), new SoftmaxSpec());

    /** Reads an MNIST image row by row (28 steps of 28 pixels) with an LSTM of 64 units. */
    public static final Preset LSTM_ROWS = builder("lstm_rows", "LSTM 64 reading MNIST rows", InputKind.MNIST_ROWS,
            new LstmSpec(64, false), new DenseSpec(10), new SoftmaxSpec());

    /** The same with a bidirectional GRU: each row is seen with context from above and below. */
    public static final Preset BIGRU_ROWS = builder("bigru_rows", "bidirectional GRU 32 reading MNIST rows",
            InputKind.MNIST_ROWS,
            new BidirectionalSpec(new GruSpec(32, false)), new DenseSpec(10), new SoftmaxSpec());

    /** A character model: 32 token ids → embedding 16 → LSTM 64 over every step → next-character scores. */
    public static final Preset CHAR_MODEL = builder("char_model", "character model: embedding 16, LSTM 64, 100 scores",
            InputKind.TOKENS,
            new EmbeddingSpec(100, 16), new LstmSpec(64, true), new TimeDenseSpec(100));

    /** All presets; each offer lists its own in this order. */
    private static final List<Preset> ALL = List.of(PERCEPTRON, DIGIT_PERCEPTRON, XOR, MLP, DIGIT_CNN, LENET, LENET_FAST,
            CNN_5_20, CONV_POOL, LSTM_ROWS, BIGRU_ROWS, CHAR_MODEL);

    private Presets() {
    }

    /** The presets {@code offer} offers, in the order it shows them. */
    public static List<Preset> in(Offer offer) {
        return ALL.stream().filter(p -> p.offers().contains(offer)).toList();
    }

    /** The preset called {@code name} in {@code offer}. */
    public static Optional<Preset> find(Offer offer, String name) {
        return ALL.stream().filter(p -> p.offers().contains(offer) && p.name().equals(name)).findFirst();
    }

    private static ModelSpec digits(LayerSpec... layers) {
        return ModelSpec.of(Mnist.IMAGE_SHAPE, layers);
    }

    private static Preset builder(String name, String description, InputKind input, LayerSpec... layers) {
        return new Preset(name, description, input, ModelSpec.of(input.shape(), layers), null, BUILDER);
    }
}
