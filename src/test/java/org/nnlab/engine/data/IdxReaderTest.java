package org.nnlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** Two 2×3 images whose pixels count up from 0, and from 250 (wrapping as unsigned bytes). */
    private static byte[] twoImages() {
        byte[] px = new byte[12];
        for (int i = 0; i < 6; i++) {
            px[i] = (byte) i;
            px[6 + i] = (byte) (250 + i);
        }
        return IdxFiles.images(2, 2, 3, px);
    }

    @Test
    void readsPlainImages() throws IOException {
        IdxReader.IdxImages images = IdxReader.readImages(IdxFiles.write(dir.resolve("img"), twoImages()));
        assertEquals(2, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.cols());
        assertEquals(5, images.pixel(0, 1, 2));
        assertEquals(255, images.pixel(1, 1, 2));
        assertEquals(250, images.pixel(1, 0, 0));
    }

    @Test
    void readsGzippedFilesByContentWhateverTheirName() throws IOException {
        IdxReader.IdxImages images = IdxReader.readImages(IdxFiles.writeGzip(dir.resolve("img"), twoImages()));
        assertEquals(2, images.count());
        assertEquals(253, images.pixel(1, 1, 0));
        int[] labels = IdxReader.readLabels(IdxFiles.writeGzip(dir.resolve("lab.gz"), IdxFiles.labels(7, 0, 9)));
        assertArrayEquals(new int[] {7, 0, 9}, labels);
    }

    @Test
    void readsDimensionsFromTheHeaderAlone() throws IOException {
        Path p = IdxFiles.writeGzip(dir.resolve("img.gz"), twoImages());
        assertArrayEquals(new int[] {2, 2, 3}, IdxReader.readDimensions(p));
    }

    @Test
    void rejectsWrongMagicAndSaysWhatItFound() throws IOException {
        Path p = IdxFiles.write(dir.resolve("bad"), IdxFiles.idx(0x00000A03, new int[] {1, 1, 1}, new byte[1]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(p));
        assertTrue(e.getMessage().contains("magic number 0x00000A03, expected 0x00000803"), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void noticesLabelsFileGivenAsImages() throws IOException {
        Path p = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(1, 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(p));
        assertTrue(e.getMessage().contains("It holds labels; did you swap"), e.getMessage());
    }

    @Test
    void rejectsHtmlPageSavedAsIdx() throws IOException {
        Path p = IdxFiles.write(dir.resolve("page"), "<html><body>Not found</body></html>".getBytes());
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(p));
        assertTrue(e.getMessage().contains("not an IDX labels file"), e.getMessage());
    }

    @Test
    void rejectsTruncatedBodyWithExpectedAndActualSizes() throws IOException {
        byte[] full = twoImages();
        Path p = IdxFiles.write(dir.resolve("short"), Arrays.copyOf(full, full.length - 4));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("(28 bytes in all)"), e.getMessage());
        assertTrue(e.getMessage().contains("the file has 24 bytes"), e.getMessage());
    }

    @Test
    void rejectsTruncatedHeader() throws IOException {
        Path p = IdxFiles.write(dir.resolve("head"), Arrays.copyOf(twoImages(), 9));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(p));
        assertTrue(e.getMessage().contains("before the sizes of its 3 dimensions"), e.getMessage());
        Path empty = IdxFiles.write(dir.resolve("empty"), new byte[0]);
        e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(empty));
        assertTrue(e.getMessage().contains("ends after 0 bytes, before its 4-byte header"), e.getMessage());
    }

    @Test
    void rejectsTruncatedGzip() throws IOException {
        Path gz = IdxFiles.writeGzip(dir.resolve("full.gz"), twoImages());
        byte[] bytes = java.nio.file.Files.readAllBytes(gz);
        Path cut = IdxFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length - 10));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(cut));
        assertTrue(e.getMessage().contains("damaged or truncated gzip"), e.getMessage());
    }
}
