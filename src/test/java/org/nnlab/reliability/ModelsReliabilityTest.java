package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelStoreException;
import org.nnlab.persistence.ModelSummary;

/**
 * Replays of the model-store defects of issue 11: a tiny file declaring a huge network, saves lost to
 * kill -9 right after "Saved" (on the application's own H2 settings), and the per-owner limit under
 * concurrent saves.
 */
class ModelsReliabilityTest {
    private static final int KILLED_SAVES = 6;

    @TempDir
    Path dataDir;

    @Test
    void aSmallFileDeclaringAHugeNetworkIsRefusedBeforeAnythingIsAllocated() throws Exception {
        byte[] hostile = hostileModelFile(ModelSpec.of(Shape.of(784), new DenseSpec(300_000)));
        try (HikariDataSource db = SaveThenWait.database("jdbc:h2:mem:hostile-" + UUID.randomUUID())) {
            ModelStore store = SaveThenWait.store(db);
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            ModelStoreException refused = assertThrows(ModelStoreException.class,
                    () -> store.upload("hostile", "huge.nnm", new ByteArrayInputStream(hostile)));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.printf("hostile %d-byte model file: %,d bytes allocated while refusing it%n",
                    hostile.length, allocated);
            assertEquals("train.models.error.badFile", refused.messageKey(), refused.getMessage());
            assertTrue(allocated < 16 * 1024 * 1024, "allocated " + allocated + " bytes for a "
                    + hostile.length + "-byte file");
        }
    }

    @Test
    void aSaveReportedAsDoneSurvivesKillMinus9() throws Exception {
        String owner = "killed-" + UUID.randomUUID();
        String url = SaveThenWait.applicationDatabaseUrl(dataDir.toString());
        SaveThenWait.database(url).close();
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < KILLED_SAVES; i++) {
            reported.add(saveAndKill(owner, i));
        }
        try (HikariDataSource db = SaveThenWait.database(url)) {
            ModelStore store = SaveThenWait.store(db);
            Set<String> kept = new HashSet<>(store.list(owner).stream().map(ModelSummary::id).toList());
            long lost = reported.stream().filter(id -> !kept.contains(id)).count();
            System.out.printf("saves lost to kill -9: %d of %d%n", lost, KILLED_SAVES);
            assertEquals(0, lost, "saves reported as done but gone after kill -9: " + lost + " of " + KILLED_SAVES);
            for (String id : reported) {
                assertNotNull(store.load(owner, id).orElseThrow());
            }
        }
    }

    private String saveAndKill(String owner, int round) throws IOException, InterruptedException {
        File errors = dataDir.resolve("save-" + round + ".err").toFile();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                SaveThenWait.class.getName(), dataDir.toString(), owner, "round " + round)
                .redirectError(errors).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("SAVED ")) {
                    child.destroyForcibly();
                    child.waitFor();
                    return line.substring("SAVED ".length());
                }
            }
        } finally {
            child.destroyForcibly();
        }
        child.waitFor();
        throw new AssertionError("the saving process ended without saving: " + Files.readString(errors.toPath()));
    }

    /** A well-formed model file (magic, version, length, checksum) whose spec declares weights it does not hold. */
    static byte[] hostileModelFile(ModelSpec spec) throws IOException {
        byte[] json = spec.toJson().replaceAll("\\s+", "").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'N', 'N', 'L', 'M'});
        out.writeInt(1);
        out.writeLong(4L + json.length + 4);
        out.writeInt(json.length);
        out.write(json);
        out.writeInt(2);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
