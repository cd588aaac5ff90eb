package org.nnlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class ModelFileTest {
    private static final ModelSpec SPEC = ModelSpec.of(Shape.of(3), new DenseSpec(4), new SigmoidSpec(),
            new DropoutSpec(0.1), new DenseSpec(2));
    private final Sequential model = Sequential.build(SPEC, new SplittableRandom(8));

    @Test
    void batchNormRunningAveragesTravelWithTheWeights() throws ModelFileException {
        ModelSpec spec = ModelSpec.of(Shape.of(3), new DenseSpec(4), new org.nnlab.engine.spec.BatchNormSpec(),
                new DenseSpec(2));
        Sequential trained = Sequential.build(spec, new SplittableRandom(3));
        Tensor batch = Tensor.uniform(Shape.of(16, 3), -2, 2, new SplittableRandom(4));
        for (int i = 0; i < 5; i++) {
            trained.forward(batch, Mode.TRAIN);
        }
        Sequential loaded = ModelFile.fromBytes(ModelFile.toBytes(trained));
        Tensor x = Tensor.uniform(Shape.of(2, 3), -1, 1, new SplittableRandom(5));
        assertArrayEquals(trained.forward(x, Mode.INFER).data(), loaded.forward(x, Mode.INFER).data());
        assertFalse(Arrays.equals(trained.forward(x, Mode.INFER).data(),
                Sequential.build(spec, new SplittableRandom(3)).forward(x, Mode.INFER).data()),
                "running averages moved away from their start, so the check above means something");
    }

    private String failure(byte[] bytes) {
        return assertThrows(ModelFileException.class, () -> ModelFile.fromBytes(bytes)).getMessage();
    }

    private static void assertSameWeights(Sequential a, Sequential b) {
        assertEquals(a.spec(), b.spec());
        for (int i = 0; i < a.params().size(); i++) {
            assertArrayEquals(a.params().get(i).value().data(), b.params().get(i).value().data());
        }
    }

    @Test
    void bytesRoundTrip() throws Exception {
        Sequential back = ModelFile.fromBytes(ModelFile.toBytes(model));
        assertSameWeights(model, back);
        Tensor x = Tensor.uniform(Shape.of(2, 3), -1, 1, new SplittableRandom(1));
        assertArrayEquals(model.forward(x, Mode.INFER).data(), back.forward(x, Mode.INFER).data());
    }

    @Test
    void fileRoundTripLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.nnlm");
        ModelFile.write(model, file);
        ModelFile.write(model, file);
        assertSameWeights(model, ModelFile.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void streamRoundTripAndSizeLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(model, out);
        assertSameWeights(model, ModelFile.read(new ByteArrayInputStream(out.toByteArray()), 1 << 20));
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelFile.read(new ByteArrayInputStream(out.toByteArray()), 100));
        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
    }

    @Test
    void rejectsTruncatedFiles() {
        byte[] bytes = ModelFile.toBytes(model);
        for (int length : new int[] {0, 2, 10, bytes.length / 2, bytes.length - 1}) {
            assertTrue(failure(Arrays.copyOf(bytes, length)).contains("truncated"), "length " + length);
        }
    }

    @Test
    void rejectsCorruptedByte() {
        byte[] bytes = ModelFile.toBytes(model);
        bytes[bytes.length - 30] ^= 0x10;
        assertTrue(failure(bytes).contains("corrupted: checksum"));
    }

    @Test
    void rejectsExtraBytes() {
        byte[] bytes = Arrays.copyOf(ModelFile.toBytes(model), ModelFile.toBytes(model).length + 3);
        assertTrue(failure(bytes).contains("3 unexpected bytes"));
    }

    @Test
    void rejectsWrongMagic() {
        byte[] bytes = ModelFile.toBytes(model);
        bytes[0] = 'P';
        assertTrue(failure(bytes).contains("not an NN Lab model file"));
        assertTrue(failure("{\"format\": 1}".getBytes()).contains("not an NN Lab model file"));
    }

    @Test
    void rejectsNewerVersion() {
        byte[] bytes = ModelFile.toBytes(model);
        ByteBuffer.wrap(bytes).putInt(4, ModelFile.VERSION + 1);
        String message = failure(bytes);
        assertTrue(message.contains("version " + (ModelFile.VERSION + 1)) && message.contains("newer NN Lab"), message);
    }

    @Test
    void rejectsTensorsThatDoNotFitTheSpec() {
        Sequential other = Sequential.build(ModelSpec.of(Shape.of(3), new DenseSpec(5), new SigmoidSpec(),
                new DropoutSpec(0.1), new DenseSpec(2)), new SplittableRandom(1));
        byte[] good = ModelFile.toBytes(model);
        byte[] wrong = ModelFile.toBytes(other);
        // splice the spec of `model` onto the tensors of `other`, with a valid length and checksum
        int specLen = ByteBuffer.wrap(good).getInt(16);
        int otherSpecLen = ByteBuffer.wrap(wrong).getInt(16);
        ByteBuffer b = ByteBuffer.allocate(20 + specLen + (wrong.length - 24 - otherSpecLen) + 4);
        b.put(good, 0, 20 + specLen).put(wrong, 20 + otherSpecLen, wrong.length - 24 - otherSpecLen);
        b.putLong(8, b.position() - 16);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        String message = failure(b.array());
        assertTrue(message.contains("does not match its spec") && message.contains("[3, 5]"), message);
        assertFalse(message.isBlank());
    }

    @Test
    void refusesASpecOverTheLimitsBeforeBuildingIt() {
        byte[] bytes = ModelFile.toBytes(Sequential.build(SPEC, new SplittableRandom(1)));
        long parameters = SPEC.paramCount();
        ModelFileException tooMany = assertThrows(ModelFileException.class,
                () -> ModelFile.fromBytes(bytes, new ModelFileLimits(parameters - 1, SpecLimits.DEFAULT)));
        assertTrue(tooMany.getMessage().contains("declares " + parameters + " parameters; the limit is "
                + (parameters - 1)), tooMany.getMessage());
        ModelFileException tooDeep = assertThrows(ModelFileException.class,
                () -> ModelFile.fromBytes(bytes, new ModelFileLimits(parameters, new SpecLimits(SPEC.layers().size() - 1, 200_000))));
        assertTrue(tooDeep.getMessage().contains("has " + SPEC.layers().size() + " layers"), tooDeep.getMessage());
        assertEquals(SPEC, assertDoesNotThrow(
                () -> ModelFile.fromBytes(bytes, new ModelFileLimits(parameters, new SpecLimits(SPEC.layers().size(), 200_000)))).spec());
    }

    private static final Pretraining PRETRAINED = new Pretraining(java.util.List.of(
            new Pretraining.RbmLayer(0, 3, 4, 1, false, 5, 0.1, 0.5, 0.0002, 64, 0.031)));

    /** The same file in the version 1 layout: no pretraining record after the tensors. */
    private static byte[] asVersionOne(byte[] v2) {
        ByteBuffer in = ByteBuffer.wrap(v2);
        int recordLength = ("{\"method\":\"none\"}").length();
        int end = v2.length - 4 - 4 - recordLength;
        ByteBuffer out = ByteBuffer.allocate(end + 4);
        out.put(v2, 0, end);
        out.putInt(4, 1);
        out.putLong(8, end - 16);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, end);
        out.putInt(end, (int) crc.getValue());
        assertEquals(2, in.getInt(4));
        return out.array();
    }

    @Test
    void versionOneFilesStillReadAsNotPretrained() throws Exception {
        byte[] old = asVersionOne(ModelFile.toBytes(model));
        assertEquals(1, ByteBuffer.wrap(old).getInt(4));
        ModelFile.Contents contents = ModelFile.contentsOf(old, ModelFileLimits.LENGTH_ONLY);
        assertSameWeights(model, contents.model());
        assertEquals(Pretraining.NONE, contents.pretraining());
        assertSameWeights(model, ModelFile.fromBytes(old));
    }

    /** The shipped MLP was written by an NN Lab of format version 1, before pretraining records existed. */
    @Test
    void theShippedVersionOneModelStillReads() throws Exception {
        byte[] shipped = Files.readAllBytes(Path.of("src/main/resources/models/mnist-mlp.nnm"));
        assertEquals(1, ByteBuffer.wrap(shipped).getInt(4));
        ModelFile.Contents contents = ModelFile.contentsOf(shipped, ModelFileLimits.LENGTH_ONLY);
        assertEquals(Pretraining.NONE, contents.pretraining());
        assertEquals(Shape.of(10), contents.model().spec().outputShape());
    }

    @Test
    void thePretrainingRecordTravelsWithTheModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dbn.nnlm");
        ModelFile.write(model, PRETRAINED, file);
        ModelFile.Contents back = ModelFile.contentsOf(Files.readAllBytes(file), ModelFileLimits.LENGTH_ONLY);
        assertEquals(PRETRAINED, back.pretraining());
        assertTrue(back.pretraining().isPretrained());
        assertSameWeights(model, back.model());
        assertEquals(Pretraining.NONE, ModelFile.contentsOf(ModelFile.toBytes(model), ModelFileLimits.LENGTH_ONLY).pretraining());
    }

    @Test
    void refusesARecordThatNamesALayerTheModelLacks() {
        Pretraining wrong = new Pretraining(java.util.List.of(
                new Pretraining.RbmLayer(1, 3, 4, 1, false, 5, 0.1, 0.5, 0.0002, 64, 0.031)));
        String message = failure(ModelFile.toBytes(model, wrong));
        assertTrue(message.contains("names layer 1 with weights [3, 4]"), message);
    }
}
