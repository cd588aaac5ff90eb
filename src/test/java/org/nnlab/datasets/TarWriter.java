package org.nnlab.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes ustar archives for tests (regular files, directories, GNU long names). */
final class TarWriter {
    private final OutputStream out;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String name) throws IOException {
        out.write(header(name, 0, '5'));
    }

    void file(String name, byte[] content) throws IOException {
        if (name.length() > 99) {
            byte[] longName = (name + "\0").getBytes(StandardCharsets.UTF_8);
            out.write(header("././@LongLink", longName.length, 'L'));
            writePadded(longName);
            name = name.substring(0, 99);
        }
        out.write(header(name, content.length, '0'));
        writePadded(content);
    }

    /** A file of {@code size} zero bytes after {@code head}, without holding it all in memory. */
    void file(String name, byte[] head, long size) throws IOException {
        out.write(header(name, size, '0'));
        out.write(head);
        byte[] zeros = new byte[1 << 16];
        long left = size - head.length;
        while (left > 0) {
            int n = (int) Math.min(zeros.length, left);
            out.write(zeros, 0, n);
            left -= n;
        }
        out.write(new byte[(int) ((512 - size % 512) % 512)]);
    }

    void finish() throws IOException {
        out.write(new byte[1024]);
        out.flush();
    }

    private void writePadded(byte[] content) throws IOException {
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
    }

    private static byte[] header(String name, long size, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, b.length);
    }

    static byte[] archive(ThrowingWriter body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarWriter w = new TarWriter(bytes);
        body.write(w);
        w.finish();
        return bytes.toByteArray();
    }

    interface ThrowingWriter {
        void write(TarWriter w) throws IOException;
    }
}
