package org.nnlab.labs.playground;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.training.SliceScheduler;
import org.springframework.stereotype.Service;

/**
 * Runs everybody's playgrounds on the server, fairly: every frame interval each playing run that has finished its
 * last turn is given one more (one epoch, one frame) as a slice of the {@link SliceScheduler}, the same worker
 * threads and round-robin line that training runs use. When the server cannot keep up, a run whose last turn is
 * still waiting gets no second one, so everyone's frame rate drops together rather than one page stalling.
 */
@Service
public class PlaygroundService implements AutoCloseable {
    private final PlaygroundProperties properties;
    private final SliceScheduler scheduler;
    private final Set<PlaygroundRun> runs = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService clock;

    public PlaygroundService(PlaygroundProperties properties, SliceScheduler scheduler) {
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("playground-clock").daemon(true).factory());
        clock.scheduleAtFixedRate(this::handOutTurns, properties.frameMillis(), properties.frameMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a paused playground with {@code settings}; its frames go to {@code frames}. Close it when the page goes.
     *
     * @throws LocalizedException when {@code maxSessions} playgrounds are open already
     */
    public PlaygroundRun open(String owner, PlaygroundSettings settings, Consumer<PlaygroundFrame> frames) {
        if (runs.size() >= properties.maxSessions()) {
            throw new LocalizedException("error.busy", "playground sessions at the limit of " + properties.maxSessions());
        }
        PlaygroundRun run = new PlaygroundRun(this, owner, settings, frames);
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
            if (run.isPlaying()) {
                giveTurn(run);
            }
        }
    }

    /** Puts one turn of {@code run} in the scheduler's line, unless one is waiting or running already. */
    void giveTurn(PlaygroundRun run) {
        if (!run.isClosed() && run.busy.compareAndSet(false, true)) {
            scheduler.submit(run.owner(), () -> {
                try {
                    run.turn();
                } finally {
                    run.busy.set(false);
                }
                return false;
            });
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
