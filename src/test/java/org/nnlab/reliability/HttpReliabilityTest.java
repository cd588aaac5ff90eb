package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.awt.color.ColorSpace;
import java.awt.Transparency;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Replays of the HTTP-layer defects of the hardening issue through real HTTP: huge PNGs sent to the
 * classify API all at once, sessions and cookies made for API calls, missing security headers, metrics
 * open to anyone, and over-long links answered with Tomcat's bare page. Each test talks from its own
 * loopback address (127.0.0.x), so each has its own rate-limit bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HttpReliabilityTest {
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(60);
    private static final int SIDE = 2000;
    private static final int BURST = 30;

    @LocalServerPort
    int port;

    private HttpClient client() throws IOException {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0." + NEXT_ADDRESS.getAndIncrement()))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * 30 concurrent 2000×2000 16-bit RGBA PNGs (about 40 KB each, within one client's burst) all get an
     * answer: a reading or a clear refusal, never a 500. The server must not decode them at full size
     * (32 MB of samples each, and several times that as pixels): the bytes allocated by all threads
     * during the burst stay under what a single full-size raster per request would take.
     */
    @Test
    void aBurstOfHugeSixteenBitPngsIsAnsweredWithoutDecodingThemAtFullSize() throws Exception {
        byte[] png = hugeDigitPng();
        assertTrue(png.length < 100_000, "a small file that decodes huge: " + png.length + " bytes");
        HttpClient client = client();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classify"))
                .header("Content-Type", "image/png")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(png))
                .build();

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long usedBefore = used(heap, false);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Map<Long, Long> allocatedBefore = allocatedByThread();
        long start = System.nanoTime();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        int readings = 0;
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.join();
            int status = r.statusCode();
            assertTrue(status == 200 || status == 503 || status == 429, status + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(status == 200 ? "application/json" : "application/problem+json"), r.body());
            if (status == 200) {
                readings++;
                assertTrue(r.body().contains("\"prediction\":1"), "the drawn 1 is read as 1: " + r.body());
            } else {
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), "a refusal says when to retry");
                assertTrue(r.body().contains("\"error\""), r.body());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = allocatedSince(allocatedBefore);
        long peak = used(heap, true);
        System.out.printf("%d huge PNGs: %d read, %d refused, %d ms; heap used %d MB before, peak %d MB;"
                        + " %d MB allocated%n", BURST, readings, BURST - readings, millis,
                usedBefore >> 20, peak >> 20, allocated >> 20);
        assertTrue(readings > 0, "at least some of the burst is read");
        long fullRaster = (long) SIDE * SIDE * 8;
        assertTrue(allocated < BURST * fullRaster, "allocated " + (allocated >> 20) + " MB for " + BURST
                + " requests: at least one full-size raster each (" + (fullRaster >> 20) + " MB)");
    }

    /** A 2000×2000 RGBA picture with 16 bits a sample: dark paper, a thick light "1" down the middle. */
    static byte[] hugeDigitPng() throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(SIDE, SIDE);
        int[] ink = {65535, 65535, 65535, 65535};
        int[] paper = {0, 0, 0, 65535};
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean stroke = y > SIDE / 5 && y < SIDE * 4 / 5 && Math.abs(x - SIDE / 2) < SIDE / 25;
                raster.setPixel(x, y, stroke ? ink : paper);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(model, raster, false, null), "png", out);
        return out.toByteArray();
    }

    private static long used(List<MemoryPoolMXBean> heap, boolean peak) {
        return heap.stream().mapToLong(p -> (peak ? p.getPeakUsage() : p.getUsage()).getUsed()).sum();
    }

    private static Map<Long, Long> allocatedByThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byThread.put(ids[i], Math.max(0, bytes[i]));
        }
        return byThread;
    }

    /** Bytes allocated since {@code before} by threads alive now (threads started since count whole). */
    private static long allocatedSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> now : allocatedByThread().entrySet()) {
            sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return sum;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Scripts and health checks send no cookies: they must get none and create no server session. */
    @Test
    void apiAndHealthCallsWithoutCookiesGetNoSessionAndNoCookie() throws Exception {
        List<HttpResponse<String>> answers = List.of(get("/actuator/health"), get("/api/v1/models"),
                get("/api/v1/no-such-thing"), get("/actuator/no-such-endpoint"),
                client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classify"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"pixels\": [1]}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> r : answers) {
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 404,
                    r.uri() + ": " + r.statusCode());
            assertEquals(List.of(), r.headers().allValues("Set-Cookie"), r.uri() + " sets no cookie");
        }
    }

    /** Every answer, page, API, actuator or error, carries the browser-side protections. */
    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/v1/models", "/actuator/health", "/no-such-file.txt")) {
            HttpResponse<String> r = get(path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertTrue(csp.contains("object-src 'none'"), path + ": " + csp);
        }
    }

    /** Metrics tell a visitor how busy and how full the server is: not on the public port. */
    @Test
    void onlyHealthOfTheActuatorAnswersOnTheApplicationPort() throws Exception {
        assertEquals(200, get("/actuator/health").statusCode());
        String index = get("/actuator").body();
        assertTrue(index.contains("/actuator/health") && !index.contains("metrics"), index);
        for (String path : List.of("/actuator/metrics", "/actuator/metrics/jvm.memory.used")) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(!r.body().contains("\"names\"") && !r.body().contains("\"measurements\""), r.body());
        }
    }

    /**
     * A builder link of a few hundred layers is tens of kilobytes: it opens; one past the header limit
     * gets a page that says what happened in English and Chinese, not Tomcat's bare 400.
     */
    @Test
    void longLinksOpenAndOverLongOnesGetAClearPage() throws Exception {
        HttpResponse<String> long40k = get("/build?spec=" + "A".repeat(40_000));
        assertTrue(long40k.statusCode() < 400, "a 40 KB link opens: " + long40k.statusCode());

        HttpResponse<String> tooLong = get("/build?spec=" + "A".repeat(70_000));
        assertTrue(tooLong.statusCode() == 414 || tooLong.statusCode() == 431 || tooLong.statusCode() == 400,
                "refused: " + tooLong.statusCode());
        assertTrue(tooLong.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                tooLong.headers().toString());
        assertTrue(tooLong.body().contains("too long"), tooLong.body());
        assertTrue(tooLong.body().contains("链接太长"), tooLong.body());
        assertTrue(!tooLong.body().contains("Apache Tomcat") && !tooLong.body().contains("HTTP Status"), tooLong.body());
    }

    /** A request Tomcat cannot parse at all (a raw '<' in the link) gets the same kind of clear page. */
    @Test
    void anUnreadableRequestGetsAClearBilingualPage() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /build?spec=<b> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("could not read this request") && answer.contains("服务器无法读取这个请求"), answer);
            assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
        }
    }
}
