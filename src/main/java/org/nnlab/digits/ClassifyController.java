package org.nnlab.digits;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.json.JsonException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/classify}: reads a digit for scripts and load tests. The body is either JSON
 * {@code {"pixels": [784 numbers, row-major, 0 = background, 1 = ink]}} or, with
 * {@code Content-Type: image/png}, a PNG of any size up to the configured side length and decoded size, dark
 * ink on light or light on dark; a large PNG is decoded subsampled, a few at a time. Both are preprocessed as drawings are (bounding box, 20 px, centre of mass) unless
 * {@code preprocess=false} is given for a 784-pixel input that is already MNIST-like. The optional query
 * parameter {@code model} picks a model from {@code GET /api/v1/models}; the answer is
 * {@code {"model": id, "prediction": digit, "probabilities": [10 numbers]}}. Refusals are JSON
 * {@code {"error": message}}: 400 for a bad request, 415 for another content type, 429 past the
 * per-client rate limit (with Retry-After), 503 when no model is installed or when every decode permit
 * stays taken for the configured wait (with Retry-After).
 */
@RestController
public class ClassifyController {
    static final int PIXELS = 28 * 28;
    private static final long BUSY_RETRY_SECONDS = 1;

    private final DigitModels models;
    private final DigitClassifier classifier;
    private final ClassifyLatencies latencies;
    private final TokenBuckets rateLimit;
    private final int maxRequestBytes;
    private final int maxImageSide;
    private final int burst;
    private final double perSecond;
    private final long maxDecodedBytes;
    private final int decodeSide;
    private final int concurrentDecodes;
    private final Duration decodeWait;
    /** Permits for PNG decodes: the memory images take is bounded by this many at a time. */
    private final Semaphore decodes;

    public ClassifyController(DigitModels models, DigitClassifier classifier, ClassifyLatencies latencies,
                              @Value("${nnlab.classify.max-request-bytes:1048576}") int maxRequestBytes,
                              @Value("${nnlab.classify.max-image-side:2000}") int maxImageSide,
                              @Value("${nnlab.classify.rate-limit.burst:30}") int burst,
                              @Value("${nnlab.classify.rate-limit.per-second:10}") double perSecond,
                              @Value("${nnlab.classify.max-decoded-bytes:33554432}") long maxDecodedBytes,
                              @Value("${nnlab.classify.decode-side:512}") int decodeSide,
                              @Value("${nnlab.classify.concurrent-decodes:4}") int concurrentDecodes,
                              @Value("${nnlab.classify.decode-wait:2s}") Duration decodeWait) {
        if (maxDecodedBytes < 1 || decodeSide < 28 || concurrentDecodes < 1 || decodeWait.isNegative()) {
            throw new IllegalArgumentException("nnlab.classify: max-decoded-bytes and concurrent-decodes must be"
                    + " at least 1, decode-side at least 28 and decode-wait not negative; got " + maxDecodedBytes
                    + ", " + concurrentDecodes + ", " + decodeSide + ", " + decodeWait);
        }
        this.models = models;
        this.classifier = classifier;
        this.latencies = latencies;
        this.maxRequestBytes = maxRequestBytes;
        this.maxImageSide = maxImageSide;
        this.burst = burst;
        this.perSecond = perSecond;
        this.rateLimit = new TokenBuckets(burst, perSecond);
        this.maxDecodedBytes = maxDecodedBytes;
        this.decodeSide = decodeSide;
        this.concurrentDecodes = concurrentDecodes;
        this.decodeWait = decodeWait;
        this.decodes = new Semaphore(concurrentDecodes);
    }

    /** A refusal with its HTTP status and a message for the caller. */
    static final class Refusal extends Exception {
        final HttpStatus status;

        /** Seconds after which the same request may succeed, or 0 when retrying does not help. */
        final long retryAfterSeconds;

        Refusal(HttpStatus status, String message) {
            this(status, message, 0);
        }

        Refusal(HttpStatus status, String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @GetMapping(value = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> models() {
        List<Object> list = new ArrayList<>();
        for (DigitModel m : models.available(null)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", m.id());
            entry.put("name", m.name());
            list.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("models", list);
        body.put("default", models.defaultModel(null).map(DigitModel::id).orElse(null));
        return json(HttpStatus.OK, body);
    }

    @PostMapping(value = "/api/v1/classify", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> classify(HttpServletRequest request) {
        long wait = rateLimit.tryTake(request.getRemoteAddr());
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Json.write(Map.of("error", "too many requests from " + request.getRemoteAddr()
                            + ": the limit is " + rateLimitText() + "; retry in " + seconds + " s")));
        }
        try {
            return json(HttpStatus.OK, classifyOrRefuse(request));
        } catch (Refusal r) {
            ResponseEntity<String> refusal = json(r.status, Map.of("error", r.getMessage()));
            if (r.retryAfterSeconds > 0) {
                return ResponseEntity.status(r.status).headers(refusal.getHeaders())
                        .header("Retry-After", Long.toString(r.retryAfterSeconds)).body(refusal.getBody());
            }
            return refusal;
        }
    }

    private String rateLimitText() {
        return "a burst of " + burst + " then " + perSecond + " requests a second";
    }

    private Map<String, Object> classifyOrRefuse(HttpServletRequest request) throws Refusal {
        MediaType type = contentType(request);
        boolean png = type.isCompatibleWith(MediaType.IMAGE_PNG);
        if (!png && !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type
                    + " is not accepted: send application/json ({\"pixels\": [784 numbers]}) or image/png");
        }
        DigitModel model = pickModel(request.getParameter("model"));
        boolean preprocess = preprocessFlag(request.getParameter("preprocess"));
        byte[] body = readBody(request);
        GrayImage image = png ? readPng(body) : readPixels(body);
        Classification result;
        if (png || preprocess) {
            if (image.boundingBox(0.05f) == null) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "the image has no ink (every pixel is background):"
                        + " nothing to classify");
            }
            result = classifier.classify(model, image, false);
        } else {
            result = classifier.classifyPrepared(model, image, false);
        }
        latencies.recordNanos(ClassifyLatencies.Kind.API_SERVER, result.nanos());
        List<Object> probabilities = new ArrayList<>();
        for (float p : result.probabilities()) {
            probabilities.add(Double.parseDouble(Float.toString(p)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", model.id());
        answer.put("prediction", result.prediction());
        answer.put("probabilities", probabilities);
        return answer;
    }

    private static MediaType contentType(HttpServletRequest request) throws Refusal {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is missing: send application/json ({\"pixels\": [784 numbers]}) or image/png");
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (RuntimeException e) {
            throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + header + "' cannot be read: "
                    + e.getMessage());
        }
    }

    private DigitModel pickModel(String id) throws Refusal {
        if (models.available(null).isEmpty()) {
            throw new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "no digit model is installed on this server");
        }
        if (id == null || id.isBlank()) {
            return models.defaultModel(null).orElseThrow();
        }
        Optional<DigitModel> found = models.find(id, null);
        if (found.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "unknown model '" + id + "'; available: "
                    + String.join(", ", models.available(null).stream().map(DigitModel::id).toList()));
        }
        return found.get();
    }

    private static boolean preprocessFlag(String value) throws Refusal {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new Refusal(HttpStatus.BAD_REQUEST, "preprocess must be true or false, got '" + value + "'");
    }

    private byte[] readBody(HttpServletRequest request) throws Refusal {
        long declared = request.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw tooLarge(declared + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxRequestBytes);
            if (body.length == maxRequestBytes && in.read() != -1) {
                throw tooLarge("more than " + maxRequestBytes + " bytes");
            }
            if (body.length == 0) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "the request body is empty");
            }
            return body;
        } catch (IOException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "the request body could not be read: " + e.getMessage());
        }
    }

    private Refusal tooLarge(String size) {
        return new Refusal(HttpStatus.BAD_REQUEST, "the request body is too large (" + size + "); the limit is "
                + maxRequestBytes + " bytes");
    }

    /**
     * Checks the PNG's header against the side and decoded-size limits, then decodes it subsampled to
     * at most {@code decodeSide} pixels a side while holding one of the few decode permits.
     */
    private GrayImage readPng(byte[] body) throws Refusal {
        PngHeader header;
        try {
            header = PngHeader.read(body);
        } catch (IllegalArgumentException e) {
            String reason = PngHeader.hasSignature(body) ? "the PNG cannot be decoded: " : "the body is not a PNG: ";
            throw new Refusal(HttpStatus.BAD_REQUEST, reason + e.getMessage());
        }
        int w = header.width();
        int h = header.height();
        if (w > maxImageSide || h > maxImageSide) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "the image is " + w + "×" + h + " pixels; at most "
                    + maxImageSide + "×" + maxImageSide + " are accepted (a digit needs far fewer: scale it down)");
        }
        if (header.decodedBytes() > maxDecodedBytes) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "the image is " + w + "×" + h + " pixels of "
                    + header.channels() + " channel(s) at " + header.bitDepth() + " bits, "
                    + header.decodedBytes() + " bytes decoded; at most " + maxDecodedBytes
                    + " are accepted (send 8 bits a sample, or a smaller picture)");
        }
        boolean permitted;
        try {
            permitted = decodes.tryAcquire(decodeWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permitted = false;
        }
        if (!permitted) {
            throw new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "the server is decoding as many images as it"
                    + " can at once (" + concurrentDecodes + "); retry in " + BUSY_RETRY_SECONDS + " s", BUSY_RETRY_SECONDS);
        }
        try {
            return DigitImages.read(body, decodeSide);
        } catch (IOException | RuntimeException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "the PNG cannot be decoded: " + e.getMessage());
        } finally {
            decodes.release();
        }
    }

    private static GrayImage readPixels(byte[] body) throws Refusal {
        Object parsed;
        try {
            parsed = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "the body is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> object) || !(object.get("pixels") instanceof List<?> list)) {
            throw new Refusal(HttpStatus.BAD_REQUEST,
                    "expected a JSON object with \"pixels\": an array of 784 numbers (28×28, row-major)");
        }
        if (list.size() != PIXELS) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "\"pixels\" must hold 784 numbers (28×28, row-major), got "
                    + list.size());
        }
        float[] pixels = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "pixels[" + i + "] is not a number: " + Json.write(list.get(i)));
            }
            double v = n.doubleValue();
            if (!Double.isFinite(v)) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "pixels[" + i + "] is not a finite number (" + v + ")");
            }
            if (v < 0 || v > 1) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "pixels[" + i + "] is " + v
                        + "; values must lie between 0 (background) and 1 (ink)");
            }
            pixels[i] = (float) v;
        }
        return new GrayImage(28, 28, pixels);
    }

    private static ResponseEntity<String> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Json.write(body));
    }
}
