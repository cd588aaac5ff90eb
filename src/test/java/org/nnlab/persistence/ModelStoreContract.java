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
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
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
        assertKey("train.models.error.name", () -> store.upload(owner, "   ", new ByteArrayInputStream(modelFile(7))));
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

    private static void assertKey(String key, org.junit.jupiter.api.function.Executable call) {
        ModelStoreException e = assertThrows(ModelStoreException.class, call);
        assertEquals(key, e.messageKey(), e.getMessage());
    }
}
