package org.nnlab.presence;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/**
 * Counts the pages open on this server and tells every open page when the count changes. Listeners
 * are called on a background thread (never on the caller's), one change at a time, so that a slow
 * page cannot hold up the one that joined.
 */
@Service
public class PresenceService implements AutoCloseable {
    private final AtomicInteger online = new AtomicInteger();
    private final Set<IntConsumer> listeners = new CopyOnWriteArraySet<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "presence-notifier");
        t.setDaemon(true);
        return t;
    });

    /** Counts one more open page and subscribes it; closing the result counts it out again. */
    public AutoCloseable join(IntConsumer onCountChanged) {
        listeners.add(onCountChanged);
        online.incrementAndGet();
        announce();
        return () -> {
            if (listeners.remove(onCountChanged)) {
                online.decrementAndGet();
                announce();
            }
        };
    }

    public int online() {
        return online.get();
    }

    private void announce() {
        notifier.execute(() -> {
            int count = online.get();
            listeners.forEach(l -> l.accept(count));
        });
    }

    @Override
    public void close() {
        notifier.shutdownNow();
    }
}
