package org.nnlab.training;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The jobs this server holds, by id: from their start until they are forgotten a while after their end. A job
 * asked for by someone who does not own it is not found, as if it did not exist.
 */
final class KeptJobs {
    private final Map<JobId, TrainingJob> jobs = new ConcurrentHashMap<>();

    void add(TrainingJob job) {
        jobs.put(job.id, job);
    }

    void remove(TrainingJob job) {
        jobs.remove(job.id);
    }

    boolean holds(JobId id) {
        return id != null && jobs.containsKey(id);
    }

    /** @throws JobNotFoundException when this server holds no job {@code id} of {@code owner} */
    TrainingJob find(String owner, JobId id) {
        TrainingJob job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner.equals(owner)) {
            throw new JobNotFoundException(id);
        }
        return job;
    }

    Stream<TrainingJob> of(String owner) {
        return jobs.values().stream().filter(j -> j.owner.equals(owner));
    }

    List<TrainingJob> all() {
        return List.copyOf(jobs.values());
    }

    /** The owner's ended jobs past the newest {@code keep} of them. */
    List<TrainingJob> endedBeyond(String owner, int keep) {
        List<TrainingJob> done = of(owner).filter(j -> j.state().isFinal())
                .sorted(Comparator.comparing((TrainingJob j) -> j.created).reversed())
                .toList();
        return done.subList(Math.min(done.size(), keep), done.size());
    }
}
