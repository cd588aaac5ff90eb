package org.nnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * Which data sets fit a network, read from its input: images [1, 28, 28] get MNIST and the owner's
 * drawings, a sequence [28, 28] MNIST row by row, a vector [784] MNIST and the drawings flattened, a
 * point [2] the toy sets and the two-input truth tables (the tables first for a perceptron), [1] the NOT table, and token ids (a first
 * embedding layer) the texts. The first choice is the default.
 */
public final class DataCatalog {
    /** What a network reads, as far as the data is concerned. */
    public enum InputKind {
        IMAGE, ROWS, FLAT, POINTS, ONE_BIT, TEXT, NONE
    }

    /** MNIST subset sizes offered; 0 is the full set. */
    public static final int[] MNIST_SIZES = {500, 1000, 5000, 10000, 30000, 0};
    /** The MNIST subset picked by default. */
    public static final int MNIST_DEFAULT = 5000;
    private static final List<String> TOYS = List.of("toy-xor", "toy-circle", "toy-gaussians", "toy-spiral");
    private static final List<String> TWO_INPUT_GATES = List.of("gate-and", "gate-or", "gate-xor");
    private static final List<String> TEXTS = List.of("text-english", "text-chinese", DataChoice.OWN_TEXT);
    /** Noise of the toy sets by default. */
    public static final double TOY_NOISE = 0.1;

    private DataCatalog() {
    }

    public static InputKind kindOf(ModelSpec spec) {
        Shape in = spec.input();
        if (!spec.layers().isEmpty() && spec.layers().getFirst() instanceof EmbeddingSpec && in.rank() == 1) {
            return InputKind.TEXT;
        }
        if (in.equals(Mnist.IMAGE_SHAPE)) {
            return InputKind.IMAGE;
        }
        if (in.equals(Shape.of(Mnist.ROWS, Mnist.COLS))) {
            return InputKind.ROWS;
        }
        if (in.equals(Shape.of(Mnist.ROWS * Mnist.COLS))) {
            return InputKind.FLAT;
        }
        if (in.equals(Shape.of(2))) {
            return InputKind.POINTS;
        }
        return in.equals(Shape.of(1)) ? InputKind.ONE_BIT : InputKind.NONE;
    }

    /**
     * The choices that fit {@code spec}, the default first (then the others in the order the picker shows
     * them); empty when no data set here fits.
     *
     * @param drawings how many labelled drawings the person has (offered from {@link DataChoice#MIN_DRAWINGS} on)
     * @param seed     the seed generated data sets are drawn with
     */
    public static List<DataChoice> fitting(ModelSpec spec, int drawings, long seed) {
        return fitting(spec, drawings, seed, List.of());
    }

    /** As {@link #fitting(ModelSpec, int, long)}, offering {@code moreImages} (28×28 digit sets) after the drawings. */
    public static List<DataChoice> fitting(ModelSpec spec, int drawings, long seed, List<DataChoice> moreImages) {
        List<DataChoice> out = new ArrayList<>();
        InputKind kind = kindOf(spec);
        switch (kind) {
            case IMAGE, ROWS, FLAT -> {
                out.add(DataChoice.mnist(MNIST_DEFAULT));
                for (int n : MNIST_SIZES) {
                    if (n != MNIST_DEFAULT) {
                        out.add(DataChoice.mnist(n));
                    }
                }
                if (kind != InputKind.ROWS && drawings >= DataChoice.MIN_DRAWINGS) {
                    out.add(DataChoice.drawings());
                }
                if (kind != InputKind.ROWS) {
                    out.addAll(moreImages);
                }
            }
            case POINTS -> {
                DataChoice.Options toy = DataChoice.Options.toy(TOY_NOISE, seed);
                // a threshold unit gets the truth tables first (AND, the gate it learns); other nets the
                // XOR points first: the classic problem a hidden layer solves and one line cannot
                List<String> order = endsInStep(spec) ? concat(TWO_INPUT_GATES, TOYS) : concat(TOYS, TWO_INPUT_GATES);
                order.forEach(n -> out.add(new DataChoice(n, ToyData.DEFAULT_SIZE, toy)));
            }
            case ONE_BIT -> out.add(new DataChoice("gate-not", ToyData.DEFAULT_SIZE, DataChoice.Options.toy(0, seed)));
            case TEXT -> {
                DataChoice.Options text = DataChoice.Options.text(spec.input().dim(0), textClasses(spec), seed, "");
                TEXTS.forEach(n -> out.add(new DataChoice(n, TextCorpora.DEFAULT_SIZE, text)));
            }
            case NONE -> {
            }
        }
        return out;
    }

    /** True when the network answers with a step (a perceptron's threshold unit). */
    public static boolean endsInStep(ModelSpec spec) {
        return !spec.layers().isEmpty() && spec.layers().getLast() instanceof StepSpec;
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** How many characters a character model tells apart: its embedding's vocabulary and its output scores. */
    static int textClasses(ModelSpec spec) {
        int classes = spec.outputShape().dim(spec.outputShape().rank() - 1);
        LayerSpec first = spec.layers().getFirst();
        return first instanceof EmbeddingSpec e ? Math.min(classes, e.vocabulary()) : classes;
    }

    /** The data set a run of {@code spec} gets when the picker is left alone, or null when none fits. */
    public static DataChoice defaultFor(ModelSpec spec, int drawings, long seed) {
        List<DataChoice> all = fitting(spec, drawings, seed);
        return all.isEmpty() ? null : all.getFirst();
    }
}
