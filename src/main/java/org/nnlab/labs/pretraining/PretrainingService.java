package org.nnlab.labs.pretraining;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.training.SliceScheduler;
import org.nnlab.training.TrainingData;
import org.springframework.stereotype.Service;

/**
 * Opens the pretraining lab's live work: a page's RBM ({@link RbmSession}) and its DBN experiment
 * ({@link DbnExperiment}). Both run as slices of the {@link SliceScheduler}, the worker threads and round-robin
 * line that training runs use, so many pages share the server fairly; a page closes what it opened when it goes.
 */
@Service
public class PretrainingService {
    private final PretrainingProperties settings;
    private final SliceScheduler scheduler;
    private final TrainingData data;
    private final Set<RbmSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<DbnExperiment> experiments = ConcurrentHashMap.newKeySet();

    public PretrainingService(PretrainingProperties settings, SliceScheduler scheduler, TrainingData data) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.data = data;
    }

    /**
     * A new untrained RBM for {@code owner}'s page; its pictures go to {@code frames}, its Gibbs chains to
     * {@code dreams} (both called on a worker thread). Nothing runs until the page asks.
     *
     * @throws LocalizedException when {@code maxSessions} are open already
     */
    public RbmSession openRbm(String owner, Consumer<RbmFrame> frames, Consumer<GibbsFrame> dreams) {
        if (sessions.size() >= settings.maxSessions()) {
            throw new LocalizedException("error.busy", "pretraining lab RBMs at the limit of " + settings.maxSessions());
        }
        RbmSession session = new RbmSession(this, owner, frames, dreams);
        sessions.add(session);
        return session;
    }

    /**
     * Starts the DBN experiment for {@code owner}; where it is goes to {@code states} (on a worker thread).
     *
     * @throws LocalizedException when {@code maxExperiments} run already
     */
    public DbnExperiment startExperiment(String owner, Consumer<ExperimentState> states) {
        experiments.removeIf(DbnExperiment::isDone);
        if (experiments.size() >= settings.maxExperiments()) {
            throw new LocalizedException("error.busy", "DBN experiments at the limit of " + settings.maxExperiments());
        }
        DbnExperiment experiment = new DbnExperiment(this, owner, states);
        experiments.add(experiment);
        return experiment;
    }

    /** Live RBMs and running experiments now. */
    public int openCount() {
        experiments.removeIf(DbnExperiment::isDone);
        return sessions.size() + experiments.size();
    }

    public PretrainingProperties settings() {
        return settings;
    }

    SliceScheduler scheduler() {
        return scheduler;
    }

    TrainingData data() {
        return data;
    }

    void closed(RbmSession session) {
        sessions.remove(session);
    }

    void closed(DbnExperiment experiment) {
        experiments.remove(experiment);
    }
}
