package org.nnlab.training;

import java.io.Serializable;

/**
 * Which samples a job trains on: a data set by name and how many training samples to take from it
 * ({@code 0} for all of them), with the settings some data sets take. The names: {@code "mnist"} (read in
 * the network's input shape: as images, row by row or flat), {@code "drawings"} (the job owner's own
 * labelled drawings from the Draw page), {@code "toy-xor"}, {@code "toy-circle"}, {@code "toy-gaussians"},
 * {@code "toy-spiral"} (points of the plane), {@code "gate-and"}, {@code "gate-or"}, {@code "gate-not"},
 * {@code "gate-xor"} (truth tables) and {@code "text-english"}, {@code "text-chinese"}, {@code "text-own"}
 * (windows of characters), and sets other parts of the app provide ({@link DataProvider}), such as a workshop
 * room's class drawings ({@code "class-<room>"}). {@link DataCatalog} lists the ones that fit a network.
 */
public record DataChoice(String dataset, int size, Options options) implements Serializable {
    public static final String MNIST = "mnist";
    public static final String DRAWINGS = "drawings";
    public static final String TOY = "toy-";
    public static final String GATE = "gate-";
    public static final String TEXT = "text-";
    public static final String OWN_TEXT = "text-own";
    /** Prefix of a workshop room's class drawings ({@code class-<room>}), offered to the room's participants. */
    public static final String CLASS = "class-";
    /** The fewest own drawings a run can train on. */
    public static final int MIN_DRAWINGS = 10;

    /**
     * Settings of the generated data sets: the toy points' {@code noise} and the {@code seed} they and the
     * text windows are drawn with; for texts the window length ({@code steps}, the network's input), the
     * most distinct characters the network tells apart ({@code classes}) and, for {@code "text-own"}, the
     * {@code text} itself.
     */
    public record Options(double noise, long seed, int steps, int classes, String text) implements Serializable {
        public static final Options NONE = new Options(0, 0, 0, 0, "");

        public Options {
            text = text == null ? "" : text;
        }

        public static Options toy(double noise, long seed) {
            return new Options(noise, seed, 0, 0, "");
        }

        public static Options text(int steps, int classes, long seed, String text) {
            return new Options(0, seed, steps, classes, text);
        }

        /** Without the pasted text itself, which may be long: its length only. */
        @Override
        public String toString() {
            return "Options[noise=" + noise + ", seed=" + seed + ", steps=" + steps + ", classes=" + classes
                    + ", text=" + text.length() + " chars]";
        }

        public Options withText(String newText) {
            return new Options(noise, seed, steps, classes, newText);
        }

        public Options withSeed(long newSeed) {
            return new Options(noise, newSeed, steps, classes, text);
        }

        public Options withNoise(double newNoise) {
            return new Options(newNoise, seed, steps, classes, text);
        }
    }

    public DataChoice {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("choose a data set, e.g. \"mnist\"");
        }
        if (size < 0) {
            throw new IllegalArgumentException("the subset size must be 0 (everything) or positive, got " + size);
        }
        options = options == null ? Options.NONE : options;
    }

    public DataChoice(String dataset, int size) {
        this(dataset, size, Options.NONE);
    }

    public static DataChoice mnist(int size) {
        return new DataChoice(MNIST, size);
    }

    /** All of the job owner's own drawings. */
    public static DataChoice drawings() {
        return new DataChoice(DRAWINGS, 0);
    }

    public boolean isDrawings() {
        return DRAWINGS.equals(dataset);
    }

    public DataChoice withSize(int newSize) {
        return new DataChoice(dataset, newSize, options);
    }

    public DataChoice withOptions(Options newOptions) {
        return new DataChoice(dataset, size, newOptions);
    }

    /** The same data set with other settings: a picker entry stands for its data set, whatever the settings. */
    public boolean sameDataset(DataChoice other) {
        return other != null && dataset.equals(other.dataset);
    }
}
