package org.nnlab.engine.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.nnlab.engine.text.Message;

/**
 * Reads the IDX files MNIST is distributed in, plain or gzip-compressed (recognised by content, not by
 * name). Layout: two zero bytes, a type byte ({@code 0x08} = unsigned byte, the only type MNIST uses),
 * the number of dimensions, then each dimension as a big-endian int32, then the values row-major.
 * Image files have magic {@code 0x00000803} ({@code [count, rows, cols]}), label files
 * {@code 0x00000801} ({@code [count]}).
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Unsigned-byte images as stored: {@code count × rows × cols} bytes. */
    public record IdxImages(int count, int rows, int cols, byte[] pixels) {
        /** The pixel at (row, col) of image {@code index}, 0..255. */
        public int pixel(int index, int row, int col) {
            return pixels[(index * rows + row) * cols + col] & 0xff;
        }
    }

    public static IdxImages readImages(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(readBytes(file));
        int[] dims = readHeader(file, buf, IMAGES_MAGIC, 3, "images");
        byte[] pixels = readBody(file, buf, dims);
        return new IdxImages(dims[0], dims[1], dims[2], pixels);
    }

    /** Labels as ints 0..255 (MNIST: 0..9). */
    public static int[] readLabels(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(readBytes(file));
        int[] dims = readHeader(file, buf, LABELS_MAGIC, 1, "labels");
        byte[] body = readBody(file, buf, dims);
        int[] labels = new int[body.length];
        for (int i = 0; i < body.length; i++) {
            labels[i] = body[i] & 0xff;
        }
        return labels;
    }

    /** Reads only the header of an IDX file and returns its dimensions (e.g. to count images cheaply). */
    public static int[] readDimensions(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length < 4) {
                throw truncated(file, Message.of("engine.idx.part.header"), head.length);
            }
            int ndims = head[3] & 0xff;
            byte[] dimBytes = in.readNBytes(4 * ndims);
            if (dimBytes.length < 4 * ndims) {
                throw truncated(file, Message.of("engine.idx.part.dimensions", ndims), 4 + dimBytes.length);
            }
            ByteBuffer buf = ByteBuffer.wrap(dimBytes);
            int[] dims = new int[ndims];
            for (int i = 0; i < ndims; i++) {
                dims[i] = buf.getInt();
            }
            return dims;
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(e, "engine.idx.gzip", file, e.getMessage());
        }
    }

    private static int[] readHeader(Path file, ByteBuffer buf, int expectedMagic, int expectedDims, String what)
            throws IdxFormatException {
        if (buf.remaining() < 4) {
            throw truncated(file, Message.of("engine.idx.part.header"), buf.remaining());
        }
        int magic = buf.getInt();
        if (magic != expectedMagic) {
            throw new IdxFormatException("engine.idx.magic", file, Message.of("engine.idx.kind." + what),
                    String.format("0x%08X", magic), String.format("0x%08X", expectedMagic), hintForMagic(magic));
        }
        if (buf.remaining() < 4 * expectedDims) {
            throw truncated(file, Message.of("engine.idx.part.dimensions", expectedDims), 4 + buf.remaining());
        }
        int[] dims = new int[expectedDims];
        for (int i = 0; i < expectedDims; i++) {
            dims[i] = buf.getInt();
            if (dims[i] < 0) {
                throw new IdxFormatException("engine.idx.negative", file, i, dims[i]);
            }
        }
        return dims;
    }

    private static Message hintForMagic(int magic) {
        if (magic == IMAGES_MAGIC) {
            return Message.of("engine.idx.hint.images");
        }
        if (magic == LABELS_MAGIC) {
            return Message.of("engine.idx.hint.labels");
        }
        if ((magic >>> 16) == 0x1f8b) {
            return Message.of("engine.idx.hint.gzip");
        }
        return Message.of("engine.idx.hint.other");
    }

    private static byte[] readBody(Path file, ByteBuffer buf, int[] dims) throws IdxFormatException {
        long expected = 1;
        for (int d : dims) {
            expected *= d;
        }
        if (expected > Integer.MAX_VALUE - 16) {
            throw new IdxFormatException("engine.idx.tooMany", file, Arrays.toString(dims));
        }
        int headerBytes = buf.position();
        if (buf.remaining() < expected) {
            throw new IdxFormatException("engine.idx.truncatedBody", file, Arrays.toString(dims), expected, headerBytes,
                    headerBytes + expected, headerBytes + buf.remaining());
        }
        byte[] body = new byte[(int) expected];
        buf.get(body);
        return body;
    }

    private static IdxFormatException truncated(Path file, Message part, int got) {
        return new IdxFormatException("engine.idx.truncated", file, got, part);
    }

    private static byte[] readBytes(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(e, "engine.idx.gzip", file, e.getMessage());
        }
    }

    /** The file's bytes, unpacked when it starts with the gzip signature 1f 8b. */
    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such IDX file");
        }
        InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new GZIPInputStream(raw, 1 << 16);
            } catch (IOException e) {
                raw.close();
                throw new IdxFormatException(e, "engine.idx.gzipDamaged", file, e.getMessage());
            }
        }
        return raw;
    }
}
