package org.nnlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium on a fresh profile, with its DevTools endpoint on a free port and background
 * throttling off (its many pages all count as in front). {@link #cdp} is the connection that drives it.
 */
final class HeadlessChromium implements AutoCloseable {
    private final Process process;
    private final Path profile;
    final Cdp cdp;

    HeadlessChromium() throws Exception {
        profile = Files.createTempDirectory("nnlab-bench-chromium");
        process = new ProcessBuilder(List.of("/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows", "--disable-extensions", "about:blank"))
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        Path port = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && (!Files.exists(port) || Files.readAllLines(port).size() < 2); i++) {
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(port);
        cdp = Cdp.connect("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
    }

    /**
     * Memory of the browser and all its processes in MB, as their proportional set sizes (each page shared
     * between processes counted once in all), since their resident sizes would count the shared libraries
     * of every process again.
     */
    double pssMb() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).mapToDouble(h -> {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "smaps_rollup")).stream()
                        .filter(l -> l.startsWith("Pss:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                        .sum() / 1024.0;
            } catch (java.io.IOException | RuntimeException gone) {
                return 0;
            }
        }).sum();
    }

    @Override
    public void close() throws Exception {
        cdp.close();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(profile.resolveSibling(profile.getFileName() + ".log"));
    }
}
