package org.nnlab.engine.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Tensor;

/**
 * The binary model format, big-endian:
 * <pre>
 * "NNLM"            4 bytes magic
 * version           int (this build writes {@value #VERSION} and reads 1 to {@value #VERSION})
 * body length       long, the bytes between this field and the checksum
 * body              int spec length, spec JSON (UTF-8), int tensor count,
 *                   then per tensor: int rank, rank × int dims, float32 values,
 *                   since version 2: int length, {@link Pretraining} JSON (UTF-8)
 * checksum          int, CRC32 of every byte before it
 * </pre>
 * Version 1 files have no pretraining record and read as {@link Pretraining#NONE}.
 * Tensors follow {@link Sequential#savedTensors()} order (parameters, then layer state). Files are written to a
 * temporary file that is flushed, renamed over the target and its folder flushed, so a crash leaves either the
 * old file or the new one.
 */
public final class ModelFile {
    public static final int VERSION = 2;
    private static final byte[] MAGIC = {'N', 'N', 'L', 'M'};
    private static final int HEADER = 16;

    private ModelFile() {
    }

    /** What a model file holds: the network with its weights, and how it was pretrained. */
    public record Contents(Sequential model, Pretraining pretraining) {
    }

    public static byte[] toBytes(Sequential model) {
        return toBytes(model, Pretraining.NONE);
    }

    public static byte[] toBytes(Sequential model, Pretraining pretraining) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            byte[] spec = model.spec().toJson().getBytes(StandardCharsets.UTF_8);
            byte[] record = pretraining.toJson().getBytes(StandardCharsets.UTF_8);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(bodyLength(model, spec.length) + 4 + record.length);
            out.writeInt(spec.length);
            out.write(spec);
            out.writeInt(model.savedTensors().size());
            for (Param p : model.savedTensors()) {
                writeTensor(out, p.value());
            }
            out.writeInt(record.length);
            out.write(record);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    private static long bodyLength(Sequential model, int specLength) {
        long n = 4L + specLength + 4;
        for (Param p : model.savedTensors()) {
            n += 4 + 4L * p.value().shape().rank() + 4L * p.value().size();
        }
        return n;
    }

    private static void writeTensor(DataOutputStream out, Tensor t) throws IOException {
        int[] dims = t.shape().dims();
        out.writeInt(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        ByteBuffer buf = ByteBuffer.allocate(4 * t.size());
        buf.asFloatBuffer().put(t.data());
        out.write(buf.array());
    }

    public static Sequential fromBytes(byte[] bytes) throws ModelFileException {
        return fromBytes(bytes, ModelFileLimits.LENGTH_ONLY);
    }

    /**
     * Reads a model, checking its spec against {@code limits} and the file's length before the network is
     * built, so a small file cannot make this allocate more than about twice its own size.
     */
    public static Sequential fromBytes(byte[] bytes, ModelFileLimits limits) throws ModelFileException {
        return contentsOf(bytes, limits).model();
    }

    /** Reads a model and its pretraining record, with the checks of {@link #fromBytes(byte[], ModelFileLimits)}. */
    public static Contents contentsOf(byte[] bytes, ModelFileLimits limits) throws ModelFileException {
        int version = checkHeader(bytes);
        ByteBuffer in = ByteBuffer.wrap(bytes, HEADER, bytes.length - HEADER - 4);
        return ModelFileReader.readBody(in, limits, version);
    }

    /** Checks magic, version, length and checksum; returns the version. */
    private static int checkHeader(byte[] bytes) throws ModelFileException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= bytes.length) {
                throw new ModelFileException("model file is truncated: only " + bytes.length + " bytes");
            }
            if (bytes[i] != MAGIC[i]) {
                throw new ModelFileException("not an NN Lab model file: it does not start with \"NNLM\"");
            }
        }
        if (bytes.length < HEADER + 4) {
            throw new ModelFileException("model file is truncated: only " + bytes.length + " bytes");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int version = header.getInt(4);
        if (version > VERSION || version < 1) {
            throw new ModelFileException("model file format version " + version + " is not supported: this NN Lab reads"
                    + " versions 1 to " + VERSION + (version > VERSION ? "; the file comes from a newer NN Lab, update to open it" : ""));
        }
        long expected = HEADER + header.getLong(8) + 4;
        if (bytes.length < expected) {
            throw new ModelFileException("model file is truncated: expected " + expected + " bytes, found " + bytes.length);
        }
        if (bytes.length > expected) {
            throw new ModelFileException("model file is corrupted: " + (bytes.length - expected)
                    + " unexpected bytes after its end");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = header.getInt(bytes.length - 4);
        if (stored != (int) crc.getValue()) {
            throw new ModelFileException("model file is corrupted: checksum " + Integer.toHexString((int) crc.getValue())
                    + " does not match the stored " + Integer.toHexString(stored));
        }
        return version;
    }

    /** Writes atomically: a temporary file in the same folder, flushed to disk, then renamed over {@code path}. */
    public static void write(Sequential model, Path path) throws IOException {
        write(model, Pretraining.NONE, path);
    }

    /** Writes {@code model} with its pretraining record, atomically as {@link #write(Sequential, Path)}. */
    public static void write(Sequential model, Pretraining pretraining, Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, path.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(toBytes(model, pretraining));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Flushes the folder's entry for the renamed file, so the rename itself survives a crash (where the OS allows it). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some systems cannot open or sync a folder; the file itself is already on disk
        }
    }

    public static Sequential read(Path path) throws IOException {
        return fromBytes(Files.readAllBytes(path));
    }

    public static void write(Sequential model, OutputStream out) throws IOException {
        out.write(toBytes(model));
    }

    /** Reads a model from a stream (e.g. an upload), refusing more than {@code maxBytes}. */
    public static Sequential read(InputStream in, int maxBytes) throws IOException {
        return read(in, maxBytes, ModelFileLimits.LENGTH_ONLY);
    }

    /** Reads a model from a stream, refusing more than {@code maxBytes} and larger models than {@code limits}. */
    public static Sequential read(InputStream in, int maxBytes, ModelFileLimits limits) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes);
        if (bytes.length == maxBytes && in.read() != -1) {
            throw new ModelFileException("model file is larger than the limit of " + maxBytes + " bytes");
        }
        return fromBytes(bytes, limits);
    }

    static Sequential build(ModelSpec spec) {
        return Sequential.build(spec, new SplittableRandom(0));
    }
}
