package org.nnlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class AugmentationTest {
    /** A 28×28 "L": a vertical bar and a horizontal foot, 2 px thick. */
    private static GrayImage ell() {
        GrayImage img = GrayImage.blank(28, 28);
        for (int y = 6; y < 22; y++) {
            img.set(10, y, 1f);
            img.set(11, y, 1f);
        }
        for (int x = 10; x < 20; x++) {
            img.set(x, 20, 1f);
            img.set(x, 21, 1f);
        }
        return img;
    }

    @Test
    void shiftMovesCentreOfMassByTheShift() {
        GrayImage src = ell();
        double[] before = src.centreOfMass();
        double[] after = Augmentation.shift(src, 2, -1.5).centreOfMass();
        assertEquals(before[0] + 2, after[0], 1e-4);
        assertEquals(before[1] - 1.5, after[1], 1e-4);
        assertEquals(src.mass(), Augmentation.shift(src, 2, -1.5).mass(), 1e-3);
    }

    @Test
    void rotationTurnsAboutTheCentreClockwiseOnScreen() {
        GrayImage bar = GrayImage.blank(28, 28);
        for (int x = 16; x < 24; x++) {
            bar.set(x, 13, 1f);
            bar.set(x, 14, 1f);
        }
        GrayImage turned = Augmentation.rotate(bar, 90);
        double[] com = turned.centreOfMass();
        assertEquals(13.5, com[0], 0.05);
        assertEquals(13.5 + 6, com[1], 0.05);
        double[] small = Augmentation.rotate(bar, 10).centreOfMass();
        double angle = Math.toDegrees(Math.atan2(small[1] - 13.5, small[0] - 13.5));
        assertEquals(10, angle, 0.5);
        assertEquals(bar.mass(), turned.mass(), 0.01 * bar.mass());
    }

    @Test
    void scalingChangesTheSizeAboutTheCentre() {
        GrayImage src = ell();
        GrayImage big = Augmentation.scale(src, 1.25);
        int[] b0 = src.boundingBox(0.5f);
        int[] b1 = big.boundingBox(0.5f);
        assertEquals(b0[3] * 1.25, b1[3], 1.5);
        assertEquals(src.mass() * 1.25 * 1.25, big.mass(), 0.1 * src.mass());
        GrayImage small = Augmentation.scale(src, 0.8);
        assertTrue(small.mass() < src.mass() * 0.7);
        double[] c0 = src.centreOfMass();
        double[] c1 = small.centreOfMass();
        assertEquals(13.5 + (c0[0] - 13.5) * 0.8, c1[0], 0.1);
    }

    @Test
    void dilateThickensAndErodeThinsStrokes() {
        GrayImage src = ell();
        GrayImage thick = Augmentation.dilate(src);
        GrayImage thin = Augmentation.erode(thick);
        assertTrue(thick.mass() > src.mass() * 1.7, "mass " + thick.mass() + " vs " + src.mass());
        assertEquals(1f, thick.get(9, 10));
        assertEquals(1f, thick.get(12, 10));
        assertEquals(0f, thick.get(8, 10));
        for (int i = 0; i < 784; i++) {
            assertTrue(thin.pixels()[i] >= src.pixels()[i], "closing keeps every stroke pixel");
        }
        assertEquals(src.mass(), thin.mass(), 1.0);
        assertEquals(1.0, Augmentation.erode(src).mass(), "a 2-px stroke vanishes under erosion but for the inner corner");
    }

    @Test
    void sameSeedSameDistortionAndEveryImageDiffers() {
        Augmentation aug = Augmentation.standard();
        float[] batch = new float[3 * 784];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(ell().pixels(), 0, batch, i * 784, 784);
        }
        float[] a = new float[batch.length];
        float[] b = new float[batch.length];
        aug.apply(batch, a, 3, 28, 28, new SplittableRandom(7));
        aug.apply(batch, b, 3, 28, 28, new SplittableRandom(7));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 0, 784), Arrays.copyOfRange(a, 784, 1568)));
        assertFalse(Arrays.equals(Arrays.copyOfRange(batch, 0, 784), Arrays.copyOfRange(a, 0, 784)));
        for (float v : a) {
            assertTrue(v >= 0 && v <= 1.0001f);
        }
    }

    @Test
    void keepsDistortionsWithinTheirLimits() {
        Augmentation shiftOnly = new Augmentation(2, 0, 0, 0);
        GrayImage src = ell();
        double[] c0 = src.centreOfMass();
        float[] out = new float[784];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            shiftOnly.apply(src.pixels(), out, 1, 28, 28, rng);
            double[] c = new GrayImage(28, 28, out).centreOfMass();
            assertTrue(Math.abs(c[0] - c0[0]) <= 2.001 && Math.abs(c[1] - c0[1]) <= 2.001);
        }
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(1, 1, 1.5, 0));
    }

    @Test
    void batchTransformDistortsTheBatchInPlaceAndKeepsLabels() {
        float[] pixels = new float[2 * 784];
        System.arraycopy(ell().pixels(), 0, pixels, 0, 784);
        System.arraycopy(ell().pixels(), 0, pixels, 784, 784);
        Batch batch = new Batch(new Tensor(Shape.of(2, 1, 28, 28), pixels.clone()), new int[] {4, 7});
        Batch same = Augmentation.standard().asBatchTransform(new SplittableRandom(3)).apply(batch);
        assertSame(batch, same);
        assertArrayEquals(new int[] {4, 7}, same.labels());
        assertFalse(Arrays.equals(pixels, same.inputs().data()));
        Batch again = new Batch(new Tensor(Shape.of(2, 1, 28, 28), pixels.clone()), new int[] {4, 7});
        Augmentation.standard().asBatchTransform(new SplittableRandom(3)).apply(again);
        assertArrayEquals(same.inputs().data(), again.inputs().data());
    }

    @Test
    void aBatchSharedAmongThreadsGetsTheSameDistortionsAsOnOneThread() {
        int count = 256;
        float[] batch = new float[count * 784];
        for (int i = 0; i < count; i++) {
            System.arraycopy(ell().pixels(), 0, batch, i * 784, 784);
        }
        float[] one = new float[batch.length];
        float[] two = new float[batch.length];
        Parallelism.withThreads(1, () -> Augmentation.standard().apply(batch, one, count, 28, 28, new SplittableRandom(5)));
        Parallelism.withThreads(2, () -> Augmentation.standard().apply(batch, two, count, 28, 28, new SplittableRandom(5)));
        assertArrayEquals(one, two);
        assertFalse(Arrays.equals(Arrays.copyOfRange(two, 0, 784), Arrays.copyOfRange(two, (count - 1) * 784, count * 784)));
    }
}
