package org.nnlab.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Metrics opened the way the README describes: on a management port bound to the loopback address,
 * with health still answering on the application port (at /healthz). The application port serves no metrics and no
 * other endpoint; the default (no management port) exposes health alone, which HttpReliabilityTest checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "management.server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.group.public.include=ping",
        "management.endpoint.health.group.public.additional-path=server:/healthz"})
@ActiveProfiles("test")
class ActuatorIT {
    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsAnswerOnlyOnTheLoopbackManagementPortAndHealthOnBoth() throws Exception {
        HttpResponse<String> health = get(port, "/healthz");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(get(managementPort, "/actuator/health").body().contains("\"status\":\"UP\""));

        HttpResponse<String> metrics = get(managementPort, "/actuator/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm.memory.used"), metrics.body());

        HttpResponse<String> publicMetrics = get(port, "/actuator/metrics");
        assertFalse(publicMetrics.body().contains("jvm.memory.used"), publicMetrics.body());
        String index = get(managementPort, "/actuator").body();
        assertFalse(index.contains("\"env\""), index);
        assertFalse(index.contains("\"beans\""), index);
        assertFalse(get(managementPort, "/actuator/env").body().contains("propertySources"));
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
