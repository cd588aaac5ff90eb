package org.nnlab.training;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A history of points that one thread appends to, of which any thread may hold an unchanging view. A view
 * is the first n points of the backing array, and appending writes only past every view's end, so taking
 * a view copies nothing. When the history grows past {@code maxPoints}, every second point is dropped (the
 * newest kept) into a new array: views taken before keep the old one and stay as they were.
 */
final class History<T> {
    private final int maxPoints;
    private Object[] points = new Object[64];
    private int size;

    History(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    /** By the one writer. */
    void add(T point) {
        if (size == points.length) {
            points = Arrays.copyOf(points, Math.min(2 * size, maxPoints + 1));
        }
        points[size++] = point;
        if (size > maxPoints) {
            Object[] thinned = new Object[points.length];
            int kept = 0;
            for (int i = 0; i < size - 1; i += 2) {
                thinned[kept++] = points[i];
            }
            thinned[kept++] = points[size - 1];
            points = thinned;
            size = kept;
        }
    }

    /** The points so far, as an unmodifiable list that later additions do not change. */
    List<T> view() {
        return new Prefix<>(points, size);
    }

    /** Sent to another server (in a snapshot) as a plain copy of its points. */
    private static final class Prefix<T> extends AbstractList<T> implements RandomAccess, Serializable {
        private final Object[] points;
        private final int size;

        Prefix(Object[] points, int size) {
            this.points = points;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return (T) points[index];
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
