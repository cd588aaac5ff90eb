package org.nnlab.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.tensor.Shape;

/**
 * The MNIST handwritten digits (60,000 training and 10,000 test images of 28×28, labels 0–9) read
 * from a directory holding the four original IDX files under their original names, each either plain
 * or gzip-compressed (then also accepted with a {@code .gz} suffix).
 */
public final class Mnist {
    public static final int ROWS = 28;
    public static final int COLS = 28;
    public static final int CLASSES = 10;
    /** The shape of one image as networks read it: 1 channel of 28×28. */
    public static final Shape IMAGE_SHAPE = Shape.of(1, ROWS, COLS);

    /** The two halves of MNIST with their file names and image counts. */
    public enum Split {
        TRAIN("train-images-idx3-ubyte", "train-labels-idx1-ubyte", 60_000),
        TEST("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", 10_000);

        private final String imagesFile;
        private final String labelsFile;
        private final int count;

        Split(String imagesFile, String labelsFile, int count) {
            this.imagesFile = imagesFile;
            this.labelsFile = labelsFile;
            this.count = count;
        }

        public String imagesFile() {
            return imagesFile;
        }

        public String labelsFile() {
            return labelsFile;
        }

        /** Number of images in the original release. */
        public int count() {
            return count;
        }
    }

    /** The four file names, training images first. */
    public static final List<String> FILE_NAMES = List.of(
            Split.TRAIN.imagesFile, Split.TRAIN.labelsFile, Split.TEST.imagesFile, Split.TEST.labelsFile);

    /** Exact sizes in bytes of the four uncompressed files, in {@link #FILE_NAMES} order. */
    public static final List<Long> FILE_SIZES = List.of(
            16L + 60_000L * ROWS * COLS, 8L + 60_000L, 16L + 10_000L * ROWS * COLS, 8L + 10_000L);

    private Mnist() {
    }

    /** Whether all four files are in {@code dir} (plain or {@code .gz}). */
    public static boolean isPresent(Path dir) {
        return missingFiles(dir).isEmpty();
    }

    /** The names of the files not found in {@code dir}, in {@link #FILE_NAMES} order. */
    public static List<String> missingFiles(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String name : FILE_NAMES) {
            if (locate(dir, name) == null) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Reads one split; pixels become floats in [0, 1] (value / 255). */
    public static LabeledImages load(Path dir, Split split) throws IOException {
        Path imagesPath = require(dir, split.imagesFile);
        Path labelsPath = require(dir, split.labelsFile);
        return read(imagesPath, labelsPath);
    }

    /** Reads any pair of IDX image and label files, checking that they describe the same number of items. */
    public static LabeledImages read(Path imagesPath, Path labelsPath) throws IOException {
        int[] labels = IdxReader.readLabels(labelsPath);
        IdxReader.IdxImages images = IdxReader.readImages(imagesPath);
        if (images.count() != labels.length) {
            throw new IdxFormatException("engine.idx.countMismatch", imagesPath.getFileName(), images.count(),
                    labelsPath.getFileName(), labels.length);
        }
        byte[] raw = images.pixels();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        return new LabeledImages(images.rows(), images.cols(), pixels, labels);
    }

    private static Path require(Path dir, String name) throws IOException {
        Path p = locate(dir, name);
        if (p == null) {
            throw new java.nio.file.NoSuchFileException(dir.resolve(name).toString(), null,
                    "MNIST file missing; run 'fetch-data mnist' or put the four files " + FILE_NAMES + " in " + dir);
        }
        return p;
    }

    private static Path locate(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }
}
