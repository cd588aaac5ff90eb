package org.nnlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class DatasetTest {
    /** Sample i has inputs (i, -i) and label i % 3, so rows and labels can be traced. */
    private static Dataset numbered(int n) {
        Tensor x = Tensor.zeros(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x.set(2 * i, i);
            x.set(2 * i + 1, -i);
            y[i] = i % 3;
        }
        return new Dataset(x, y);
    }

    @Test
    void shuffledBatchesCoverEverySampleOnceAndKeepLabelsWithInputs() {
        Iterator<Batch> it = numbered(10).shuffledBatches(4, new SplittableRandom(1));
        Set<Integer> seen = new HashSet<>();
        int[] sizes = new int[3];
        int b = 0;
        while (it.hasNext()) {
            Batch batch = it.next();
            sizes[b++] = batch.size();
            for (int r = 0; r < batch.size(); r++) {
                int id = (int) batch.inputs().get(2 * r);
                assertEquals(-id, batch.inputs().get(2 * r + 1));
                assertEquals(id % 3, batch.labels()[r]);
                seen.add(id);
            }
        }
        assertArrayEquals(new int[] {4, 4, 2}, sizes);
        assertEquals(10, seen.size());
    }

    @Test
    void sameSeedSameOrderOtherSeedOtherOrder() {
        Dataset d = numbered(20);
        float[] a = d.shuffledBatches(20, new SplittableRandom(5)).next().inputs().data();
        float[] b = d.shuffledBatches(20, new SplittableRandom(5)).next().inputs().data();
        float[] c = d.shuffledBatches(20, new SplittableRandom(6)).next().inputs().data();
        assertArrayEquals(a, b);
        assertEquals(false, java.util.Arrays.equals(a, c));
    }

    @Test
    void splitIsDisjointAndSized() {
        Dataset.Split split = numbered(100).split(0.2, new SplittableRandom(2));
        assertEquals(80, split.train().size());
        assertEquals(20, split.validation().size());
        Set<Float> ids = new HashSet<>();
        for (Dataset part : new Dataset[] {split.train(), split.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                ids.add(part.inputs().get(2 * i));
            }
        }
        assertEquals(100, ids.size());
        assertNull(numbered(10).split(0, new SplittableRandom(1)).validation());
    }

    @Test
    void subsetKeepsGivenOrder() {
        Dataset s = numbered(5).subset(new int[] {4, 1});
        assertEquals(Shape.of(2), s.sampleShape());
        assertEquals(4f, s.inputs().get(0));
        assertEquals(1, s.label(1));
    }

    @Test
    void viewsAndSplitPartsShareTheStorageAndOnlyBatchesAreCopies() {
        Dataset all = numbered(10);
        Dataset view = all.view(new int[] {7, 2, 9, 4});
        assertTrue(view.sharesStorageWith(all));
        assertEquals(4, view.size());
        assertEquals(2 % 3, view.label(1));
        Dataset inner = view.view(new int[] {2, 0});
        assertTrue(inner.sharesStorageWith(all));
        assertEquals(9f, inner.inputs().get(0), "a view of a view picks from the original samples");
        assertEquals(7f, inner.inputs().get(2));
        assertEquals(7 % 3, inner.label(1));

        Batch batch = view.gather(new int[] {3, 0}, 0, 2);
        assertArrayEquals(new float[] {4, -4, 7, -7}, batch.inputs().data());
        assertArrayEquals(new int[] {1, 1}, batch.labels());
        batch.inputs().data()[0] = 99;
        assertEquals(4f, all.inputs().get(8), "changing a batch leaves the stored samples alone");

        Dataset.Split split = all.split(0.3, new SplittableRandom(4));
        assertTrue(split.train().sharesStorageWith(all));
        assertTrue(split.validation().sharesStorageWith(all));
        assertFalse(all.subset(new int[] {1}).sharesStorageWith(all), "subset still copies");
        assertThrows(IndexOutOfBoundsException.class, () -> view.view(new int[] {4}));
    }

    @Test
    void rejectsLabelCountMismatch() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(3, 2), new int[2]));
    }

    @Test
    void paddedOrderFillsTheLastBatchWithTheLastIndex() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4, 4, 4}, Dataset.paddedOrder(5, 4, null));
        assertArrayEquals(new int[] {0, 1, 2, 3}, Dataset.paddedOrder(4, 4, null));
        int[] kept = Dataset.paddedOrder(5, 4, null);
        assertTrue(kept == Dataset.paddedOrder(5, 4, kept), "the same order is reused");
        assertArrayEquals(new int[] {0, 1, 2, 2}, Dataset.paddedOrder(3, 4, kept));
    }
}
