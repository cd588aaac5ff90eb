package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.json.Json;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /api/v1/classify} over real HTTP (so Vaadin's servlet is in the way if it swallows /api).
 * Each test talks from its own loopback address (127.0.0.x), so each has its own rate-limit bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nnlab.classify.rate-limit.burst=6", "nnlab.classify.rate-limit.per-second=0.05",
        "nnlab.classify.max-request-bytes=200000", "nnlab.classify.max-image-side=1000",
        "nnlab.classify.max-decoded-bytes=1500000"})
@ActiveProfiles("test")
class ClassifyApiTest {
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    @LocalServerPort
    int port;

    private HttpClient client() throws IOException {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0." + NEXT_ADDRESS.getAndIncrement()))
                .build();
    }

    private HttpResponse<String> post(HttpClient client, String query, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classify" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String query, String json) throws IOException, InterruptedException {
        return post(client(), query, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").matches("application/(problem\\+)?json.*"),
                "JSON, not " + response.headers().firstValue("Content-Type") + ": " + response.body());
        return (Map<String, Object>) Json.parse(response.body());
    }

    private static String pixelsJson(GrayImage image28) {
        StringJoiner j = new StringJoiner(",", "{\"pixels\":[", "]}");
        for (float v : image28.pixels()) {
            j.add(Float.toString(v));
        }
        return j.toString();
    }

    private static GrayImage mnistLike(GrayImage drawing) {
        return new org.nnlab.engine.data.DigitPreprocessor().process(drawing).centred();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String messagePart) {
        assertEquals(status, response.statusCode(), response.body());
        String error = (String) body(response).get("error");
        assertTrue(error.contains(messagePart), "message '" + error + "' should mention '" + messagePart + "'");
    }

    @Test
    void jsonPixelsOfAOneAreReadAsOneByTheDefaultCnn() throws Exception {
        HttpResponse<String> r = postJson("", pixelsJson(mnistLike(Strokes.one(112))));
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> answer = body(r);
        assertEquals("mnist-cnn", answer.get("model"));
        assertEquals(1.0, answer.get("prediction"));
        List<?> p = (List<?>) answer.get("probabilities");
        assertEquals(10, p.size());
        assertEquals(1.0, p.stream().mapToDouble(v -> (Double) v).sum(), 1e-4);
    }

    @Test
    void aPngOfAnySizeInEitherPolarityIsPreprocessedAndReadWithTheChosenModel() throws Exception {
        GrayImage zero = Strokes.zero(300);
        for (boolean darkOnLight : new boolean[] {true, false}) {
            HttpResponse<String> r = post(client(), "?model=mnist-mlp", "image/png", png(zero, darkOnLight));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("mnist-mlp", body(r).get("model"));
            assertEquals(0.0, body(r).get("prediction"), "dark on light: " + darkOnLight);
        }
    }

    @Test
    void modelsAreListedWithTheDefault() throws Exception {
        HttpResponse<String> r = client().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/models")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("mnist-cnn", body(r).get("default"));
        assertEquals(2, ((List<?>) body(r).get("models")).size());
        for (Object m : (List<?>) body(r).get("models")) {
            assertEquals(true, ((Map<?, ?>) m).get("onnx"), "both shipped models export to ONNX: " + m);
        }
    }

    @Test
    void refusesWrongPixelCounts() throws Exception {
        assertRefused(postJson("", "{\"pixels\":[0,1,0]}"), 400, "784");
    }

    @Test
    void refusesNonFiniteValues() throws Exception {
        String json = pixelsJson(GrayImage.blank(28, 28)).replaceFirst("0\\.0", "1e999");
        assertRefused(postJson("", json), 400, "pixels[0] is not a finite number");
    }

    @Test
    void refusesValuesOutsideZeroToOneAndNonNumbers() throws Exception {
        assertRefused(postJson("", pixelsJson(GrayImage.blank(28, 28)).replaceFirst("0\\.0", "2.5")), 400,
                "between 0 (background) and 1 (ink)");
        assertRefused(postJson("", pixelsJson(GrayImage.blank(28, 28)).replaceFirst("0\\.0", "\"x\"")), 400,
                "pixels[0] is not a number");
    }

    @Test
    void refusesBrokenJsonAndJsonWithoutPixels() throws Exception {
        assertRefused(postJson("", "{\"pixels\": [0, 1"), 400, "not valid JSON");
        assertRefused(postJson("", "{\"image\": []}"), 400, "\"pixels\"");
    }

    @Test
    void aRefusalWithATextKeyAnswersInTheLanguageTheClientAsksFor() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classify"))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN,zh;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pixels\": [0, 1")).build();
        HttpResponse<String> r = client().send(request, HttpResponse.BodyHandlers.ofString());
        assertRefused(r, 400, "请求体不是有效的 JSON：JSON 错误（第 1 行，第 17 列）：");
        assertEquals(body(r).get("error"), body(r).get("detail"));
        assertRefused(postJson("", "{\"pixels\": [0, 1"), 400,
                "the body is not valid JSON: JSON error at line 1, column 17: ");
    }

    @Test
    void refusesARequestBodyOverTheLimit() throws Exception {
        byte[] big = new byte[200_001];
        java.util.Arrays.fill(big, (byte) ' ');
        assertRefused(post(client(), "", "application/json", big), 400, "too large");
    }

    @Test
    void refusesImagesOverTheDimensionLimit() throws Exception {
        BufferedImage wide = new BufferedImage(1001, 20, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(wide, "png", out);
        assertRefused(post(client(), "", "image/png", out.toByteArray()), 400, "1001×20");
    }

    @Test
    void refusesImagesOverTheDecodedSizeLimitByTheirHeader() throws Exception {
        BufferedImage deep = new BufferedImage(1000, 1000, BufferedImage.TYPE_USHORT_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(deep, "png", out);
        assertRefused(post(client(), "", "image/png", out.toByteArray()), 400, "2000000 bytes decoded");
        BufferedImage shallow = new BufferedImage(1000, 1000, BufferedImage.TYPE_BYTE_GRAY);
        out.reset();
        ImageIO.write(shallow, "png", out);
        assertRefused(post(client(), "", "image/png", out.toByteArray()), 400, "no ink");
    }

    @Test
    void refusesBytesThatAreNotAPngAndBrokenPngs() throws Exception {
        assertRefused(post(client(), "", "image/png", "hello".getBytes()), 400, "not a PNG");
        byte[] png = png(Strokes.one(50), true);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        assertRefused(post(client(), "", "image/png", truncated), 400, "cannot be decoded");
    }

    @Test
    void refusesABlankImage() throws Exception {
        assertRefused(post(client(), "", "image/png", png(GrayImage.blank(40, 40), true)), 400, "no ink");
        assertRefused(postJson("", pixelsJson(GrayImage.blank(28, 28))), 400, "no ink");
    }

    @Test
    void refusesUnknownModelsOtherContentTypesAndEmptyBodies() throws Exception {
        assertRefused(postJson("?model=nope", pixelsJson(mnistLike(Strokes.one(112)))), 400, "unknown model 'nope'");
        assertRefused(post(client(), "", "text/plain", "1".getBytes()), 415, "text/plain");
        assertRefused(post(client(), "", null, "1".getBytes()), 415, "Content-Type");
        assertRefused(post(client(), "", "application/json", new byte[0]), 400, "empty");
        assertRefused(postJson("?preprocess=maybe", pixelsJson(mnistLike(Strokes.one(112)))), 400, "preprocess");
    }

    @Test
    void aRefusalIsAProblemDetailThatKeepsItsErrorProperty() throws Exception {
        HttpResponse<String> r = postJson("?model=nope", pixelsJson(mnistLike(Strokes.one(112))));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "RFC 9457, not " + r.headers().firstValue("Content-Type"));
        Map<String, Object> problem = body(r);
        assertEquals(400.0, problem.get("status"));
        assertEquals("Bad Request", problem.get("title"));
        assertTrue(((String) problem.get("detail")).startsWith("unknown model 'nope'"), r.body());
        assertEquals(problem.get("detail"), problem.get("error"), "error repeats detail for older clients");
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterWhileOthersAreStillServed() throws Exception {
        HttpClient greedy = client();
        byte[] one = pixelsJson(mnistLike(Strokes.one(112))).getBytes();
        for (int i = 0; i < 6; i++) {
            assertEquals(200, post(greedy, "", "application/json", one).statusCode(), "request " + (i + 1) + " of the burst");
        }
        HttpResponse<String> refused = post(greedy, "", "application/json", one);
        assertRefused(refused, 429, "too many requests");
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 20, "Retry-After " + retry);

        assertEquals(200, post(client(), "", "application/json", one).statusCode(), "another client is not limited");
    }

    private static byte[] png(GrayImage image, boolean darkOnLight) throws IOException {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.width(), image.height());
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float ink = image.get(x, y);
                int v = Math.round(255 * (darkOnLight ? 1 - ink : ink));
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
