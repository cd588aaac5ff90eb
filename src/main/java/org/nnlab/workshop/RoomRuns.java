package org.nnlab.workshop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.RunObserver;
import org.nnlab.training.Subscription;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.springframework.stereotype.Service;

/**
 * The training runs of people in rooms, whichever page starts them: a run is held to the room's limits
 * (epochs, parameters, runs going at once in the room) before it starts, then followed, so the instructor
 * sees its state, progress and accuracy, and a finished run's accuracy is kept with the participant's results.
 */
@Service
public class RoomRuns implements RunObserver {
    private final RoomService rooms;
    private final TrainingService training;
    private final RoomEvents events;
    private final Map<String, Followed> byParticipant = new ConcurrentHashMap<>();
    /**
     * Runs let through {@link #beforeStart} that have not been reported {@link #started} yet, by participant, with
     * their room and when: they count towards the room's share, so two starts at once cannot both take its last
     * place. One the server then refused is forgotten after {@link #PENDING_NANOS}.
     */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private static final long PENDING_NANOS = 5_000_000_000L;

    private record Pending(String roomId, long since) {
    }

    private record Followed(String roomId, RunStatus status, Subscription subscription) {
    }

    public RoomRuns(RoomService rooms, TrainingService training, RoomEvents events) {
        this.rooms = rooms;
        this.training = training;
        this.events = events;
    }

    @Override
    public void beforeStart(String owner, TrainingRequest request) {
        Optional<Participant> participant = rooms.participantOf(owner);
        if (participant.isEmpty()) {
            return;
        }
        Room room = rooms.room(participant.get().roomId()).orElseThrow();
        RoomLimits limits = room.limits();
        if (request.epochs() > limits.maxEpochs()) {
            throw new LocalizedException("workshop.run.tooManyEpochs", "the room allows at most " + limits.maxEpochs()
                    + " epochs", request.epochs(), limits.maxEpochs());
        }
        long parameters;
        try {
            parameters = request.spec().paramCount();
        } catch (SpecException invalid) {
            return; // the training service says what is wrong with it
        }
        if (parameters > limits.maxParameters()) {
            throw new LocalizedException("workshop.run.tooManyParameters", "the room allows at most "
                    + limits.maxParameters() + " parameters", parameters, limits.maxParameters());
        }
        takePlace(participant.get(), room.id());
    }

    /** Counts the run towards the room's share, or refuses it when the room's runs already take all of it. */
    private synchronized void takePlace(Participant participant, String roomId) {
        int cap = rooms.properties().maxConcurrentRunsPerRoom();
        long now = System.nanoTime();
        pending.values().removeIf(p -> now - p.since() > PENDING_NANOS);
        long going = byParticipant.entrySet().stream()
                .filter(e -> e.getValue().roomId().equals(roomId) && !e.getValue().status().state().isFinal()
                        && !pending.containsKey(e.getKey()))
                .count()
                + pending.values().stream().filter(p -> p.roomId().equals(roomId)).count();
        if (going >= cap) {
            throw new LocalizedException("workshop.run.roomBusy", going + " runs of the room are going; the limit is " + cap, cap);
        }
        pending.put(participant.id(), new Pending(roomId, now));
    }

    @Override
    public void started(String owner, JobSnapshot job) {
        rooms.participantOf(owner).ifPresent(p -> follow(p, owner, job));
    }

    private void follow(Participant participant, String owner, JobSnapshot job) {
        pending.remove(participant.id());
        Followed before = byParticipant.remove(participant.id());
        if (before != null && before.subscription() != null) {
            before.subscription().close();
        }
        byParticipant.put(participant.id(), new Followed(participant.roomId(), status(participant, job), null));
        Subscription subscription = training.subscribe(owner, job.id(), s -> update(participant, s));
        byParticipant.computeIfPresent(participant.id(), (id, f) -> f.status().state().isFinal() ? f
                : new Followed(f.roomId(), f.status(), subscription));
        events.publish(new ParticipantChanged(participant.roomId(), participant.id(), ParticipantChanged.Change.RUN));
    }

    private void update(Participant participant, JobSnapshot s) {
        Followed f = byParticipant.computeIfPresent(participant.id(),
                (id, old) -> new Followed(old.roomId(), status(participant, s), old.subscription()));
        if (f == null) {
            return;
        }
        if (s.isFinal()) {
            if (f.subscription() != null) {
                f.subscription().close();
            }
            if (s.state() == org.nnlab.training.JobState.FINISHED && !Double.isNaN(f.status().accuracy())) {
                rooms.recordFinishedRun(participant, f.status().accuracy(), s.networkName());
                return; // that tells the room
            }
        }
        events.publish(new ParticipantChanged(participant.roomId(), participant.id(), ParticipantChanged.Change.RUN));
    }

    /** The participant's current or last run since this server started, if any. */
    public Optional<RunStatus> run(String participantId) {
        return Optional.ofNullable(byParticipant.get(participantId)).map(Followed::status);
    }

    private static RunStatus status(Participant participant, JobSnapshot s) {
        return new RunStatus(participant.id(), s.networkName(), s.state(), s.progress(), accuracy(s));
    }

    /** The latest accuracy of a run: its last epoch's validation accuracy, else its training batches' mean. */
    static double accuracy(JobSnapshot s) {
        List<JobSnapshot.EpochPoint> epochs = s.epochHistory();
        if (!epochs.isEmpty() && !Double.isNaN(epochs.getLast().validationAccuracy())) {
            return epochs.getLast().validationAccuracy();
        }
        return s.train().isEmpty() ? Double.NaN : s.train().getLast().accuracy();
    }
}
