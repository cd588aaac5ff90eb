package org.nnlab.workshop.challenge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.training.JobState;
import org.nnlab.training.Subscription;
import org.nnlab.training.TrainingService;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A room's challenge and leaderboard. The instructor (key checked) starts one with its objective and limits;
 * from then on every run a participant of the room finishes is judged on this server ({@link RunJudge}) and
 * kept, entered or turned away with its reason; everyone in the room hears of it through the room's events.
 */
@Service
public class ChallengeService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChallengeService.class);
    /** Runs that end this long after a challenge closed are still told why they did not enter. */
    static final Duration LATE_NOTICE = Duration.ofMinutes(10);
    public static final long MAX_PARAMETERS = 100_000_000L;
    public static final int MAX_EPOCHS = 1000;
    public static final int MAX_MINUTES = 24 * 60;

    private final ChallengeStore store;
    private final ChallengeScoring scoring;
    private final RoomService rooms;
    private final RoomEvents events;
    private final Clock clock = Clock.systemUTC();
    private final Subscription endings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "challenge-judge");
        t.setDaemon(true);
        return t;
    });

    ChallengeService(ChallengeStore store, ChallengeScoring scoring, RoomService rooms, RoomEvents events,
                     TrainingService training) {
        this.store = store;
        this.scoring = scoring;
        this.rooms = rooms;
        this.events = events;
        this.endings = training.onRunEnded(run -> {
            if (run.snapshot().state() == JobState.FINISHED) {
                Instant finished = clock.instant();
                worker.execute(() -> judge(run, finished));
            }
        });
    }

    /**
     * Starts a challenge in the room (for its instructor); one still open there closes.
     *
     * @throws LocalizedException for a wrong key or a limit out of range
     */
    public Challenge start(String roomId, String key, Challenge.Objective objective, long maxParameters, int maxEpochs,
                           int minutes) {
        rooms.requireInstructor(roomId, key);
        if (objective == null || maxParameters < 1 || maxParameters > MAX_PARAMETERS || maxEpochs < 1
                || maxEpochs > MAX_EPOCHS || minutes < 1 || minutes > MAX_MINUTES) {
            throw new LocalizedException("challenge.error.badLimits", "parameters 1 to " + MAX_PARAMETERS
                    + ", epochs 1 to " + MAX_EPOCHS + ", minutes 1 to " + MAX_MINUTES, MAX_PARAMETERS, MAX_EPOCHS,
                    MAX_MINUTES);
        }
        Challenge c = store.start(roomId, objective, maxParameters, maxEpochs, minutes, clock.instant());
        events.publish(new ChallengeChanged(roomId, ChallengeChanged.What.STARTED, ""));
        return c;
    }

    /** Closes the room's challenge now (for its instructor); its board stays. */
    public void stop(String roomId, String key) {
        rooms.requireInstructor(roomId, key);
        store.latest(roomId).ifPresent(c -> store.stop(c.id(), clock.instant()));
        events.publish(new ChallengeChanged(roomId, ChallengeChanged.What.STOPPED, ""));
    }

    /**
     * Shows an entry's network to the room (for its instructor); returns the link that opens it in Build.
     *
     * @throws LocalizedException for a wrong key or an entry not of the room's challenge
     */
    public String reveal(String roomId, String key, long entryId) {
        rooms.requireInstructor(roomId, key);
        Challenge c = store.latest(roomId).orElseThrow(ChallengeService::noSuchEntry);
        Entry e = store.entry(entryId).filter(x -> x.challengeId().equals(c.id())).orElseThrow(ChallengeService::noSuchEntry);
        store.reveal(c.id(), e.id());
        events.publish(new ChallengeChanged(roomId, ChallengeChanged.What.REVEALED, e.participantId()));
        return buildLink(e);
    }

    private static LocalizedException noSuchEntry() {
        return new LocalizedException("challenge.error.noEntry", "no such entry in the room's challenge");
    }

    /** The link that opens the entry's network in Build. */
    public static String buildLink(Entry e) {
        return SpecLinks.link("build", ModelSpec.fromJson(e.specJson()));
    }

    /** The room's newest challenge, open or closed. */
    public Optional<Challenge> current(String roomId) {
        return store.latest(roomId);
    }

    /** The ranking of the room's newest challenge (empty without one). */
    public List<Leaderboard.Row> board(String roomId) {
        return store.latest(roomId).map(c -> Leaderboard.rank(store.entries(c.id()))).orElse(List.of());
    }

    /** Every run the participant offered to the room's newest challenge, entered or not, oldest first. */
    public List<Entry> entriesOf(String roomId, String participantId) {
        return store.latest(roomId)
                .map(c -> store.entries(c.id()).stream().filter(e -> e.participantId().equals(participantId)).toList())
                .orElse(List.of());
    }

    /** The entry the instructor revealed in the room's newest challenge, if any. */
    public Optional<Entry> revealed(String roomId) {
        return store.latest(roomId).map(Challenge::revealedEntry).flatMap(store::entry);
    }

    private void judge(TrainingService.EndedRun run, Instant finished) {
        try {
            Optional<Participant> who = rooms.participantOf(run.owner());
            if (who.isEmpty()) {
                return;
            }
            Participant p = who.get();
            Optional<Challenge> challenge = store.latest(p.roomId())
                    .filter(c -> finished.isBefore(c.closesAt().plus(LATE_NOTICE)) && !finished.isBefore(c.startedAt()));
            if (challenge.isEmpty()) {
                return;
            }
            Entry e = RunJudge.judge(challenge.get(), p.id(), run, finished,
                    (r, objective) -> scoring.score(p.roomId(), r, objective));
            if (store.add(e)) {
                events.publish(new ChallengeChanged(p.roomId(), ChallengeChanged.What.ENTRY, p.id()));
            }
        } catch (RuntimeException e) {
            log.warn("run {} of {} could not be judged for a challenge", run.snapshot().id(), run.owner(), e);
        }
    }

    @Override
    public void close() {
        endings.close();
        worker.shutdownNow();
    }
}
