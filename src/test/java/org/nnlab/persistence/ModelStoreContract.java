package org.nnlab.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.onnx.OnnxModel;
import org.nnlab.onnx.proto.Onnx.ModelProto;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every database must do for {@link ModelStore}; run against H2 and PostgreSQL by the subclasses. */
abstract class ModelStoreContract {
    @Autowired
    ModelStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SavedDigitModels digitModels;

    final String owner = "owner-" + UUID.randomUUID();
    final String other = "other-" + UUID.randomUUID();

    static byte[] modelFile(long seed) {
        ModelSpec spec = ModelSpec.of(Shape.of(4), new DenseSpec(5), new ReluSpec(), new DenseSpec(3));
        return ModelFile.toBytes(Sequential.build(spec, new SplittableRandom(seed)));
    }

    @Test
    void migrationsRanFromAnEmptyDatabase() {
        List<String> versions = jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\"")
                .query(String.class).list();
        assertTrue(versions.containsAll(List.of("1", "2")), "applied: " + versions);
    }

    @Test
    void savesListsLoadsRenamesAndDeletesOnlyTheOwnersModels() {
        byte[] file = modelFile(1);
        ModelSummary saved = store.save(owner, "  first  ", file, "{\"testAccuracy\":0.9}");
        assertEquals("first", saved.name());
        assertEquals(file.length, saved.sizeBytes());
        assertEquals(64, saved.checksum().length());
        assertEquals(5 * 4 + 5 + 3 * 5 + 3, saved.parameters());
        ModelSummary second = store.save(owner, "second", modelFile(2), null);
        store.save(other, "not yours", modelFile(3), null);

        List<ModelSummary> mine = store.list(owner);
        assertEquals(2, mine.size());
        assertTrue(mine.stream().allMatch(m -> m.owner().equals(owner)));
        assertEquals("{\"testAccuracy\":0.9}", store.find(owner, saved.id()).orElseThrow().metrics());
        assertArrayEquals(file, store.download(owner, saved.id()).orElseThrow());
        Sequential loaded = store.load(owner, saved.id()).orElseThrow();
        assertEquals(Shape.of(3), loaded.spec().outputShape());

        assertTrue(store.download(other, saved.id()).isEmpty(), "another owner cannot read it");
        assertFalse(store.rename(other, saved.id(), "stolen"));
        assertFalse(store.delete(other, saved.id()));

        assertTrue(store.rename(owner, saved.id(), "renamed"));
        assertEquals("renamed", store.find(owner, saved.id()).orElseThrow().name());
        assertTrue(store.delete(owner, second.id()));
        assertEquals(List.of("renamed"), store.list(owner).stream().map(ModelSummary::name).toList());
    }

    @Test
    void uploadsAGoodFileAndRefusesBadOnesWithoutChangingAnything() throws Exception {
        ModelSummary up = store.upload(owner, "mine.nnm", new ByteArrayInputStream(modelFile(4)));
        assertEquals("uploaded", up.source());
        int before = store.list(owner).size();

        byte[] corrupted = modelFile(5);
        corrupted[corrupted.length / 2] ^= 0x10;
        assertKey("train.models.error.badFile", () -> store.upload(owner, "bad", new ByteArrayInputStream(corrupted)));
        assertKey("train.models.error.badFile", () -> store.upload(owner, "text",
                new ByteArrayInputStream("hello, not a model".getBytes())));
        byte[] truncated = java.util.Arrays.copyOf(modelFile(6), 40);
        assertKey("train.models.error.badFile", () -> store.upload(owner, "short", new ByteArrayInputStream(truncated)));
        assertKey("train.models.error.tooLarge", () -> store.upload(owner, "huge",
                new ByteArrayInputStream(new byte[40 * 1024 * 1024])));
        assertKey("train.models.error.name", () -> store.save(owner, "   ", modelFile(7), null));
        assertEquals(before, store.list(owner).size());
    }

    @Test
    void onnxUploadsBecomeModelsAndHostileOnesChangeNothing() throws Exception {
        Sequential model = ModelFile.fromBytes(modelFile(11));
        byte[] onnx = OnnxModel.toBytes(model, java.util.Map.of());
        ModelSummary up = store.upload(owner, "teacher.ONNX", new ByteArrayInputStream(onnx));
        assertEquals("teacher", up.name());
        assertEquals(model.spec(), store.load(owner, up.id()).orElseThrow().spec());
        int before = store.list(owner).size();

        assertKey("train.models.error.badFile", () -> store.upload(owner, "noise.onnx",
                new ByteArrayInputStream(new byte[] {0x12, 0x05, 0x41})));
        ModelProto.Builder huge = ModelProto.parseFrom(onnx).toBuilder();
        huge.getGraphBuilder().getInitializerBuilder(0).clearDims().addDims(4).addDims(3_000_000);
        assertKey("train.models.error.badFile", () -> store.upload(owner, "huge.onnx",
                new ByteArrayInputStream(huge.build().toByteArray())));
        assertKey("train.models.error.tooLarge", () -> store.upload(owner, "long.onnx",
                new ByteArrayInputStream(new byte[store.maxUploadBytes() + 1])));
        assertEquals(before, store.list(owner).size());
    }

    @Test
    void drawOffersTheOwnersDigitModelsOnly() throws Exception {
        ModelSpec digits = ModelSpec.of(Shape.of(1, 28, 28), new org.nnlab.engine.spec.FlattenSpec(), new DenseSpec(10));
        ModelSummary mine = store.save(owner, "digits", ModelFile.toBytes(Sequential.build(digits, new SplittableRandom(1))), null);
        store.save(owner, "not digits", modelFile(8), null);
        store.save(other, "theirs", ModelFile.toBytes(Sequential.build(digits, new SplittableRandom(2))), null);

        var offered = digitModels.models(owner);
        assertEquals(List.of(mine.id()), offered.stream().map(org.nnlab.digits.DigitModel::id).toList());
        assertEquals(digits, offered.getFirst().loader().load().spec());
        assertTrue(digitModels.models(null).isEmpty());
    }

    @Test
    void uploadKeepsALongFileNameCutTo120CharactersWithoutItsExtension() throws Exception {
        String longName = "a".repeat(150) + ".nnm";
        ModelSummary up = store.upload(owner, longName, new ByteArrayInputStream(modelFile(9)));
        assertEquals("a".repeat(ModelStore.MAX_NAME_LENGTH), up.name());
        assertEquals(up.name() + ".nnm", ModelStore.fileName(up));
        assertEquals("model", store.upload(owner, " .nnm ", new ByteArrayInputStream(modelFile(10))).name());
    }

    @Test
    void twelveConcurrentSavesNeverPassTheLimitOf50() throws Exception {
        String racer = "racer-" + UUID.randomUUID();
        byte[] file = modelFile(11);
        for (int i = 0; i < 45; i++) {
            store.save(racer, "kept " + i, file, null);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> saves = IntStream.range(0, 12).<Callable<Boolean>>mapToObj(i -> () -> {
            start.await();
            try {
                store.save(racer, "racing " + i, file, null);
                return true;
            } catch (ModelStoreException e) {
                assertEquals("train.models.error.tooMany", e.messageKey(), e.getMessage());
                return false;
            }
        }).toList();
        List<Future<Boolean>> results;
        try (ExecutorService threads = Executors.newFixedThreadPool(saves.size())) {
            List<Future<Boolean>> submitted = saves.stream().map(threads::submit).toList();
            start.countDown();
            results = submitted;
        }
        long accepted = 0;
        for (Future<Boolean> r : results) {
            accepted += r.get() ? 1 : 0;
        }
        int stored = store.list(racer).size();
        System.out.printf("12 concurrent saves onto 45 stored: %d accepted, %d stored%n", accepted, stored);
        assertEquals(50, stored);
        assertEquals(5, accepted);
    }

    private static void assertKey(String key, org.junit.jupiter.api.function.Executable call) {
        ModelStoreException e = assertThrows(ModelStoreException.class, call);
        assertEquals(key, e.messageKey(), e.getMessage());
    }
}
