package org.nnlab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.nnlab.engine.json.Json;

/**
 * A small client of the Chrome DevTools Protocol over one WebSocket to the browser, in "flat" mode: every page
 * attached to gets a session id, and commands and events of all sessions travel over the same socket, so many
 * threads can drive many pages at once. Commands wait for their answer; events go to the listeners.
 */
final class Cdp implements AutoCloseable {
    /** An error the browser answered a command with. */
    static final class CdpException extends RuntimeException {
        CdpException(String message) {
            super(message);
        }
    }

    /** Hears every event: the session it came from (null: the browser), its method and its parameters. */
    interface Listener {
        void event(String sessionId, String method, Map<String, Object> params);
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private Cdp(String url) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), new Receiver()).join();
    }

    /** Connects to the browser's DevTools endpoint ({@code ws://host:port/devtools/browser/…}). */
    static Cdp connect(String url) {
        return new Cdp(url);
    }

    void listen(Listener listener) {
        listeners.add(listener);
    }

    /** Sends a command (to a page's session, or to the browser when {@code sessionId} is null) and waits for its result. */
    Map<String, Object> send(String sessionId, String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            synchronized (socket) {
                socket.sendText(Json.write(message), true).get(30, TimeUnit.SECONDS);
            }
            return answer.get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException(method + ": interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CdpException c ? c : new CdpException(method + ": " + e.getCause());
        } catch (TimeoutException e) {
            throw new CdpException(method + ": no answer in time");
        } finally {
            waiting.remove(id);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    @SuppressWarnings("unchecked")
    private void received(String text) {
        Map<String, Object> message = (Map<String, Object>) Json.parse(text);
        Object id = message.get("id");
        if (id instanceof Number n) {
            CompletableFuture<Map<String, Object>> answer = waiting.get(n.longValue());
            if (answer == null) {
                return;
            }
            if (message.get("error") instanceof Map<?, ?> error) {
                answer.completeExceptionally(new CdpException(String.valueOf(error.get("message"))));
            } else {
                answer.complete((Map<String, Object>) message.getOrDefault("result", Map.of()));
            }
            return;
        }
        String method = (String) message.get("method");
        Map<String, Object> params = (Map<String, Object>) message.getOrDefault("params", Map.of());
        for (Listener l : listeners) {
            l.event((String) message.get("sessionId"), method, params);
        }
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    received(text);
                } catch (RuntimeException e) {
                    System.err.println("cdp: could not handle a message: " + e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            waiting.values().forEach(f -> f.completeExceptionally(new CdpException("socket failed: " + error)));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            waiting.values().forEach(f -> f.completeExceptionally(new CdpException("socket closed: " + reason)));
            return null;
        }
    }
}
