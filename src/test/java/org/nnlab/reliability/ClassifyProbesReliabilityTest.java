package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.reliability.Probes.utf8;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.nnlab.reliability.Probes.PngBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hostile classify bodies of the hardening probe, replayed over real HTTP against the production
 * limits (1 MiB body, 2000 px side): every one is a clear refusal (its status and a JSON
 * {@code {"error": …}} naming the problem), never a 5xx, and the server still reads a valid digit
 * afterwards. Then a seeded fuzz loop of mutated JSON bodies and PNGs: no 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nnlab.classify.rate-limit.burst=1000000", "nnlab.classify.rate-limit.per-second=1000000"})
@ActiveProfiles("test")
class ClassifyProbesReliabilityTest {
    private static final String JSON = "application/json";
    private static final String PNG = "image/png";
    private static final byte[] VALID_BODY = utf8(Probes.validJson());

    @LocalServerPort
    int port;

    /** One hostile request and the refusal it must get. */
    private record Probe(String name, String query, String contentType, byte[] body, int status, String messagePart) {
    }

    private String url(String query) {
        return "http://127.0.0.1:" + port + "/api/v1/classify" + query;
    }

    private static Probe json(String name, String body, String messagePart) {
        return new Probe(name, "", JSON, utf8(body), 400, messagePart);
    }

    private static Probe png(String name, byte[] body, String messagePart) {
        return new Probe(name, "", PNG, body, 400, messagePart);
    }

    private static String pixels(String... values) {
        return "{\"pixels\":[" + String.join(",", values) + "]}";
    }

    /** 784 pixels: {@code first} then zeros. */
    private static String firstPixel(String first) {
        String[] v = new String[784];
        Arrays.fill(v, "0");
        v[0] = first;
        return pixels(v);
    }

    private static String zeros(int count) {
        String[] v = new String[count];
        Arrays.fill(v, "0");
        return pixels(v);
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static List<Probe> jsonProbes() {
        String valid = Probes.validJson();
        List<Probe> p = new ArrayList<>();
        p.add(json("truncated array", "{\"pixels\": [0, 1", "not valid JSON"));
        p.add(json("truncated half of a valid body", valid.substring(0, valid.length() / 2), "not valid JSON"));
        p.add(json("valid body less its last brace", valid.substring(0, valid.length() - 1), "not valid JSON"));
        p.add(json("lone brace", "{", "not valid JSON"));
        p.add(json("closing brace", "}", "not valid JSON"));
        p.add(json("whitespace only", "   \n\t ", "not valid JSON"));
        p.add(json("garbage text", "hello, classifier", "not valid JSON"));
        p.add(json("unterminated member name", "{\"pix", "not valid JSON"));
        p.add(json("trailing comma", "{\"pixels\": [1,]}", "not valid JSON"));
        p.add(json("single quotes", "{'pixels': [0]}", "not valid JSON"));
        p.add(json("comment", "/* hi */ {\"pixels\": []}", "not valid JSON"));
        p.add(json("text after the value", valid + " x", "not valid JSON"));
        p.add(json("two values", valid + valid, "not valid JSON"));
        p.add(json("duplicate member", "{\"pixels\": [], \"pixels\": []}", "not valid JSON"));
        p.add(json("NaN literal", firstPixel("NaN"), "not valid JSON"));
        p.add(json("Infinity literal", firstPixel("Infinity"), "not valid JSON"));
        p.add(json("hexadecimal number", firstPixel("0x1"), "not valid JSON"));
        p.add(json("leading zeros", firstPixel("007"), "not valid JSON"));
        p.add(json("control character in a string", "{\"pixels\": \"a\u0001b\"}", "not valid JSON"));
        p.add(json("bad escape", "{\"pixels\": \"\\q\"}", "not valid JSON"));
        p.add(json("array nested 100,000 deep", "{\"pixels\":" + repeat("[", 100_000), "nested deeper than"));
        p.add(json("object nested 50,000 deep", repeat("{\"a\":", 50_000) + "1" + repeat("}", 50_000),
                "nested deeper than"));
        p.add(new Probe("invalid UTF-8", "", JSON, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}, 400, "not valid JSON"));
        p.add(json("null", "null", "expected a JSON object with \"pixels\""));
        p.add(json("array at the top", "[0, 1]", "expected a JSON object with \"pixels\""));
        p.add(json("string at the top", "\"pixels\"", "expected a JSON object with \"pixels\""));
        p.add(json("number at the top", "42", "expected a JSON object with \"pixels\""));
        p.add(json("boolean at the top", "true", "expected a JSON object with \"pixels\""));
        p.add(json("no pixels member", "{\"image\": [0]}", "expected a JSON object with \"pixels\""));
        p.add(json("pixels null", "{\"pixels\": null}", "expected a JSON object with \"pixels\""));
        p.add(json("pixels a string", "{\"pixels\": \"0,0,0\"}", "expected a JSON object with \"pixels\""));
        p.add(json("pixels an object", "{\"pixels\": {\"0\": 1}}", "expected a JSON object with \"pixels\""));
        p.add(json("pixels a number", "{\"pixels\": 784}", "expected a JSON object with \"pixels\""));
        p.add(json("no pixels", "{\"pixels\": []}", "got 0"));
        p.add(json("783 pixels", zeros(783), "got 783"));
        p.add(json("785 pixels", zeros(785), "got 785"));
        p.add(json("200,000 pixels", zeros(200_000), "got 200000"));
        p.add(json("10^6 pixels", zeros(1_000_000), "too large"));
        p.add(json("one nested 784 array", "{\"pixels\": [" + zeros(784).substring(10, zeros(784).length() - 1) + "]}",
                "got 1"));
        String[] boxed = new String[784];
        Arrays.fill(boxed, "[0.5]");
        p.add(json("every pixel in its own array", pixels(boxed), "pixels[0] is not a number"));
        p.add(json("a string pixel", firstPixel("\"0.5\""), "pixels[0] is not a number"));
        p.add(json("a boolean pixel", firstPixel("true"), "pixels[0] is not a number"));
        p.add(json("a null pixel", firstPixel("null"), "pixels[0] is not a number"));
        p.add(json("an object pixel", firstPixel("{}"), "pixels[0] is not a number"));
        p.add(json("overflowing to infinity", firstPixel("1e999"), "pixels[0] is not a finite number"));
        p.add(json("overflowing to minus infinity", firstPixel("-1e999"), "pixels[0] is not a finite number"));
        p.add(json("huge but finite", firstPixel("1e308"), "values must lie between 0 (background) and 1 (ink)"));
        p.add(json("negative", firstPixel("-0.5"), "values must lie between 0 (background) and 1 (ink)"));
        p.add(json("just above one", firstPixel("1.0000001"), "values must lie between 0 (background) and 1 (ink)"));
        p.add(json("a number with 100,000 digits", firstPixel("0." + "0".repeat(100_000) + "1"), "no ink"));
        p.add(json("blank image", zeros(784), "no ink"));
        p.add(json("over the body limit", " ".repeat(1_048_577), "too large"));
        p.add(new Probe("empty body", "", JSON, new byte[0], 400, "the request body is empty"));
        return p;
    }

    private static List<Probe> contentTypeProbes() {
        byte[] valid = utf8(Probes.validJson());
        return List.of(
                new Probe("no Content-Type", "", null, valid, 415, "Content-Type is missing"),
                new Probe("text/plain", "", "text/plain", valid, 415, "Content-Type text/plain is not accepted"),
                new Probe("form", "", "application/x-www-form-urlencoded", utf8("pixels=1"), 415, "is not accepted"),
                new Probe("multipart", "", "multipart/form-data; boundary=x", valid, 415, "is not accepted"),
                new Probe("jpeg", "", "image/jpeg", valid, 415, "Content-Type image/jpeg is not accepted"),
                new Probe("gif", "", "image/gif", valid, 415, "is not accepted"),
                new Probe("unreadable Content-Type", "", ";;;", valid, 415, "cannot be read"),
                new Probe("JSON sent as a PNG", "", PNG, valid, 400, "not a PNG"));
    }

    private static List<Probe> pngProbes() {
        byte[] good = Probes.validPng(60);
        List<Probe> p = new ArrayList<>();
        p.add(png("text sent as a PNG", utf8("hello"), "not a PNG"));
        p.add(png("one byte", new byte[] {(byte) 0x89}, "not a PNG"));
        p.add(png("signature only", Probes.PNG_SIGNATURE, "cannot be decoded"));
        for (int length : new int[] {12, 20, 33, 40}) {
            p.add(png("truncated to " + length + " bytes", Arrays.copyOf(good, length), "cannot be decoded"));
        }
        p.add(png("JPEG sent as a PNG", Probes.encode(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "jpg"),
                "not a PNG"));
        p.add(png("GIF sent as a PNG", Probes.encode(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_INDEXED), "gif"),
                "not a PNG"));
        p.add(png("BMP sent as a PNG", Probes.encode(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "bmp"),
                "not a PNG"));
        p.add(png("PNG bomb 100,000×100,000", new PngBuilder().ihdr(100_000, 100_000, 8, 0, 0)
                .zeroIdat(1 << 20).iend().bytes(), "the image is 100000×100000 pixels"));
        p.add(png("width 2^31-1", new PngBuilder().ihdr(Integer.MAX_VALUE, 1, 8, 0, 0).zeroIdat(10).iend().bytes(),
                "the image is 2147483647×1 pixels"));
        p.add(png("one pixel over the side limit", new PngBuilder().ihdr(2001, 1, 8, 0, 0).zeroIdat(2002).iend().bytes(),
                "the image is 2001×1 pixels"));
        p.add(png("zero width", new PngBuilder().ihdr(0, 10, 8, 0, 0).zeroIdat(10).iend().bytes(), "cannot be decoded"));
        p.add(png("bit depth 3", new PngBuilder().ihdr(10, 10, 3, 0, 0).zeroIdat(110).iend().bytes(), "cannot be decoded"));
        p.add(png("colour type 5", new PngBuilder().ihdr(10, 10, 8, 5, 0).zeroIdat(110).iend().bytes(), "cannot be decoded"));
        p.add(png("interlace method 2", new PngBuilder().ihdr(10, 10, 8, 0, 2).zeroIdat(110).iend().bytes(),
                "cannot be decoded"));
        p.add(png("no image data", new PngBuilder().ihdr(10, 10, 8, 0, 0).iend().bytes(), "cannot be decoded"));
        p.add(png("image data that is not zlib", new PngBuilder().ihdr(10, 10, 8, 0, 0)
                .chunk("IDAT", utf8("definitely not deflate")).iend().bytes(), "cannot be decoded"));
        p.add(png("palette image without a palette", new PngBuilder().ihdr(10, 10, 8, 3, 0).zeroIdat(110).iend().bytes(),
                "cannot be decoded"));
        p.add(png("blank 1999×1999 bomb", new PngBuilder().ihdr(1999, 1999, 8, 0, 0).zeroIdat(2000 * 1999).iend().bytes(),
                "no ink"));
        return p;
    }

    private static List<Probe> queryProbes() {
        byte[] valid = utf8(Probes.validJson());
        List<Probe> p = new ArrayList<>();
        for (String model : List.of("../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "mnist-cnn/../mnist-mlp",
                "x".repeat(4000), "模型", "mnist-cnn\r\nX-Injected: 1", "%00", "MNIST-CNN", " mnist-cnn ")) {
            String query = "?model=" + URLEncoder.encode(model, StandardCharsets.UTF_8);
            p.add(new Probe("model " + (model.length() > 40 ? model.length() + " chars" : model), query, JSON, valid,
                    400, "unknown model '"));
        }
        p.add(new Probe("unknown model first of two", "?model=nope&model=mnist-cnn", JSON, valid, 400,
                "unknown model 'nope'"));
        p.add(new Probe("preprocess maybe", "?preprocess=maybe", JSON, valid, 400, "preprocess must be true or false"));
        p.add(new Probe("preprocess FALSE", "?preprocess=FALSE", JSON, valid, 400, "preprocess must be true or false"));
        p.add(new Probe("preprocess empty", "?preprocess=", JSON, valid, 400, "preprocess must be true or false"));
        return p;
    }

    @Test
    void everyHostileRequestIsAClearRefusalAndAValidOneIsStillRead() throws Exception {
        List<Probe> probes = new ArrayList<>();
        probes.addAll(jsonProbes());
        probes.addAll(contentTypeProbes());
        probes.addAll(pngProbes());
        probes.addAll(queryProbes());
        assertTrue(probes.size() >= 60, probes.size() + " probes");

        HttpClient client = Probes.client();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            HttpResponse<String> r = Probes.post(client, url(probe.query()), probe.contentType(), probe.body());
            String problem = refusalProblem(r, probe.status(), probe.messagePart());
            if (problem != null) {
                failures.add(probe.name() + ": " + problem);
            }
            assertNo5xxThenAValidOneIsRead(client, probe, r);
        }
        assertEquals(List.of(), failures);
        assertTrue(Probes.post(client, url(""), JSON, utf8(Probes.validJson())).headers()
                .firstValue("X-Injected").isEmpty());
    }

    private void assertNo5xxThenAValidOneIsRead(HttpClient client, Probe probe, HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() < 500, probe.name() + " gave " + r.statusCode() + ": " + r.body());
        HttpResponse<String> ok = Probes.post(client, url(""), JSON, VALID_BODY);
        assertEquals(200, ok.statusCode(), "after " + probe.name() + ": " + ok.body());
        assertEquals(1.0, ((Map<?, ?>) Json.parse(ok.body())).get("prediction"), "after " + probe.name());
    }

    /** Null when {@code r} is the expected JSON refusal, else what is wrong with it. */
    private static String refusalProblem(HttpResponse<String> r, int status, String messagePart) {
        if (r.statusCode() != status) {
            return "status " + r.statusCode() + " instead of " + status + ": " + shorten(r.body());
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not a problem detail: " + r.headers().firstValue("Content-Type") + " " + shorten(r.body());
        }
        Object error = ((Map<?, ?>) Json.parse(r.body())).get("error");
        if (!(error instanceof String message) || !message.contains(messagePart)) {
            return "message " + shorten(String.valueOf(error)) + " does not mention '" + messagePart + "'";
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    @Test
    void otherMethodsAreRefusedWithoutAServerError() throws Exception {
        HttpClient client = Probes.client();
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("")))
                    .method(method, HttpRequest.BodyPublishers.ofString(Probes.validJson()))
                    .header("Content-Type", JSON).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode(), method + ": " + shorten(r.body()));
        }
    }

    /**
     * 1,000 mutated JSON bodies and 1,000 mutated PNGs (bytes flipped, inserted, deleted, cut or
     * duplicated, from seed 11): each either read (200) or refused (400), never a server error.
     */
    @Test
    void twoThousandSeededMutationsNeverGiveAServerError() throws Exception {
        HttpClient client = Probes.client();
        SplittableRandom rng = new SplittableRandom(11);
        byte[] json = utf8(Probes.validJson());
        byte[] png = Probes.validPng(40);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            boolean isPng = i % 2 == 1;
            byte[] body = mutate(isPng ? png : json, rng, isPng);
            HttpResponse<String> r = Probes.post(client, url(""), isPng ? PNG : JSON, body);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400,
                    "mutation " + i + " gave " + r.statusCode() + ": " + shorten(r.body()));
            if (r.statusCode() == 400) {
                assertTrue(((Map<?, ?>) Json.parse(r.body())).get("error") instanceof String, r.body());
            }
        }
        assertTrue(statuses.getOrDefault(400, 0) > 500, "most mutations are refused: " + statuses);
        assertEquals(200, Probes.post(client, url(""), JSON, json).statusCode());
    }

    private static byte[] mutate(byte[] original, SplittableRandom rng, boolean png) {
        byte[] b = original.clone();
        int edits = 1 + rng.nextInt(png ? 4 : 8);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : rng.nextInt(b.length);
            switch (rng.nextInt(6)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << rng.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[at] = (byte) (png ? rng.nextInt(256) : "[]{},:\"-e.0123456789nulltrue ".charAt(rng.nextInt(29)));
                    }
                }
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] grown = new byte[b.length + 1];
                    System.arraycopy(b, 0, grown, 0, at);
                    grown[at] = (byte) rng.nextInt(256);
                    System.arraycopy(b, at, grown, at + 1, b.length - at);
                    b = grown;
                }
                case 4 -> {
                    if (b.length > 0) {
                        byte[] shrunk = new byte[b.length - 1];
                        System.arraycopy(b, 0, shrunk, 0, at);
                        System.arraycopy(b, at + 1, shrunk, at, b.length - at - 1);
                        b = shrunk;
                    }
                }
                default -> {
                    int len = Math.min(b.length - at, 1 + rng.nextInt(64));
                    byte[] grown = new byte[b.length + len];
                    System.arraycopy(b, 0, grown, 0, at + len);
                    System.arraycopy(b, at, grown, at + len, b.length - at);
                    b = grown;
                }
            }
        }
        return b;
    }
}
