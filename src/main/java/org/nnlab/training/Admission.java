package org.nnlab.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.TrainingMemory;

/**
 * Who may train now. A run needs a place (up to {@code maxActive} runs hold one) and its estimated training
 * memory ({@link #memoryNeeded}) within {@link TrainingProperties#totalLimitBytes}; runs that cannot have
 * both wait in a first-come queue (up to {@code maxQueued}); one person may have {@code runningPerUser} runs
 * going. A run holds its memory from its admission to
 * its end, also while paused; a paused run gives its place to the first waiting run. Thread-safe; its lock
 * is taken last (it calls nothing outside while holding it).
 */
final class Admission {
    private final TrainingProperties properties;
    private final Set<TrainingJob> placed = new HashSet<>();
    private final ArrayDeque<TrainingJob> waiting = new ArrayDeque<>();
    /** The memory each run that holds some was given, from its admission to its end. */
    private final Map<TrainingJob, Long> reserved = new HashMap<>();
    private long reservedBytes;
    /** Runs not ended yet, by owner. */
    private final Map<String, Integer> going = new HashMap<>();
    /** Runs their owner has stopped that have not ended yet: they no longer count as the owner's. */
    private final java.util.Set<TrainingJob> stopping = new java.util.HashSet<>();

    Admission(TrainingProperties properties) {
        this.properties = properties;
    }

    /**
     * Checks every field of the request against this server's limits, and returns the memory the run will
     * need on its {@code trainingSize} samples (asked for after the request's own fields are checked).
     */
    long check(TrainingRequest request, java.util.function.IntSupplier trainingSize) {
        RequestChecks.check(request, properties);
        long parameters;
        try {
            request.spec().validate();
            parameters = request.spec().paramCount();
        } catch (SpecException e) {
            throw new TrainingRefusedException("train.error.invalidSpec", e.getMessage(), e.explanation());
        }
        if (parameters > properties.maxParameters()) {
            throw new TrainingRefusedException("train.error.tooManyParameters", "the network has " + parameters
                    + " parameters; the limit is " + properties.maxParameters(), parameters, properties.maxParameters());
        }
        int[] stack = request.pretrains() ? LayerwisePretraining.hiddenSizes(request.spec()) : new int[0];
        int size = trainingSize.getAsInt();
        long samples = (long) size * (request.epochs() + (long) request.pretrainEpochs() * stack.length);
        if (samples > properties.maxSamples()) {
            throw new TrainingRefusedException("train.error.tooManySamples", "the run would train on " + samples
                    + " samples (samples × epochs); the limit is " + properties.maxSamples(), samples, properties.maxSamples());
        }
        long memory = memoryNeeded(request, size);
        long limit = properties.runLimitBytes();
        if (memory > limit) {
            throw new TrainingRefusedException("train.error.tooMuchMemory", "the run needs about "
                    + MemorySize.format(memory) + " to train; the limit per run is " + MemorySize.format(limit),
                    MemorySize.format(memory), MemorySize.format(limit));
        }
        return memory;
    }

    /**
     * The memory a run of {@code request} on {@code size} training samples holds, in bytes: the engine's
     * {@link TrainingMemory} estimate at the batch it will really use (and the shorter last batch of each epoch),
     * its records, and its own copies of data
     * (index lists of its samples; the images themselves when they are the owner's drawings).
     */
    static long memoryNeeded(TrainingRequest request, int size) {
        int trained = Math.max(1, request.trainedSamples(size));
        int batch = Math.max(1, Math.min(request.batchSize(), trained));
        long model = TrainingMemory.of(request.spec(), batch, trained % batch, optimizerCopies(request.optimizer())).total();
        // the job's own records: histories (up to 3,000 points with per-layer figures), pictures, confusion matrix
        long records = 2L * 1024 * 1024;
        // the subset, the training part and each epoch's order are index lists of the samples
        long data = 3L * size * Integer.BYTES;
        if (request.data().isDrawings()) {
            // the drawings are read from the database and copied once into the data set
            data += 2L * size * request.spec().input().size() * Float.BYTES;
        }
        long pretraining = request.pretrains() ? LayerwisePretraining.memoryNeeded(request.spec(), size) : 0;
        return model + records + data + pretraining;
    }

    /** Values per parameter the optimizer keeps: SGD none (one with momentum), RMSprop one, Adam two. */
    static int optimizerCopies(OptimizerConfig optimizer) {
        return switch (optimizer.kind()) {
            case SGD -> optimizer.momentum() > 0 ? 1 : 0;
            case RMSPROP -> 1;
            case ADAM -> 2;
        };
    }

    /**
     * A new run: true when it has a place (and its memory) now, false when it waits in the queue.
     *
     * @throws TrainingRefusedException when its owner has as many runs going as allowed, or it would have to
     *                                  wait and the queue is full
     */
    synchronized boolean enter(TrainingJob job) {
        int owned = going.getOrDefault(job.owner, 0);
        if (owned >= properties.runningPerUser()) {
            throw new TrainingRefusedException("train.error.tooManyRunning", "you already have " + owned
                    + " training job(s) going; the limit is " + properties.runningPerUser(), properties.runningPerUser());
        }
        boolean now = waiting.isEmpty() && fits(job);
        if (!now && waiting.size() >= properties.maxQueued()) {
            throw new TrainingRefusedException("train.error.queueFull",
                    "the server is busy: " + waiting.size() + " jobs are waiting already", waiting.size());
        }
        going.merge(job.owner, 1, Integer::sum);
        if (now) {
            place(job);
            return true;
        }
        waiting.addLast(job);
        return false;
    }

    /**
     * Its owner stopped the run, which ends at its next turn: from now on it does not count among the owner's
     * runs, so they may start the next one at once (its memory and place it holds until it has ended).
     */
    synchronized void stopping(TrainingJob job) {
        if ((placed.contains(job) || waiting.contains(job) || reserved.containsKey(job)) && stopping.add(job)) {
            going.computeIfPresent(job.owner, (owner, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** A paused run goes on: true when a place is free (its memory it holds still), else it waits first in line. */
    synchronized boolean resume(TrainingJob job) {
        if (fits(job)) {
            placed.add(job);
            return true;
        }
        waiting.addFirst(job);
        return false;
    }

    /**
     * The run gives up its place (paused) or everything it holds (ended); the waiting runs that fit then, in
     * queue order while the first of them fits, get places. Returns them (to be started), followed by the
     * runs still waiting when anybody moved up (their positions changed).
     */
    synchronized Moves leave(TrainingJob job, boolean ended) {
        placed.remove(job);
        if (ended) {
            waiting.remove(job);
            if (!stopping.remove(job)) {
                going.computeIfPresent(job.owner, (owner, n) -> n > 1 ? n - 1 : null);
            }
            Long held = reserved.remove(job);
            reservedBytes -= held == null ? 0 : held;
        }
        List<TrainingJob> admitted = new ArrayList<>();
        while (!waiting.isEmpty() && fits(waiting.getFirst())) {
            TrainingJob next = waiting.removeFirst();
            place(next);
            admitted.add(next);
        }
        return new Moves(admitted, admitted.isEmpty() ? List.of() : List.copyOf(waiting));
    }

    record Moves(List<TrainingJob> admitted, List<TrainingJob> stillWaiting) {
    }

    /** 1 for the next run to get a place, 0 when the run is not waiting. */
    synchronized int position(TrainingJob job) {
        int i = 0;
        for (TrainingJob w : waiting) {
            i++;
            if (w == job) {
                return i;
            }
        }
        return 0;
    }

    /** The memory held by the runs that hold some (running, paused, or waiting again after a pause), in bytes. */
    synchronized long reservedBytes() {
        return reservedBytes;
    }

    /** Runs that hold a place now (paused runs hold none). */
    synchronized int placesTaken() {
        return placed.size();
    }

    synchronized List<TrainingJob> waitingJobs() {
        return List.copyOf(waiting);
    }

    private boolean fits(TrainingJob job) {
        return placed.size() < properties.maxActive()
                && (reserved.containsKey(job) || reservedBytes + job.memoryBytes <= properties.totalLimitBytes());
    }

    private void place(TrainingJob job) {
        if (!reserved.containsKey(job)) {
            reserved.put(job, job.memoryBytes);
            reservedBytes += job.memoryBytes;
        }
        placed.add(job);
    }
}
