package org.nnlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TarReaderTest {
    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void readsFilesOfAGzippedArchiveSkippingDirectoriesAndUnreadBodies() throws IOException {
        String longName = "package/" + "deep/".repeat(25) + "file.bin";
        byte[] tar = TarWriter.archive(w -> {
            w.directory("package/");
            w.file("package/a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            w.file("package/skipped.bin", bytes(1000, 1));
            w.file("package/exact.bin", bytes(1024, 2));
            w.file(longName, bytes(700, 3));
            w.file("package/empty", new byte[0]);
        });
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip(tar)))) {
            TarReader r = new TarReader(in);
            TarReader.Entry a = r.next();
            assertEquals(new TarReader.Entry("package/a.txt", 5), a);
            assertEquals("hello", new String(r.entryStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("package/skipped.bin", r.next().name());
            TarReader.Entry exact = r.next();
            assertEquals(new TarReader.Entry("package/exact.bin", 1024), exact);
            assertArrayEquals(bytes(1024, 2), r.entryStream().readAllBytes());
            TarReader.Entry deep = r.next();
            assertEquals(longName, deep.name());
            byte[] partial = new byte[100];
            assertEquals(100, r.read(partial, 0, 100));
            assertArrayEquals(Arrays.copyOf(bytes(700, 3), 100), partial);
            assertEquals(new TarReader.Entry("package/empty", 0), r.next());
            assertEquals(-1, r.entryStream().read());
            assertNull(r.next());
        }
    }

    @Test
    void rejectsDamagedHeader() throws IOException {
        byte[] tar = TarWriter.archive(w -> w.file("x", bytes(10, 0)));
        tar[5] ^= 0x40;
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        IOException e = assertThrows(IOException.class, r::next);
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void rejectsArchiveCutInsideAFile() throws IOException {
        byte[] tar = TarWriter.archive(w -> w.file("x", bytes(2000, 0)));
        TarReader r = new TarReader(new ByteArrayInputStream(Arrays.copyOf(tar, 1200)));
        r.next();
        IOException e = assertThrows(IOException.class, () -> r.entryStream().readAllBytes());
        assertTrue(e.getMessage().contains("ends inside a file"), e.getMessage());
    }
}
