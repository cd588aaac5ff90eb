package org.nnlab.labs.recurrent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.training.SliceScheduler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Runs the recurrent labs' training on the server's shared workers: each run trains in short turns in the
 * {@link SliceScheduler}'s round-robin line (the line training jobs and the playground use), so many pages train
 * at once at a fair share each, and sends its page a frame now and then. Runs at once are limited; a run stops after
 * {@code maxSeconds}, when its page stops it, or when its work says it is finished.
 */
@Service
@EnableConfigurationProperties(RecurrentLabProperties.class)
public class LiveLab {
    /** Work that can be advanced in small pieces and described in a frame for the page. */
    public interface Work<F> {
        /** Trains a little (about {@code millis}); false once nothing remains to do. */
        boolean advance(long millis);

        /** What the page shows now. */
        F frame();
    }

    /** A started run: stop it when its page goes. */
    public interface Run {
        void stop();

        boolean isOver();
    }

    private final SliceScheduler scheduler;
    private final RecurrentLabProperties properties;
    private final AtomicInteger running = new AtomicInteger();

    public LiveLab(SliceScheduler scheduler, RecurrentLabProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    public RecurrentLabProperties properties() {
        return properties;
    }

    /**
     * Starts {@code work} for {@code owner}; {@code frames} gets a frame every {@code frameMillis} and a last one
     * when the run ends.
     *
     * @throws LocalizedException when {@code maxRuns} runs are going already
     */
    public <F> Run start(String owner, Work<F> work, Consumer<F> frames) {
        if (running.incrementAndGet() > properties.maxRuns()) {
            running.decrementAndGet();
            throw new LocalizedException("error.busy", "recurrent lab runs at the limit of " + properties.maxRuns());
        }
        long end = System.currentTimeMillis() + properties.maxSeconds() * 1000;
        long[] lastFrame = {0};
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        boolean[] released = {false};
        Runnable release = () -> {
            synchronized (released) {
                if (!released[0]) {
                    released[0] = true;
                    running.decrementAndGet();
                }
            }
        };
        SliceScheduler.Handle handle = scheduler.submit(owner, () -> {
            boolean keepGoing = false;
            try {
                boolean more = !stopped.get() && work.advance(properties.sliceMillis()) && System.currentTimeMillis() < end;
                long now = System.currentTimeMillis();
                if (!more || now - lastFrame[0] >= properties.frameMillis()) {
                    lastFrame[0] = now;
                    frames.accept(work.frame());
                }
                keepGoing = more;
                return more;
            } finally {
                if (!keepGoing) {
                    release.run();
                }
            }
        });
        return new Run() {
            @Override
            public void stop() {
                stopped.set(true);
                handle.cancel();
                release.run();
            }

            @Override
            public boolean isOver() {
                return handle.isDone();
            }
        };
    }
}
