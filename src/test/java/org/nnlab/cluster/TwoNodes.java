package org.nnlab.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Two NN Lab processes from the packaged jar, joined into one cluster over TCP/IP on localhost, on a fresh
 * schema of the CI PostgreSQL, behind a real HAProxy run with deploy/haproxy.cfg (addresses rewritten for
 * localhost). Each node's output goes to target/cluster-it/.
 */
final class TwoNodes implements AutoCloseable {
    static final String DB = "jdbc:postgresql://localhost:5432/nnlab";
    final Path dir;
    final String schema = "cluster_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final int[] http = {TestMembers.freePort(), TestMembers.freePort()};
    final int[] member = {TestMembers.freePort(), TestMembers.freePort()};
    final int balancer = TestMembers.freePort();
    final Process[] nodes = new Process[2];
    private Process haproxy;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TwoNodes() throws IOException {
        dir = Files.createDirectories(Path.of("target", "cluster-it"));
    }

    /** Starts both nodes (side by side) and HAProxy, and waits until the nodes see each other. */
    TwoNodes start(String... extraArgs) throws Exception {
        String secret = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            nodes[i] = startNode(i, secret, extraArgs);
        }
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", haproxyConfig().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        for (int i = 0; i < 2; i++) {
            while (!health(http[i]).contains("\"members\":2")) {
                if (System.nanoTime() > deadline || !nodes[i].isAlive()) {
                    throw new IllegalStateException("node " + (i + 1) + " did not join; see " + dir);
                }
                Thread.sleep(500);
            }
        }
        while (!health(balancer).contains("\"members\":2")) {
            if (System.nanoTime() > deadline || !haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy does not answer; see " + dir.resolve("haproxy.log"));
            }
            Thread.sleep(200);
        }
        return this;
    }

    private Process startNode(int index, String secret, String... extraArgs) throws IOException {
        Path data = Files.createDirectories(dir.resolve("node" + (index + 1)));
        Path datasets = Path.of(System.getProperty("user.home"), ".nnlab", "datasets");
        if (Files.isDirectory(datasets) && !Files.exists(data.resolve("datasets"))) {
            Files.createSymbolicLink(data.resolve("datasets"), datasets.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx768m", "-Dhazelcast.local.localAddress=127.0.0.1",
                "-jar", jar().toString(),
                "--server.port=" + http[index],
                "--spring.profiles.active=cluster",
                "--nnlab.data-dir=" + data.toAbsolutePath(),
                "--spring.datasource.url=" + DB + "?currentSchema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--nnlab.cluster.members=127.0.0.1:" + member[0] + ",127.0.0.1:" + member[1],
                "--nnlab.cluster.port=" + member[index],
                "--nnlab.cluster.name=nnlab-it",
                "--nnlab.cluster.secret=" + secret));
        command.addAll(List.of(extraArgs));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node" + (index + 1) + ".log").toFile()).start();
    }

    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("nnlab-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn package first"));
        }
    }

    private Path haproxyConfig() throws IOException {
        String config = Files.readString(Path.of("deploy", "haproxy.cfg"))
                .replaceAll("(?m)^resolvers docker\\n([ \\t]+.*\\n)+", "")
                .replace(" resolvers docker", "")
                .replace("bind :80", "bind 127.0.0.1:" + balancer)
                .replace("node1:8080", "127.0.0.1:" + http[0])
                .replace("node2:8080", "127.0.0.1:" + http[1])
                .replaceAll("(?m)^[ \\t]+server node3 .*\\n", "");
        return Files.writeString(dir.resolve("haproxy.cfg"), config);
    }

    String health(int port) {
        try {
            return get(port, "/actuator/health", null).body();
        } catch (IOException e) {
            return "";
        }
    }

    /** GET on a port, with the balancer's node cookie when {@code node} is given ("node1", "node2"). */
    HttpResponse<String> get(int port, String path, String node) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (node != null) {
            request.header("Cookie", "NNLAB_NODE=" + node);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    HttpResponse<String> post(int port, String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** When a node recorded the participant called {@code nickname} as joined (its clock is this machine's). */
    java.time.Instant joinedAt(String nickname) throws java.sql.SQLException {
        try (var db = DriverManager.getConnection(DB + "?currentSchema=" + schema, "nnlab", "nnlab");
             var query = db.prepareStatement("SELECT joined_at FROM workshop_participant WHERE nickname = ?")) {
            query.setString(1, nickname);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
        }
        for (Process node : nodes) {
            if (node != null) {
                node.destroy();
            }
        }
        for (Process node : nodes) {
            if (node != null && !node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        try (var db = DriverManager.getConnection(DB, "nnlab", "nnlab"); var statement = db.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
