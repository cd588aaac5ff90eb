package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind the cluster's load balancer every request arrives from the proxy, so the rate limits must count
 * the client address the proxy forwards. With the settings of {@code application-cluster.properties} (read
 * as they ship), a proxy on the loopback network sends X-Forwarded-For: one forwarded client uses up its
 * burst of classify requests and is refused, naming its own address, while another client behind the same
 * proxy is still served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nnlab.classify.rate-limit.burst=3", "nnlab.classify.rate-limit.per-second=0.01"})
@TestPropertySource(locations = "classpath:application-cluster.properties")
@ActiveProfiles("test")
class ForwardedAddressTest {
    @LocalServerPort
    int port;

    @Test
    void theRateLimitCountsTheAddressTheProxyForwards() throws Exception {
        HttpClient proxy = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, classify(proxy, "203.0.113.5").statusCode(), "request " + (i + 1) + " of the burst");
        }
        HttpResponse<String> refused = classify(proxy, "203.0.113.5");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("203.0.113.5"), refused.body());
        assertEquals(200, classify(proxy, "203.0.113.6").statusCode(), "another client behind the same proxy");
    }

    private HttpResponse<String> classify(HttpClient client, String forwardedFor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classify"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(Probes.validJson()))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
