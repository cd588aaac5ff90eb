package org.nnlab.training;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A history of points kept as columns of numbers: a step per point and a fixed number of values. One thread
 * appends (writing the numbers into arrays it keeps, so a point costs no object); any thread may hold a
 * {@link #view} of the first n points, whose points are made when read. Appending writes only past every
 * view's end, so a view copies nothing and stays as it was. When the history grows past
 * {@code maxPoints}, every second point is dropped (the newest kept) into new arrays: views taken before
 * keep the old ones. The arrays are made for {@code expected} points at once, so a run that reports as
 * planned never grows them.
 */
final class Series {
    /** Makes a point from row {@code row} of the columns. */
    @FunctionalInterface
    interface Point<T> {
        T at(int[] steps, double[] values, int columns, int row);
    }

    private final int maxPoints;
    private final int columns;
    private int[] steps;
    private double[] values;
    private int size;

    Series(int columns, int expected, int maxPoints) {
        this.columns = columns;
        this.maxPoints = maxPoints;
        int capacity = Math.max(1, Math.min(expected, maxPoints + 1));
        steps = new int[capacity];
        values = new double[capacity * columns];
    }

    /** By the one writer: appends a point at {@code step}; then {@link #set} fills its values. */
    void add(int step) {
        if (size > 0 && size == maxPoints) {
            thin();
        }
        if (size == steps.length) {
            int capacity = Math.min(2 * size, maxPoints + 1);
            steps = Arrays.copyOf(steps, capacity);
            values = Arrays.copyOf(values, capacity * columns);
        }
        steps[size] = step;
        size++;
    }

    /** Value {@code column} of the point added last. */
    void set(int column, double value) {
        values[(size - 1) * columns + column] = value;
    }

    int size() {
        return size;
    }

    /** Keeps every second point, in new arrays (views taken before keep theirs). */
    private void thin() {
        int[] s = new int[steps.length];
        double[] v = new double[values.length];
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            s[kept] = steps[i];
            System.arraycopy(values, i * columns, v, kept * columns, columns);
            kept++;
        }
        if ((size & 1) == 0) {
            // the newest point stays
            s[kept - 1] = steps[size - 1];
            System.arraycopy(values, (size - 1) * columns, v, (kept - 1) * columns, columns);
        }
        steps = s;
        values = v;
        size = kept;
    }

    /** The points so far, as an unmodifiable list that later additions do not change. */
    <T> List<T> view(Point<T> point) {
        return size == 0 ? List.of() : new View<>(steps, values, columns, size, point);
    }

    /** Sent to another server (in a snapshot) as a plain copy of its points. */
    private static final class View<T> extends AbstractList<T> implements RandomAccess, Serializable {
        private final transient int[] steps;
        private final transient double[] values;
        private final int columns;
        private final int size;
        private final transient Point<T> point;

        View(int[] steps, double[] values, int columns, int size, Point<T> point) {
            this.steps = steps;
            this.values = values;
            this.columns = columns;
            this.size = size;
            this.point = point;
        }

        @Override
        public T get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return point.at(steps, values, columns, index);
        }

        @Override
        public int size() {
            return size;
        }

        private Object writeReplace() {
            return new ArrayList<>(this);
        }
    }
}
