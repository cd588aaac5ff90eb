package org.nnlab.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.nnlab.engine.json.Json;

/**
 * One browser tab as Vaadin Flow's own client drives it, without a browser: the same requests, in the same
 * order, with the same fields, as captured from Chromium on this app (CDP Network events).
 * <ul>
 * <li>A page load is {@code GET /path} (the HTML; cookies are set here), then {@code GET /?v-r=init&location=…}
 * with the browser details ({@code v-sw}, {@code v-tzid}, …). Its JSON ({@code appConfig}) carries the UI id,
 * the first UIDL message with the CSRF token ({@code Vaadin-Security-Key}) and the push id
 * ({@code Vaadin-Push-ID}).</li>
 * <li>The push channel is Atmosphere over a WebSocket to {@code /VAADIN/push} with the browser's query
 * parameters ({@code v-r=push&v-uiId&v-pushId&X-Atmosphere-…&X-atmo-protocol=true}); every frame is
 * {@code length|payload}, the first payload being Atmosphere's handshake ({@code trackingId|heartbeat|X|}).</li>
 * <li>Messages to the server are {@code POST /?v-r=uidl&v-uiId=N} with {@code {csrfToken, rpc, syncId, clientId}}
 * (Flow 25 sends them over HTTP even with WebSocket push), one at a time: {@code syncId} is the last server
 * message applied, {@code clientId} counts the client's messages. RPCs: {@code event} (click with the mouse
 * event's fields, a custom element's event with its {@code event.detail…} data), {@code mSync} of a property
 * followed by the field's {@code change} event, and {@code ui-navigate} on node 1 for a page's route.</li>
 * <li>While a page is open, a heartbeat ({@code POST /?v-r=heartbeat&v-uiId=N}, no body) goes every
 * {@code heartbeatInterval} seconds of its {@code appConfig}; when the page is left (another page loaded, or the
 * tab closed) the browser's unload beacon goes: a UIDL message with no RPCs and {@code "UNLOAD": true}, sent as
 * {@code navigator.sendBeacon} does (text/plain, nobody waits for the answer).</li>
 * <li>Every server message (answer or push) is applied in {@code syncId} order to a small state tree: nodes
 * with their tag, properties, attributes, children, text and DOM listeners, so the page can be read by
 * element id the way a person reads the screen.</li>
 * </ul>
 */
final class FlowClient implements AutoCloseable {
    private static final int PROPERTIES = 1;
    private static final int CHILDREN = 2;
    private static final int ATTRIBUTES = 3;
    private static final int LISTENERS = 4;
    private static final int TEXT = 7;
    private static final String CLICK_DATA = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,"
            + "\"event.ctrlKey\":false,\"event.clientX\":%d,\"event.clientY\":%d,\"event.altKey\":false,\"event.button\":0,"
            + "\"event.screenY\":%d,\"event.screenX\":%d}";

    /** One node of the UI's state tree: a feature id to its map (or list) of values. */
    static final class Node {
        final int id;
        final Map<Integer, Map<String, Object>> maps = new HashMap<>();
        final Map<Integer, List<Object>> lists = new HashMap<>();

        Node(int id) {
            this.id = id;
        }

        Map<String, Object> map(int feature) {
            return maps.computeIfAbsent(feature, f -> new HashMap<>());
        }

        List<Object> list(int feature) {
            return lists.computeIfAbsent(feature, f -> new java.util.ArrayList<>());
        }
    }

    private final String base;
    private final HttpClient http;
    private final String name;
    private final Map<Integer, Node> nodes = new HashMap<>();
    private final TreeMap<Integer, Map<String, Object>> early = new TreeMap<>();
    private final Object sending = new Object();
    private final java.util.function.BiConsumer<String, String> errors;
    /** Sends every open page's heartbeats (one thread for all: a heartbeat is one small request). */
    private static final java.util.concurrent.ScheduledExecutorService HEARTBEATS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("flow-heartbeats").unstarted(r));
    private WebSocket push;
    private java.util.concurrent.ScheduledFuture<?> heartbeat;
    private int uiId = -1;
    private String csrf;
    private int lastSyncId = -1;
    private int clientId;
    private long messages;

    FlowClient(String base, String name, java.util.function.BiConsumer<String, String> errors) {
        this.base = base;
        this.name = name;
        this.errors = errors;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Loads a page as the browser does (HTML, init request, push channel, the route's navigation event). */
    void open(String route) {
        leave();
        send(GET(base + "/" + route));
        String details = "&v-sh=600&v-sw=800&v-wh=913&v-ww=900&v-bh=913&v-bw=900&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-" + Math.random() + "&v-td=false&v-pr=1"
                + "&v-np=Linux%20x86_64&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo"
                + "&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false";
        String init = send(GET(base + "/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query="
                + details));
        Map<?, ?> config = (Map<?, ?>) ((Map<?, ?>) Json.parse(init)).get("appConfig");
        @SuppressWarnings("unchecked")
        Map<String, Object> uidl = (Map<String, Object>) config.get("uidl");
        String pushId;
        synchronized (this) {
            nodes.clear();
            early.clear();
            uiId = ((Number) config.get("v-uiId")).intValue();
            csrf = (String) uidl.get("Vaadin-Security-Key");
            pushId = (String) uidl.get("Vaadin-Push-ID");
            lastSyncId = -1;
            clientId = 0;
            received(uidl);
        }
        String url = base.replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true"
                + "&X-Vaadin-LastSeenServerSyncId=" + lastSyncId;
        push = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(URI.create(url), new Push()).join();
        int every = config.get("heartbeatInterval") instanceof Number n ? n.intValue() : 300;
        if (every > 0) {
            URI beat = URI.create(base + "/?v-r=heartbeat&v-uiId=" + uiId);
            heartbeat = HEARTBEATS.scheduleAtFixedRate(() -> heartbeat(beat), every, every, java.util.concurrent.TimeUnit.SECONDS);
        }
        navigate(route, "");
    }

    /** The browser's history moved to {@code route} (back button: trigger "history"). */
    void navigate(String route, String trigger) {
        rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":" + Json.write(route)
                + ",\"query\":\"\",\"appShellTitle\":\"NN Lab\",\"historyState\":null,\"trigger\":" + Json.write(trigger) + "}}");
    }

    /** A mouse click on the element with this id. */
    void click(String elementId) {
        int node = nodeOf(elementId);
        int x = 200 + (int) (Math.random() * 300);
        int y = 300 + (int) (Math.random() * 500);
        rpc("{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":" + String.format(CLICK_DATA, x, y, y + 117, x + 30) + "}");
    }

    /** Typing into a text field and leaving it: the value's property sync and the field's change event. */
    void type(String elementId, String value) {
        int node = nodeOf(elementId);
        rpc("{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\",\"value\":" + Json.write(value) + "}",
                "{\"type\":\"event\",\"node\":" + node + ",\"event\":\"change\",\"data\":{}}");
    }

    /** A DOM event of a custom element, with the data its listener asked for; sent only if the server listens. */
    boolean event(String elementId, String event, Map<String, Object> data) {
        int node = nodeOf(elementId);
        synchronized (this) {
            if (!nodes.get(node).map(LISTENERS).containsKey(event)) {
                return false;
            }
        }
        rpc("{\"type\":\"event\",\"node\":" + node + ",\"event\":" + Json.write(event) + ",\"data\":" + Json.write(data) + "}");
        return true;
    }

    /** Sends RPCs as one message and applies the answer; one message at a time, as Flow's client does. */
    void rpc(String... invocations) {
        synchronized (sending) {
            String body;
            synchronized (this) {
                body = "{\"csrfToken\":" + Json.write(csrf) + ",\"rpc\":[" + String.join(",", invocations) + "],\"syncId\":"
                        + lastSyncId + ",\"clientId\":" + clientId + "}";
                clientId++;
            }
            String answer = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                    .timeout(Duration.ofSeconds(60)).header("Content-type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            message(answer);
        }
    }

    /** Waits until the page shows what the condition asks for. */
    synchronized void await(Predicate<FlowClient> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new IllegalStateException(name + ": timed out");
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted");
            }
        }
    }

    /** The node of the attached element with this id attribute, or -1. */
    synchronized int find(String elementId) {
        for (Node n : nodes.values()) {
            if (elementId.equals(n.map(ATTRIBUTES).get("id"))) {
                return n.id;
            }
        }
        return -1;
    }

    private int nodeOf(String elementId) {
        int node = find(elementId);
        if (node < 0) {
            throw new IllegalStateException(name + ": no element #" + elementId + " on the page");
        }
        return node;
    }

    /** The text an element shows (its text nodes, depth first), or null if no such element is attached. */
    synchronized String text(String elementId) {
        int node = find(elementId);
        if (node < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        collect(nodes.get(node), text, 0);
        return text.toString();
    }

    private void collect(Node n, StringBuilder text, int depth) {
        if (n == null || depth > 50) {
            return;
        }
        Object t = n.map(TEXT).get("text");
        if (t != null) {
            text.append(t);
        }
        for (Object child : n.list(CHILDREN)) {
            collect(nodes.get(((Number) child).intValue()), text, depth + 1);
        }
    }

    /** Whether the element with this id has the given attribute (e.g. "disabled"). */
    synchronized boolean hasAttribute(String elementId, String attribute) {
        int node = find(elementId);
        return node >= 0 && nodes.get(node).map(ATTRIBUTES).containsKey(attribute);
    }

    /** Server messages applied so far. */
    synchronized long messages() {
        return messages;
    }

    private void message(String text) {
        String json = text.startsWith("for(;;);") ? text.substring(8) : text;
        Object parsed = Json.parse(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) (parsed instanceof List<?> l ? l.getFirst() : parsed);
        synchronized (this) {
            received(m);
        }
    }

    /** Applies a server message, or keeps it until the ones before it have come. */
    private void received(Map<String, Object> m) {
        if (m.get("syncId") instanceof Number s) {
            int id = s.intValue();
            if (lastSyncId >= 0 && id <= lastSyncId) {
                return; // seen already
            }
            if (lastSyncId >= 0 && id > lastSyncId + 1) {
                early.put(id, m);
                return;
            }
            apply(m);
            lastSyncId = id;
            while (!early.isEmpty() && early.firstKey() == lastSyncId + 1) {
                lastSyncId = early.firstKey();
                apply(early.pollFirstEntry().getValue());
            }
        } else {
            apply(m);
        }
        if (m.get("Vaadin-Security-Key") instanceof String key) {
            csrf = key;
        }
        if (Boolean.TRUE.equals(m.get("resynchronize")) || m.containsKey("appError")) {
            errors.accept("server asked to resynchronize or sent an error", name + ": " + Json.write(m).substring(0, 200));
        }
        notifyAll();
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> m) {
        messages++;
        if (!(m.get("changes") instanceof List<?> changes)) {
            return;
        }
        for (Object o : changes) {
            Map<String, Object> c = (Map<String, Object>) o;
            int id = ((Number) c.get("node")).intValue();
            String type = (String) c.get("type");
            if ("detach".equals(type)) {
                nodes.remove(id);
                continue;
            }
            Node n = nodes.computeIfAbsent(id, Node::new);
            int feature = c.get("feat") instanceof Number f ? f.intValue() : -1;
            switch (type) {
                case "put" -> n.map(feature).put((String) c.get("key"), c.containsKey("nodeValue") ? c.get("nodeValue") : c.get("value"));
                case "remove" -> n.map(feature).remove((String) c.get("key"));
                case "clear" -> {
                    n.list(feature).clear();
                    n.map(feature).clear();
                }
                case "splice" -> {
                    List<Object> list = n.list(feature);
                    int index = ((Number) c.get("index")).intValue();
                    int remove = c.get("remove") instanceof Number r ? r.intValue() : 0;
                    for (int i = 0; i < remove && index < list.size(); i++) {
                        list.remove(index);
                    }
                    Object added = c.containsKey("addNodes") ? c.get("addNodes") : c.get("add");
                    if (added instanceof List<?> a) {
                        list.addAll(Math.min(index, list.size()), a);
                    }
                }
                default -> {
                    // "attach" and anything this small tree does not keep
                }
            }
        }
    }

    private HttpRequest GET(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + ": HTTP " + r.statusCode() + " for " + request.uri());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted");
        }
    }

    private void heartbeat(URI uri) {
        http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e != null || r.statusCode() != 200) {
                        errors.accept("heartbeat failed", name + ": " + (e != null ? e : "HTTP " + r.statusCode()));
                    }
                });
    }

    /**
     * Leaves the page the way a browser does: heartbeats stop, the unload beacon goes (nobody waits for its
     * answer) and the push channel closes.
     */
    private void leave() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (uiId >= 0 && csrf != null) {
            String body;
            synchronized (this) {
                body = "{\"csrfToken\":" + Json.write(csrf) + ",\"rpc\":[],\"syncId\":" + lastSyncId + ",\"clientId\":" + clientId
                        + ",\"UNLOAD\":true}";
            }
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId)).timeout(Duration.ofSeconds(60))
                    .header("Content-type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        if (push != null) {
            push.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
            push = null;
        }
    }

    /** The tab closes: its last heartbeat, its unload beacon, its push channel. */
    @Override
    public void close() {
        leave();
    }

    /** Atmosphere's framing: {@code length|payload}, messages split over frames or several in one frame. */
    private final class Push implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private boolean handshake = true;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            buffer.append(data);
            while (true) {
                int bar = buffer.indexOf("|");
                if (bar < 0) {
                    break;
                }
                int length = Integer.parseInt(buffer.substring(0, bar));
                if (buffer.length() < bar + 1 + length) {
                    break;
                }
                String payload = buffer.substring(bar + 1, bar + 1 + length);
                buffer.delete(0, bar + 1 + length);
                if (handshake) {
                    handshake = false; // tracking id | heartbeat interval | padding |
                } else if (!payload.equals("X") && !payload.isBlank()) {
                    try {
                        message(payload);
                    } catch (RuntimeException e) {
                        errors.accept("push message not understood", name + ": " + e);
                    }
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            errors.accept("push channel failed", name + ": " + error);
        }
    }
}
