package org.nnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The fixed set of worker threads (one per core unless {@code nnlab.training.workers} says otherwise). */
@Component
public class TrainingWorkers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TrainingWorkers.class);
    private final TrainingService service;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public TrainingWorkers(TrainingService service) {
        this.service = service;
    }

    @Override
    public synchronized void start() {
        running = true;
        int count = service.properties().workerCount();
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(this::work, "training-worker-" + (i + 1));
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            t.start();
            threads.add(t);
        }
        log.info("{} training worker thread(s) started", count);
    }

    private void work() {
        while (running) {
            try {
                service.runNextSlice(500);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("training worker survived an unexpected error", e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
