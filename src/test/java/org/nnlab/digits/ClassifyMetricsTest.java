package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.json.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A request to {@code /api/v1/classify} is counted by the {@code nnlab.classify} timer (tag {@code path=api}),
 * which the metrics endpoint shows on the management port with its percentiles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "management.server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=health,metrics"})
@ActiveProfiles("test")
class ClassifyMetricsTest {
    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClassifyRequestIsCountedByTheApiTimerAndShownAtTheMetricsEndpoint() throws Exception {
        long before = apiCount();
        StringJoiner pixels = new StringJoiner(",", "{\"pixels\":[", "]}");
        for (float v : new DigitPreprocessor().process(Strokes.one(112)).centred().pixels()) {
            pixels.add(Float.toString(v));
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/classify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(pixels.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(before + 1, apiCount());

        HttpResponse<String> metric = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/metrics/nnlab.classify?tag=path:api")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metric.statusCode(), metric.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measurements = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(metric.body()))
                .get("measurements");
        assertTrue(measurements.contains(Map.of("statistic", "COUNT", "value", (double) (before + 1))), metric.body());

        HttpResponse<String> median = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/metrics/nnlab.classify.percentile?tag=path:api&tag=phi:0.5")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, median.statusCode(), median.body());
    }

    private long apiCount() {
        return registry.get("nnlab.classify").tag("path", "api").timer().count();
    }
}
