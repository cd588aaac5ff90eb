package org.nnlab.digits;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.json.Json;
import org.nnlab.onnx.OnnxModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/classify}: reads a digit for scripts and load tests. The body is either JSON
 * {@code {"pixels": [784 numbers, row-major, 0 = background, 1 = ink]}} or, with
 * {@code Content-Type: image/png}, a PNG of any size up to the configured side length and decoded size, dark
 * ink on light or light on dark; a large PNG is decoded subsampled, a few at a time. Both are preprocessed as drawings are (bounding box, 20 px, centre of mass) unless
 * {@code preprocess=false} is given for a 784-pixel input that is already MNIST-like. The optional query
 * parameter {@code model} picks a model from {@code GET /api/v1/models}; the answer is
 * {@code {"model": id, "prediction": digit, "probabilities": [10 numbers]}}. Refusals are RFC 9457
 * problem details ({@code application/problem+json}, see {@link ClassifyProblems}) whose {@code detail}
 * the {@code error} property repeats: 400 for a bad request, 415 for another content type, 429 past the
 * per-client rate limit ({@link ClassifyRateLimit}, with Retry-After), 503 when no model is installed or
 * when every decode permit stays taken for the configured wait (with Retry-After).
 */
@RestController
public class ClassifyController {
    static final String CLASSIFY = "/api/v1/classify";
    private static final long BUSY_RETRY_SECONDS = 1;

    private final DigitModels models;
    private final DigitClassifier classifier;
    private final ClassifyLatencies latencies;
    private final RequestBodies bodies;
    private final int maxImageSide;
    private final long maxDecodedBytes;
    private final int decodeSide;
    private final int concurrentDecodes;
    private final Duration decodeWait;
    /** Permits for PNG decodes: the memory images take is bounded by this many at a time. */
    private final Semaphore decodes;

    public ClassifyController(DigitModels models, DigitClassifier classifier, ClassifyLatencies latencies,
                              @Value("${nnlab.classify.max-request-bytes:1048576}") int maxRequestBytes,
                              @Value("${nnlab.classify.max-image-side:2000}") int maxImageSide,
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
        this.bodies = new RequestBodies(maxRequestBytes);
        this.maxImageSide = maxImageSide;
        this.maxDecodedBytes = maxDecodedBytes;
        this.decodeSide = decodeSide;
        this.concurrentDecodes = concurrentDecodes;
        this.decodeWait = decodeWait;
        this.decodes = new Semaphore(concurrentDecodes);
    }

    /** Whether a model can be saved as ONNX (its layers all map), by model id: worked out once per model. */
    private final Map<String, Boolean> onnxExport = new ConcurrentHashMap<>();

    private static boolean exportsAsOnnx(DigitModel m) {
        try {
            return OnnxModel.exports(m.loader().load().spec());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @GetMapping(value = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> models() {
        List<Object> list = new ArrayList<>();
        for (DigitModel m : models.available(null)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", m.id());
            entry.put("name", m.name());
            entry.put("onnx", onnxExport.computeIfAbsent(m.id(), id -> exportsAsOnnx(m)));
            list.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("models", list);
        body.put("default", models.defaultModel(null).map(DigitModel::id).orElse(null));
        return json(HttpStatus.OK, body);
    }

    @PostMapping(value = CLASSIFY, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> classifyPixels(@RequestParam Map<String, String> query,
                                                 @RequestBody PixelsRequest body, HttpServletRequest request) {
        DigitModel picked = pickModel(query.get("model"));
        boolean prepare = preprocessFlag(query.get("preprocess"));
        return classify(picked, body.image(), prepare, request);
    }

    @PostMapping(value = CLASSIFY, consumes = MediaType.IMAGE_PNG_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> classifyPng(@RequestParam Map<String, String> query, HttpServletRequest request) {
        DigitModel picked = pickModel(query.get("model"));
        preprocessFlag(query.get("preprocess"));
        byte[] body;
        try {
            body = bodies.read(request.getInputStream(), request.getContentLengthLong());
        } catch (IOException e) {
            throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the request body could not be read: " + e.getMessage());
        }
        return classify(picked, readPng(body), true, request);
    }

    /** Any other Content-Type, or none: refused with 415 naming what is accepted. */
    @PostMapping(value = CLASSIFY, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> classifyOther(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            throw new ClassifyRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is missing: send application/json ({\"pixels\": [784 numbers]}) or image/png");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (RuntimeException e) {
            throw new ClassifyRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + header
                    + "' cannot be read: " + e.getMessage());
        }
        throw new ClassifyRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type
                + " is not accepted: send application/json ({\"pixels\": [784 numbers]}) or image/png");
    }

    private ResponseEntity<String> classify(DigitModel model, GrayImage image, boolean preprocess,
                                            HttpServletRequest request) {
        Classification result;
        if (preprocess) {
            if (image.boundingBox(0.05f) == null) {
                throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the image has no ink (every pixel is background):"
                        + " nothing to classify");
            }
            result = classifier.classify(model, image, false);
        } else {
            result = classifier.classifyPrepared(model, image, false);
        }
        latencies.recordNanos(ClassifyLatencies.Kind.API_SERVER, result.nanos());
        request.setAttribute(ClassifyRequestTiming.CLASSIFY_NANOS, result.nanos());
        List<Object> probabilities = new ArrayList<>();
        for (float p : result.probabilities()) {
            probabilities.add(Double.parseDouble(Float.toString(p)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", model.id());
        answer.put("prediction", result.prediction());
        answer.put("probabilities", probabilities);
        return json(HttpStatus.OK, answer);
    }

    private DigitModel pickModel(String id) {
        if (models.available(null).isEmpty()) {
            throw new ClassifyRefusal(HttpStatus.SERVICE_UNAVAILABLE, "no digit model is installed on this server");
        }
        if (id == null || id.isBlank()) {
            return models.defaultModel(null).orElseThrow();
        }
        Optional<DigitModel> found = models.find(id, null);
        if (found.isEmpty()) {
            throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "unknown model '" + id + "'; available: "
                    + String.join(", ", models.available(null).stream().map(DigitModel::id).toList()));
        }
        return found.get();
    }

    private static boolean preprocessFlag(String value) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "preprocess must be true or false, got '" + value + "'");
    }

    /**
     * Checks the PNG's header against the side and decoded-size limits, then decodes it subsampled to
     * at most {@code decodeSide} pixels a side while holding one of the few decode permits.
     */
    private GrayImage readPng(byte[] body) {
        PngHeader header;
        try {
            header = PngHeader.read(body);
        } catch (IllegalArgumentException e) {
            String reason = PngHeader.hasSignature(body) ? "the PNG cannot be decoded: " : "the body is not a PNG: ";
            throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, reason + e.getMessage());
        }
        int w = header.width();
        int h = header.height();
        if (w > maxImageSide || h > maxImageSide) {
            throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the image is " + w + "×" + h + " pixels; at most "
                    + maxImageSide + "×" + maxImageSide + " are accepted (a digit needs far fewer: scale it down)");
        }
        if (header.decodedBytes() > maxDecodedBytes) {
            throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the image is " + w + "×" + h + " pixels of "
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
            throw new ClassifyRefusal(HttpStatus.SERVICE_UNAVAILABLE, "the server is decoding as many images as it"
                    + " can at once (" + concurrentDecodes + "); retry in " + BUSY_RETRY_SECONDS + " s", BUSY_RETRY_SECONDS);
        }
        try {
            return DigitImages.read(body, decodeSide);
        } catch (IOException | RuntimeException e) {
            throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the PNG cannot be decoded: " + e.getMessage());
        } finally {
            decodes.release();
        }
    }

    private static ResponseEntity<String> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Json.write(body));
    }
}
