package org.nnlab.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Over real HTTP: an address no view answers is a 404 that still carries the app's page; known ones stay 200. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnknownPageStatusTest {
    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownAddressAnswers404WithThePageThatExplainsIt() throws Exception {
        for (String path : new String[] {"/no-such-page", "/build/extra/parts", "/train/"}) {
            HttpResponse<String> r = get(path);
            int expected = path.equals("/train/") ? 200 : 404;
            assertEquals(expected, r.statusCode(), path);
            assertTrue(r.body().contains("<html") || r.body().contains("<!DOCTYPE") || r.body().contains("<!doctype"), path + ": " + r.body());
        }
    }

    @Test
    void knownPagesStayOk() throws Exception {
        for (String path : new String[] {"/", "/build", "/train", "/draw?model=cnn"}) {
            assertEquals(200, get(path).statusCode(), path);
        }
    }
}
