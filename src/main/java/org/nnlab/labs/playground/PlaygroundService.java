package org.nnlab.labs.playground;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nnlab.base.i18n.LocalizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs everybody's playgrounds on the server, fairly: every frame interval each playing run that has finished its
 * last turn gets one more (one epoch, one frame), on a fixed set of worker threads. When the server cannot keep up,
 * turns are skipped evenly, so everyone's frame rate drops together rather than one page stalling.
 */
@Service
public class PlaygroundService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlaygroundService.class);
    private final PlaygroundProperties properties;
    private final Set<PlaygroundRun> runs = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService clock;

    public PlaygroundService(PlaygroundProperties properties) {
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.workerCount(), Thread.ofPlatform()
                .name("playground-", 1).daemon(true).priority(Thread.NORM_PRIORITY - 1).factory());
        this.clock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("playground-clock").daemon(true).factory());
        clock.scheduleAtFixedRate(this::handOutTurns, properties.frameMillis(), properties.frameMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a paused playground with {@code settings}; its frames go to {@code frames}. Close it when the page goes.
     *
     * @throws LocalizedException when {@code maxSessions} playgrounds are open already
     */
    public PlaygroundRun open(PlaygroundSettings settings, Consumer<PlaygroundFrame> frames) {
        if (runs.size() >= properties.maxSessions()) {
            throw new LocalizedException("error.busy", "playground sessions at the limit of " + properties.maxSessions());
        }
        PlaygroundRun run = new PlaygroundRun(this, settings, frames);
        runs.add(run);
        return run;
    }

    /** Playgrounds open now. */
    public int openCount() {
        return runs.size();
    }

    void remove(PlaygroundRun run) {
        runs.remove(run);
    }

    private void handOutTurns() {
        for (PlaygroundRun run : runs) {
            if (run.isPlaying() && run.busy.compareAndSet(false, true)) {
                workers.execute(() -> {
                    try {
                        run.turn();
                    } catch (RuntimeException e) {
                        log.warn("a playground turn failed; pausing that playground", e);
                        run.pause();
                    } finally {
                        run.busy.set(false);
                    }
                });
            }
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        workers.shutdownNow();
    }
}
