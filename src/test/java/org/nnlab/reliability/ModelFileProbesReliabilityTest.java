package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelStoreException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The corrupt model files of the hardening probe: each is refused by {@link ModelFile#fromBytes} with a
 * {@link ModelFileException} naming the problem, and by {@link ModelStore#upload} with the "bad file"
 * refusal, storing nothing. Besides damage that the checksum catches, the files are re-sealed with a
 * correct checksum so that the reader's own checks (tensor count, shapes, lengths) are reached.
 */
@SpringBootTest
@ActiveProfiles("test")
class ModelFileProbesReliabilityTest {
    private static final ModelSpec SPEC = ModelSpec.of(Shape.of(4), new DenseSpec(5), new ReluSpec(), new DenseSpec(3));

    private static final long MAX_ALLOCATION = 16L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    @Autowired
    ModelStore store;

    /** One corrupt file and a part of the message it must get. */
    private record Probe(String name, byte[] file, String messagePart) {
    }

    private static byte[] valid() {
        return ModelFile.toBytes(Sequential.build(SPEC, new SplittableRandom(3)));
    }

    /**
     * A file of the given parts in the version 1 layout (no pretraining record after the tensors), with a
     * header length and a checksum that agree with them.
     */
    private static byte[] sealed(int version, String specJson, int specLength, int tensorCount, int[][] dims,
                                 int[] floats) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream b = new DataOutputStream(body);
            byte[] spec = specJson.getBytes(StandardCharsets.UTF_8);
            b.writeInt(specLength);
            b.write(spec);
            b.writeInt(tensorCount);
            for (int t = 0; t < dims.length; t++) {
                b.writeInt(dims[t].length);
                for (int d : dims[t]) {
                    b.writeInt(d);
                }
                b.write(new byte[4 * floats[t]]);
            }
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            DataOutputStream f = new DataOutputStream(file);
            f.write(new byte[] {'N', 'N', 'L', 'M'});
            f.writeInt(version);
            f.writeLong(body.size());
            f.write(body.toByteArray());
            CRC32 crc = new CRC32();
            crc.update(file.toByteArray());
            f.writeInt((int) crc.getValue());
            return file.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int[][] DIMS = {{4, 5}, {5}, {5, 3}, {3}};
    private static final int[] FLOATS = {20, 5, 15, 3};

    private static byte[] sealed(String specJson, int tensorCount, int[][] dims, int[] floats) {
        int length = specJson.getBytes(StandardCharsets.UTF_8).length;
        return sealed(1, specJson, length, tensorCount, dims, floats);
    }

    private static byte[] withInt(byte[] file, int offset, int value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }

    private static byte[] withLong(byte[] file, int offset, long value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).putLong(offset, value);
        return copy;
    }

    private static List<Probe> probes() {
        byte[] good = valid();
        String spec = SPEC.toJson();
        List<Probe> p = new ArrayList<>();
        p.add(new Probe("zero-length", new byte[0], "truncated"));
        for (int length : new int[] {2, 10, 19, good.length / 2, good.length - 1}) {
            p.add(new Probe("truncated to " + length, Arrays.copyOf(good, length), "truncated"));
        }
        p.add(new Probe("wrong magic", withInt(good, 0, 0x4e4e4c58), "not an NN Lab model file"));
        p.add(new Probe("a PNG", Probes.validPng(20), "not an NN Lab model file"));
        p.add(new Probe("a spec in JSON", spec.getBytes(StandardCharsets.UTF_8), "not an NN Lab model file"));
        p.add(new Probe("version 3", withInt(good, 4, 3), "version 3 is not supported"));
        p.add(new Probe("version 0", withInt(good, 4, 0), "version 0 is not supported"));
        p.add(new Probe("version -1", withInt(good, 4, -1), "version -1 is not supported"));
        p.add(new Probe("body length Long.MAX_VALUE", withLong(good, 8, Long.MAX_VALUE), "model file is"));
        p.add(new Probe("body length negative", withLong(good, 8, -100), "model file is"));
        p.add(new Probe("body length one more", withLong(good, 8, good.length - 20 + 1), "truncated"));
        p.add(new Probe("extra bytes", Arrays.copyOf(good, good.length + 7), "7 unexpected bytes"));
        p.add(new Probe("checksum flipped", withInt(good, good.length - 4,
                ByteBuffer.wrap(good).getInt(good.length - 4) ^ 1), "checksum"));
        p.add(new Probe("sealed control", sealed(spec, 4, DIMS, FLOATS), null));
        p.add(new Probe("header claims more tensors than present", sealed(spec, 5, DIMS, FLOATS),
                "holds 5 tensors but its spec has 4"));
        p.add(new Probe("negative tensor count", sealed(spec, -1, DIMS, FLOATS), "holds -1 tensors"));
        p.add(new Probe("header claims more weights than present", sealed(spec, 4,
                new int[][] {{40, 5}, {5}, {5, 3}, {3}}, FLOATS), "does not match its spec"));
        p.add(new Probe("weights cut short", sealed(spec, 4, DIMS, new int[] {20, 5, 15, 1}), "do not add up"));
        p.add(new Probe("tensor of rank 9", sealed(spec, 4, new int[][] {{1, 1, 1, 1, 1, 1, 1, 1, 4}, {5}, {5, 3}, {3}},
                FLOATS), "has rank 9"));
        p.add(new Probe("spec length negative", sealed(1, spec, -5, 4, DIMS, FLOATS), "do not add up"));
        p.add(new Probe("spec length past the end", sealed(1, spec, spec.length() + 1000, 4, DIMS,
                FLOATS), "do not add up"));
        p.add(new Probe("spec length of 2 GB", sealed(1, spec, Integer.MAX_VALUE - 64, 4, DIMS,
                FLOATS), "do not add up"));
        p.add(new Probe("spec not JSON", sealed("not json at all", 4, DIMS, FLOATS), "unusable spec"));
        p.add(new Probe("spec of another format", sealed("{\"format\": \"onnx\"}", 4, DIMS, FLOATS), "unusable spec"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> misfit = (java.util.Map<String, Object>) Json.parse(spec);
        misfit.put("input", List.of(1, 4, 4));
        p.add(new Probe("spec that does not fit together", sealed(Json.write(misfit), 4, DIMS, FLOATS),
                "add a Flatten layer"));
        return p;
    }

    /**
     * Null when {@code file} is refused as it should be ({@code messagePart} null: when it is read), and
     * reading it allocated at most {@link #MAX_ALLOCATION} bytes (these files are tiny: a server with a
     * small heap must not be made to reserve what a header claims).
     */
    private static String problem(Probe probe) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        String problem = refusalProblem(probe);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (problem == null && allocated > MAX_ALLOCATION) {
            return "reading " + probe.file().length + " bytes allocated " + allocated + " bytes";
        }
        return problem;
    }

    private static String refusalProblem(Probe probe) {
        try {
            ModelFile.fromBytes(probe.file());
            return probe.messagePart() == null ? null : "accepted";
        } catch (ModelFileException e) {
            if (probe.messagePart() == null) {
                return "the control file was refused: " + e.getMessage();
            }
            return e.getMessage().contains(probe.messagePart()) ? null
                    : "message '" + e.getMessage() + "' does not mention '" + probe.messagePart() + "'";
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return e.toString();
        }
    }

    @Test
    void everyCorruptFileIsRefusedByTheReaderWithItsReason() {
        List<Probe> probes = probes();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            String problem = problem(probe);
            if (problem != null) {
                failures.add(probe.name() + ": " + problem);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(probes.size() > 20);
    }

    /** 300 bit flips at offsets drawn from seed 5, each at every bit position in turn: the checksum catches all. */
    @Test
    void seededBitFlipsAnywhereAreRefused() {
        byte[] good = valid();
        SplittableRandom rng = new SplittableRandom(5);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] flipped = good.clone();
            int offset = rng.nextInt(good.length);
            flipped[offset] ^= (byte) (1 << (i % 8));
            String problem = problem(new Probe("flip", flipped, "model file"));
            if (problem != null) {
                failures.add("bit " + (i % 8) + " at " + offset + ": " + problem);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void uploadsOfCorruptFilesAreRefusedAndStoreNothing() throws IOException {
        String owner = "probe-" + UUID.randomUUID();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes()) {
            if (probe.messagePart() == null) {
                continue;
            }
            try {
                store.upload(owner, probe.name(), new ByteArrayInputStream(probe.file()));
                failures.add(probe.name() + ": stored");
            } catch (ModelStoreException e) {
                if (!e.messageKey().equals("train.models.error.badFile")) {
                    failures.add(probe.name() + ": " + e.messageKey() + " " + e.getMessage());
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                failures.add(probe.name() + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of(), store.list(owner), "nothing was stored");
        assertEquals("good", store.upload(owner, "good", new ByteArrayInputStream(valid())).name());
        assertEquals(1, store.list(owner).size());
    }
}
