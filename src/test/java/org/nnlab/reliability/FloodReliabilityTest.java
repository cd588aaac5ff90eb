package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A request flood on {@code POST /api/v1/classify}: 5,000 requests (JSON and PNG in turn) from 8 threads,
 * each thread a client of its own address hammering without pause. Every answer is a reading (200) or a
 * rate-limit refusal (429 with Retry-After and a JSON message); no server error, and each client got at
 * least its burst read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nnlab.classify.rate-limit.burst=100", "nnlab.classify.rate-limit.per-second=5"})
@ActiveProfiles("test")
class FloodReliabilityTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 625;

    @LocalServerPort
    int port;

    @Test
    void fiveThousandRequestsFromEightThreadsGiveNoServerError() throws Exception {
        String url = "http://127.0.0.1:" + port + "/api/v1/classify";
        byte[] json = Probes.utf8(Probes.validJson());
        byte[] png = Probes.validPng(60);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> served = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                HttpClient client = Probes.client();
                served.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        boolean asPng = i % 2 == 1;
                        HttpResponse<String> r = Probes.post(client, url, asPng ? "image/png" : "application/json",
                                asPng ? png : json);
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 200) {
                            ok++;
                        } else if (r.statusCode() != 429 || r.headers().firstValue("Retry-After").isEmpty()
                                || !(((Map<?, ?>) Json.parse(r.body())).get("error") instanceof String)) {
                            problems.add(r.statusCode() + " " + r.headers().map() + " " + r.body());
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : served) {
                assertTrue(f.get() >= 100, "a client got at least its burst of 100 read: " + f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), problems.stream().limit(5).toList(), "statuses " + statuses);
        int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(THREADS * PER_THREAD, total);
        assertTrue(statuses.containsKey(429), "the flood met the rate limit: " + statuses);
        assertEquals(200, Probes.post(Probes.client(), url, "application/json", json).statusCode(),
                "a new client is served after the flood");
    }
}
