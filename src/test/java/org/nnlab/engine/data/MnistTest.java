package org.nnlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class MnistTest {
    @TempDir
    Path dir;

    @Test
    void loadsScaledPixelsAndLabelsAsTensor() throws IOException {
        byte[] px = new byte[3 * 28 * 28];
        px[0] = (byte) 255;
        px[28 * 28 + 29] = (byte) 51;
        px[3 * 28 * 28 - 1] = (byte) 128;
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(3, 28, 28, px));
        IdxFiles.writeGzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.labels(4, 1, 9));

        LabeledImages test = Mnist.load(dir, Mnist.Split.TEST);
        assertEquals(3, test.size());
        assertArrayEquals(new int[] {4, 1, 9}, test.labels());
        Tensor inputs = test.inputs();
        assertEquals(Shape.of(3, 1, 28, 28), inputs.shape());
        assertEquals(1f, inputs.get(0));
        assertEquals(0.2f, inputs.get(28 * 28 + 29), 1e-6);
        assertEquals(128 / 255f, inputs.get(3 * 28 * 28 - 1), 1e-6);
        for (float v : inputs.data()) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void rejectsCountMismatchNamingBothFiles() throws IOException {
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(2, 2, 2, new byte[8]));
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(1, 2, 3));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir, Mnist.Split.TEST));
        assertTrue(e.getMessage().contains("holds 2 images but t10k-labels-idx1-ubyte holds 3 labels"), e.getMessage());
    }

    @Test
    void listsMissingFiles() throws IOException {
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(1));
        assertFalse(Mnist.isPresent(dir));
        assertEquals(List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
                Mnist.missingFiles(dir));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Mnist.load(dir, Mnist.Split.TRAIN));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("fetch-data mnist"), e.getMessage());
    }

    @Test
    void firstKeepsPrefix() {
        LabeledImages all = new LabeledImages(1, 2, new float[] {1, 2, 3, 4, 5, 6}, new int[] {7, 8, 9});
        LabeledImages two = all.first(2);
        assertArrayEquals(new float[] {1, 2, 3, 4}, two.pixels());
        assertArrayEquals(new int[] {7, 8}, two.labels());
        assertArrayEquals(new float[] {5, 6}, all.image(2));
    }
}
