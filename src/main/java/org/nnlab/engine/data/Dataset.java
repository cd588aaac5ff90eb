package org.nnlab.engine.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Labelled samples held in memory: inputs {@code [n, ...sample shape]} and {@code n} integer labels.
 * Immutable by convention (the arrays are not copied in; do not change them afterwards), so data sets
 * can share them: a {@link #view} (and each part of a {@link #split}) is a list of sample indices into
 * the same storage, and only mini-batches are copied out. Many training runs on one loaded data set thus
 * keep one copy of the samples between them.
 */
public final class Dataset {
    private final Tensor inputs;
    private final int[] labels;
    /** The stored samples this data set consists of, in order; null: all of them, in stored order. */
    private final int[] rows;
    private final Shape sampleShape;

    public Dataset(Tensor inputs, int[] labels) {
        if (inputs.shape().rank() < 2 || inputs.shape().dim(0) != labels.length) {
            throw new IllegalArgumentException("a data set needs inputs [n, ...] and n labels; got inputs "
                    + inputs.shape() + " and " + labels.length + " labels");
        }
        this(inputs, labels, null);
    }

    private Dataset(Tensor inputs, int[] labels, int[] rows) {
        this.inputs = inputs;
        this.labels = labels;
        this.rows = rows;
        this.sampleShape = inputs.shape().dropFirst();
    }

    public int size() {
        return rows == null ? labels.length : rows.length;
    }

    public Shape sampleShape() {
        return sampleShape;
    }

    /**
     * All inputs as one tensor {@code [n, ...sample shape]}: the stored tensor itself, or for a
     * {@link #view} a new copy of its samples on every call (prefer {@link #gather} or the batch iterators).
     */
    public Tensor inputs() {
        if (rows == null) {
            return inputs;
        }
        int[] all = IntStream.range(0, rows.length).toArray();
        return gather(all, 0, all.length).inputs();
    }

    public int label(int i) {
        return labels[row(i)];
    }

    private int row(int i) {
        if (rows == null) {
            return i;
        }
        return rows[i];
    }

    /**
     * The samples at {@code indices}, in that order, without copying them: the view shares this data
     * set's storage (which must therefore stay unchanged).
     */
    public Dataset view(int[] indices) {
        int[] picked = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("sample index " + i + " is outside a data set of " + size() + " samples");
            }
            picked[k] = row(i);
        }
        return new Dataset(inputs, labels, picked);
    }

    /**
     * The same samples read in another shape with as many values (an image [1, 28, 28] as 28 rows of 28
     * pixels, or as one vector of 784), sharing this data set's storage.
     */
    public Dataset reshaped(Shape newSampleShape) {
        if (newSampleShape.size() != sampleShape.size()) {
            throw new IllegalArgumentException("samples of shape " + sampleShape + " cannot be read as " + newSampleShape);
        }
        int[] dims = new int[newSampleShape.rank() + 1];
        dims[0] = inputs.shape().dim(0);
        System.arraycopy(newSampleShape.dims(), 0, dims, 1, newSampleShape.rank());
        return new Dataset(inputs.reshape(Shape.of(dims)), labels, rows);
    }

    /** Whether this data set and {@code other} take their samples from the same stored arrays. */
    public boolean sharesStorageWith(Dataset other) {
        return inputs.data() == other.inputs.data() && labels == other.labels;
    }

    /** The samples at {@code indices}, in that order, copied. */
    public Dataset subset(int[] indices) {
        return gather(indices, 0, indices.length).toDataset();
    }

    /** The samples at {@code indices[from .. to)} as a batch (copied). */
    public Batch gather(int[] indices, int from, int to) {
        return gather(indices, from, to, null);
    }

    /**
     * The samples at {@code indices[from .. to)} copied into {@code reuse} when it holds exactly that many
     * samples of this data set's shape (a training loop's batch of the last step), else into a new batch.
     */
    public Batch gather(int[] indices, int from, int to, Batch reuse) {
        int per = sampleShape.size();
        int n = to - from;
        float[] src = inputs.data();
        boolean fits = reuse != null && reuse.size() == n && reuse.inputs().shape().isBatchOf(n, sampleShape);
        float[] dst = fits ? reuse.inputs().data() : new float[n * per];
        int[] y = fits ? reuse.labels() : new int[n];
        for (int i = 0; i < n; i++) {
            int s = row(indices[from + i]);
            System.arraycopy(src, s * per, dst, i * per, per);
            y[i] = labels[s];
        }
        return fits ? reuse : new Batch(new Tensor(sampleShape.withBatch(n), dst), y);
    }

    /**
     * A random split: about {@code validationFraction} of the samples go to validation, the rest to
     * training. Both parts are {@linkplain #view views} of this data set's storage.
     */
    public Split split(double validationFraction, RandomGenerator rng) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        int[] order = permutation(size(), rng);
        int validation = (int) Math.round(size() * validationFraction);
        int[] val = Arrays.copyOfRange(order, 0, validation);
        int[] train = Arrays.copyOfRange(order, validation, order.length);
        return new Split(view(train), validation == 0 ? null : view(val));
    }

    /** The training part and the validation part (null when the fraction was 0). */
    public record Split(Dataset train, Dataset validation) {
    }

    /** One epoch of mini-batches in an order shuffled by {@code rng}; the last batch may be smaller. */
    public Iterator<Batch> shuffledBatches(int batchSize, RandomGenerator rng) {
        int[] order = permutation(size(), rng);
        return batches(order, batchSize);
    }

    /** Mini-batches in stored order. */
    public Iterator<Batch> batches(int batchSize) {
        return batches(IntStream.range(0, size()).toArray(), batchSize);
    }

    private Iterator<Batch> batches(int[] order, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int to = Math.min(order.length, next + batchSize);
                Batch b = gather(order, next, to);
                next = to;
                return b;
            }
        };
    }

    /**
     * The indices 0..size-1 followed by repeats of the last one up to a whole number of batches of
     * {@code batchSize}, so every batch has the same shape; {@code reuse} is returned when it is already that.
     */
    public static int[] paddedOrder(int size, int batchSize, int[] reuse) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        int length = (size + batchSize - 1) / batchSize * batchSize;
        if (reuse != null && reuse.length == length && (size == 0 || reuse[size - 1] == size - 1 && reuse[length - 1] == size - 1)) {
            return reuse;
        }
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            order[i] = Math.min(i, size - 1);
        }
        return order;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    public static int[] permutation(int n, RandomGenerator rng) {
        return permutation(n, rng, null);
    }

    /** {@link #permutation(int, RandomGenerator)} written into {@code reuse} when it holds n values (same draws). */
    public static int[] permutation(int n, RandomGenerator rng, int[] reuse) {
        int[] p = reuse != null && reuse.length == n ? reuse : new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
