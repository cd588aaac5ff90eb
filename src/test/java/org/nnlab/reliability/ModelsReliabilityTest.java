package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.sun.management.ThreadMXBean;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.MultipartConfigElement;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.KaribuSpringTest;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelStoreException;
import org.nnlab.persistence.ModelSummary;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays of the model defects of issue 11: a tiny file declaring a huge network, a huge upload request read
 * whole into memory, a file refused for size without a word, and saves lost to kill -9 right after "Saved"
 * (on the application's own H2 settings). The per-owner limit under concurrent saves is replayed on H2 and
 * PostgreSQL by {@code ModelStoreContract}.
 */
class ModelsReliabilityTest extends KaribuSpringTest {
    private static final int KILLED_SAVES = 6;
    private static final long MB = 1024 * 1024;

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
    void aTenMegabyteSpecIsRefusedBeforeItIsParsed() {
        String layer = "{\"kind\":\"dense\",\"units\":8},";
        String layers = layer.repeat(10 * 1024 * 1024 / layer.length());
        String spec = "{\"format\":\"nnlab-model-spec\",\"version\":1,\"input\":[8],\"layers\":["
                + layers.substring(0, layers.length() - 1) + "]}";
        SpecException refused = assertThrows(SpecException.class, () -> ModelSpec.fromJson(spec));
        assertTrue(refused.getMessage().contains(String.format(java.util.Locale.ROOT, "the limit is %,d",
                SpecLimits.DEFAULT.maxJsonChars())), refused.getMessage());
        String deep = "{\"format\":\"nnlab-model-spec\",\"version\":1,\"input\":[8],\"layers\":"
                + "[".repeat(400) + "]".repeat(400) + "}";
        assertTrue(assertThrows(SpecException.class, () -> ModelSpec.fromJson(deep)).getMessage()
                .contains("nested deeper than " + ModelSpec.MAX_JSON_DEPTH));
    }

    @Test
    void aHugeUploadRequestIsReadOnlyUpToTheLimitAndRefusedWithItsSize() throws Exception {
        Upload upload = openSavedModelsUpload();
        long requestBytes = 600 * MB;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        post(upload, requestBytes);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        MockVaadin.clientRoundtrip(false);
        System.out.printf("600 MB upload request: %,d bytes allocated while refusing it%n", allocated);
        assertTrue(allocated < 80 * MB, "allocated " + allocated + " bytes for a 600 MB request");
        assertEquals("The file is 600 MB; the limit is 32 MB.", lastNotification());
    }

    @Test
    void vaadinsServletHasAMultipartSizeLimit() {
        MultipartConfigElement multipart = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .filter(r -> r.getServlet() instanceof SpringServlet).findFirst().orElseThrow().getMultipartConfig();
        assertTrue(multipart.getMaxRequestSize() > 0 && multipart.getMaxRequestSize() < 33 * MB,
                "Vaadin's servlet takes multipart bodies of " + multipart.getMaxRequestSize() + " bytes");
    }

    @Test
    void aFileTheBrowserRefusesForItsSizeIsReportedWithItsSize() {
        Upload upload = openSavedModelsUpload();
        ObjectNode detail = JacksonUtils.createObjectNode();
        detail.put("event.detail.file.size", 40 * MB);
        detail.put("event.detail.file.name", "big.nnm");
        detail.put("event.detail.error", "File is Too Big.");
        upload.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(upload.getElement(), "file-reject", detail));
        assertEquals("The file is 40 MB; the limit is 32 MB.", lastNotification());
        useLocale(Locale.SIMPLIFIED_CHINESE);
        upload = openSavedModelsUpload();
        upload.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(upload.getElement(), "file-reject", detail));
        assertEquals("文件大小为 40 MB，上限是 32 MB。", lastNotification());
    }

    private static Upload openSavedModelsUpload() {
        UI.getCurrent().navigate("train");
        return _get(Upload.class, spec -> spec.withId("upload-model"));
    }

    private static String lastNotification() {
        return NotificationsKt.getNotifications().getLast().getElement().getProperty("text", "");
    }

    /** Sends {@code size} bytes (made up as they are read) to the upload's own request handler, as a browser's POST. */
    private static void post(Upload upload, long size) throws IOException {
        VaadinSession session = VaadinSession.getCurrent();
        var resource = (StreamResourceRegistry.ElementStreamResource) session.getResourceRegistry()
                .getResource(URI.create(upload.getElement().getAttribute("target"))).orElseThrow();
        InputStream body = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };
        VaadinRequest request = stub(VaadinRequest.class, Map.of("getInputStream", body,
                "getContentLengthLong", size, "getContentLength", -1, "getContentType", "application/octet-stream"));
        VaadinResponse response = stub(VaadinResponse.class, Map.of("getOutputStream", new ByteArrayOutputStream(),
                "getWriter", new PrintWriter(new StringWriter())));
        resource.getElementRequestHandler().handleRequest(request, response, session, upload.getElement());
    }

    /** An interface answering the named methods with the given values and every other with null, 0 or false. */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            Class<?> r = method.getReturnType();
            Object zero = r == int.class ? (Object) 0 : r == long.class ? (Object) 0L : null;
            return r == boolean.class ? (Object) false : zero;
        }));
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
