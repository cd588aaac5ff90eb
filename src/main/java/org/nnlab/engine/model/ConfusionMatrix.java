package org.nnlab.engine.model;

import java.util.Iterator;
import java.util.Locale;
import org.nnlab.engine.data.Batch;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.tensor.Tensor;

/**
 * Counts of (true class, predicted class) pairs for a classifier with {@code classes} classes:
 * {@code count(t, p)} is how many samples of class t were predicted as p; the diagonal holds the
 * correct predictions.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a confusion matrix needs at least 1 class, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /** Runs {@code model} over {@code data} in inference mode, {@code batchSize} samples at a time, and counts. */
    public static ConfusionMatrix of(Sequential model, Dataset data, int batchSize) {
        return of(model, data, batchSize, (index, actual, predicted) -> { });
    }

    /** Hears of each sample as it is counted: its index in the data, its label and the predicted class. */
    public interface SampleListener {
        void counted(int index, int actual, int predicted);
    }

    /** As {@link #of(Sequential, Dataset, int)}, telling {@code listener} of every sample in data order. */
    public static ConfusionMatrix of(Sequential model, Dataset data, int batchSize, SampleListener listener) {
        int classes = model.spec().outputShape().size();
        ConfusionMatrix m = new ConfusionMatrix(classes);
        Iterator<Batch> it = data.batches(batchSize);
        int index = 0;
        while (it.hasNext()) {
            Batch b = it.next();
            Tensor out = model.forward(b.inputs(), Mode.INFER);
            for (int i = 0; i < b.size(); i++, index++) {
                int predicted = out.argmaxRow(i);
                m.add(b.labels()[i], predicted);
                listener.counted(index, b.labels()[i], predicted);
            }
        }
        return m;
    }

    public void add(int actual, int predicted) {
        if (actual < 0 || actual >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException("classes must be in 0.." + (classes - 1) + ", got actual " + actual
                    + " and predicted " + predicted);
        }
        counts[actual * classes + predicted]++;
    }

    public int classes() {
        return classes;
    }

    public long count(int actual, int predicted) {
        return counts[actual * classes + predicted];
    }

    public long total() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    public long correct() {
        long s = 0;
        for (int i = 0; i < classes; i++) {
            s += count(i, i);
        }
        return s;
    }

    /** Fraction of samples on the diagonal; NaN when empty. */
    public double accuracy() {
        long t = total();
        return t == 0 ? Double.NaN : (double) correct() / t;
    }

    /** Of the samples of class {@code actual}, the fraction predicted correctly (recall); NaN if none. */
    public double recall(int actual) {
        long row = 0;
        for (int p = 0; p < classes; p++) {
            row += count(actual, p);
        }
        return row == 0 ? Double.NaN : (double) count(actual, actual) / row;
    }

    /** A table with one row per true class and one column per predicted class, plus each row's recall. */
    public String format() {
        int width = Math.max(4, Long.toString(maxCount()).length() + 1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + (width + 6) + "s", "true\\pred"));
        for (int p = 0; p < classes; p++) {
            sb.append(String.format(Locale.ROOT, "%" + width + "d", p));
        }
        sb.append("   recall").append(System.lineSeparator());
        for (int t = 0; t < classes; t++) {
            sb.append(String.format(Locale.ROOT, "%-" + (width + 6) + "d", t));
            for (int p = 0; p < classes; p++) {
                sb.append(String.format(Locale.ROOT, "%" + width + "d", count(t, p)));
            }
            sb.append(String.format(Locale.ROOT, "   %6.2f%%", 100 * recall(t))).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private long maxCount() {
        long m = 0;
        for (long c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
