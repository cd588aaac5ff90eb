package org.nnlab.training;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.datasets.FetchProgress;
import org.nnlab.datasets.MnistFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Fetches MNIST into the data directory from the web app, on a background thread, with the same code as
 * the {@code fetch-data} command. One download serves everyone: a second request while one runs joins
 * it. Listeners hear every step and the end ({@link FetchProgress.Stage#DONE}, or a failure whose
 * message says which files to put where).
 */
@Service
public class MnistDownloads {
    private static final Logger log = LoggerFactory.getLogger(MnistDownloads.class);
    private final Path dataDir;
    private final MnistFetcher fetcher;
    private final Set<Consumer<Status>> listeners = new CopyOnWriteArraySet<>();
    private volatile Status status = new Status(false, null, null);

    /** Where a download stands: running or not, the last step, and the failure message if it failed. */
    public record Status(boolean running, FetchProgress last, String failure) {
    }

    @Autowired
    public MnistDownloads(@Value("${nnlab.data-dir}") String dataDir) {
        this(DataDirectory.resolve(dataDir), new MnistFetcher());
    }

    MnistDownloads(Path dataDir, MnistFetcher fetcher) {
        this.dataDir = dataDir;
        this.fetcher = fetcher;
    }

    public Status status() {
        return status;
    }

    /** Starts the download unless one is running; returns at once. */
    public synchronized void start() {
        if (status.running()) {
            return;
        }
        publish(new Status(true, null, null));
        Thread.ofVirtual().name("mnist-download").start(this::run);
    }

    /** Hears every change until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<Status> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void run() {
        try {
            fetcher.fetch(dataDir, step -> publish(new Status(step.stage() != FetchProgress.Stage.DONE, step, null)));
        } catch (Exception e) {
            log.warn("MNIST download failed: {}", e.getMessage());
            publish(new Status(false, status.last(), e.getMessage()));
        }
    }

    private void publish(Status next) {
        status = next;
        listeners.forEach(l -> l.accept(next));
    }
}
