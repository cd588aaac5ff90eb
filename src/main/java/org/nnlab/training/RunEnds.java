package org.nnlab.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who wants to hear when any run ends (finished, failed or cancelled), whoever owns it: a workshop room
 * scores its participants' runs this way. Listeners are told on the worker that ended the run and must
 * hand longer work to a thread of their own.
 */
final class RunEnds {
    private static final Logger log = LoggerFactory.getLogger(RunEnds.class);
    private final List<Consumer<TrainingService.EndedRun>> listeners = new CopyOnWriteArrayList<>();

    Subscription add(Consumer<TrainingService.EndedRun> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void tell(TrainingService.EndedRun run) {
        for (Consumer<TrainingService.EndedRun> listener : listeners) {
            try {
                listener.accept(run);
            } catch (RuntimeException e) {
                log.warn("a listener failed on the end of run {}", run.snapshot().id(), e);
            }
        }
    }
}
