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
 * classify API all at once. Each test talks from its own loopback address (127.0.0.x), so each has its
 * own rate-limit bucket.
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
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
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
}
