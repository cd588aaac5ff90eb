package org.nnlab.workshop;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.spec.SpecLimits;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Workshop rooms: an instructor opens one and gets its join code and a secret key; people join with the code
 * and a nickname and are known again by their browser's owner id. Every instructor action takes the key and
 * is refused unless it is the room's (see {@link #requireInstructor}); the check is made here, on the server,
 * whatever a page shows or hides. Changes are told to the room through {@link RoomEvents}.
 */
@Service
public class RoomService {
    /** Pages an instructor can give participants, by route. */
    public static final List<String> PAGES = List.of("draw", "build", "train", "labs");
    public static final Set<String> LANGUAGES = Set.of("en", "zh");
    public static final int MAX_TITLE = 120;
    public static final int MAX_ANNOUNCEMENT = 500;
    private final RoomStore store;
    private final RoomEvents events;
    private final WorkshopProperties properties;
    private final JoinCodes codes = new JoinCodes();
    private final InstructorKeys keys = new InstructorKeys();
    private final JoinLimiter limiter;

    /** {@code joinBuckets} keeps the join-attempt counts per address (shared by the nodes of a cluster). */
    public RoomService(org.springframework.jdbc.core.simple.JdbcClient jdbc, RoomEvents events, WorkshopProperties properties,
                       @Qualifier("joinBucketStore") ProxyManager<String> joinBuckets) {
        this.store = new RoomStore(jdbc);
        this.events = events;
        this.properties = properties;
        this.limiter = new JoinLimiter(joinBuckets, properties.joinAttemptsPerMinute());
    }

    public WorkshopProperties properties() {
        return properties;
    }

    /** Opens a room; the result holds the instructor's key, which is not kept here in readable form. */
    public synchronized CreatedRoom create(RoomSettings settings) {
        String title = settings.title() == null ? "" : settings.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new LocalizedException("workshop.error.title", "a room needs a title of 1 to " + MAX_TITLE + " characters", MAX_TITLE);
        }
        if (!LANGUAGES.contains(settings.language())) {
            throw new IllegalArgumentException("unknown room language " + settings.language());
        }
        if (settings.pages().isEmpty() || !PAGES.containsAll(settings.pages())) {
            throw new LocalizedException("workshop.error.pages", "choose at least one page: " + settings.pages());
        }
        String code;
        do {
            code = codes.next();
        } while (store.codeInUse(code));
        Room room = new Room(UUID.randomUUID().toString(), code, title, settings.language(), settings.pages(),
                settings.limits(), RoomState.OPEN, null, null, now(), null);
        String key = keys.next();
        store.insert(room, InstructorKeys.hash(key));
        return new CreatedRoom(room, key);
    }

    /**
     * Puts {@code owner} into the room with join code {@code code}. A call with a code no open room has counts
     * as an attempt of {@code address} (see {@link WorkshopProperties#joinAttemptsPerMinute}); once they are
     * spent, every call is refused for a while. Someone already in the room is
     * simply let in again under their nickname; anyone else needs the room open, a free place and a valid,
     * unused nickname. Joining a room leaves any other room the owner was in.
     */
    @Transactional
    public Participant join(String code, String nickname, String owner, String address) {
        requireOwner(owner);
        limiter.attempt(address);
        Room room = store.activeRoomByCode(JoinCodes.normalize(code))
                .orElseThrow(() -> new LocalizedException("workshop.join.unknownCode", "no open room has code " + code));
        limiter.rightCode(address);
        Optional<RoomStore.Row> before = store.row(room.id(), owner);
        if (before.isPresent() && RoomStore.ACTIVE.equals(before.get().status())) {
            return before.get().participant();
        }
        if (before.isPresent() && RoomStore.REMOVED.equals(before.get().status())) {
            throw new LocalizedException("workshop.join.removed", "the instructor removed this browser from the room");
        }
        if (room.state() != RoomState.OPEN) {
            throw new LocalizedException("workshop.join.locked", "the room is locked");
        }
        String name = Nicknames.check(nickname);
        if (store.activeCount(room.id()) >= properties.maxParticipants()) {
            throw new LocalizedException("workshop.join.full", "the room is full", properties.maxParticipants());
        }
        if (store.nicknameTaken(room.id(), name, null)) {
            throw new LocalizedException("workshop.nickname.taken", "someone in the room is called " + name, name);
        }
        for (Participant elsewhere : store.activeParticipations(owner)) {
            leaveRoom(elsewhere);
        }
        Participant participant;
        if (before.isPresent()) {
            store.reactivate(before.get().participant().id(), name);
            Participant old = before.get().participant();
            participant = new Participant(old.id(), old.roomId(), owner, name, old.joinedAt());
        } else {
            participant = new Participant(UUID.randomUUID().toString(), room.id(), owner, name, now());
            store.insertParticipant(participant);
        }
        afterCommit(new ParticipantChanged(room.id(), participant.id(), ParticipantChanged.Change.JOINED));
        return participant;
    }

    /** Where {@code owner} takes part now: their participation in a room not ended, if any. */
    public Optional<Participant> participantOf(String owner) {
        if (owner == null) {
            return Optional.empty();
        }
        return store.activeParticipations(owner).stream().findFirst();
    }

    /** The participant with this id while they take part, whatever room. */
    public Optional<Participant> participant(String participantId) {
        return store.activeParticipant(participantId);
    }

    public Optional<Room> room(String roomId) {
        return store.room(roomId);
    }

    /** The people taking part in the room now, in the order they joined. */
    public List<Participant> participants(String roomId) {
        return store.activeParticipants(roomId);
    }

    /** Everyone who ever joined the room, in it now or gone (left or removed), in the order they joined. */
    public List<RoomMember> members(String roomId) {
        return store.rows(roomId).stream().map(r -> new RoomMember(r.participant(), switch (r.status()) {
            case RoomStore.REMOVED -> RoomMember.Standing.REMOVED;
            case RoomStore.LEFT -> RoomMember.Standing.LEFT;
            default -> RoomMember.Standing.IN;
        })).toList();
    }

    /** The room, not ended, that the instructor removed {@code owner} from, if any (the latest joined). */
    public Optional<Room> removedFrom(String owner) {
        if (owner == null) {
            return Optional.empty();
        }
        return store.roomsRemovedFrom(owner).stream().findFirst().flatMap(store::room);
    }

    /** Everyone who took part in the room, also those who left, with their results: for reading and export. */
    public List<ParticipantResult> results(String roomId) {
        return store.results(roomId);
    }

    /** The results of the room as CSV, for its instructor (also after the room has ended, until it is deleted). */
    public String resultsCsv(String roomId, String key) {
        requireInstructor(roomId, key);
        return ResultsCsv.write(store.results(roomId));
    }

    /** Takes {@code owner} out of the room they are in (their results stay with the room); nothing if none. */
    public void leave(String owner) {
        participantOf(owner).ifPresent(this::leaveRoom);
    }

    private void leaveRoom(Participant participant) {
        store.setStatus(participant.id(), RoomStore.LEFT);
        afterCommit(new ParticipantChanged(participant.roomId(), participant.id(), ParticipantChanged.Change.LEFT));
    }

    /**
     * Publishes {@code event} once the transaction in progress has committed (at once outside one): a page that
     * hears of a join reads the room again, and read before the commit it would miss the newcomer and show the
     * room without them until the next event (a CI run's instructor grid waited 30 s for one).
     */
    private void afterCommit(RoomEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publish(event);
                }
            });
        } else {
            events.publish(event);
        }
    }

    /**
     * Refuses unless {@code key} is the instructor key of {@code roomId}. An unknown room and a wrong key get
     * the same answer, so a refusal tells nothing about which rooms exist.
     */
    public void requireInstructor(String roomId, String key) {
        String hash = roomId == null ? null : store.keyHash(roomId).orElse(null);
        if (!InstructorKeys.matches(key, hash)) {
            throw new LocalizedException("workshop.error.notInstructor", "only the room's instructor may do this");
        }
    }

    /** The room, for its instructor (checks the key). */
    public Room roomForInstructor(String roomId, String key) {
        requireInstructor(roomId, key);
        return store.room(roomId).orElseThrow();
    }

    public Room lock(String roomId, String key) {
        return changeState(roomId, key, RoomState.LOCKED);
    }

    public Room unlock(String roomId, String key) {
        return changeState(roomId, key, RoomState.OPEN);
    }

    /** Ends the room: nobody is in it any more; its results stay readable for the configured days. */
    public Room end(String roomId, String key) {
        return changeState(roomId, key, RoomState.ENDED);
    }

    private Room changeState(String roomId, String key, RoomState state) {
        Room room = activeRoomForInstructor(roomId, key);
        store.setState(roomId, state, state == RoomState.ENDED ? now() : null);
        events.publish(new RoomChanged(roomId, RoomChanged.What.STATE));
        return store.room(room.id()).orElseThrow();
    }

    public Participant rename(String roomId, String key, String participantId, String nickname) {
        Participant p = participantInRoom(roomId, key, participantId);
        String name = Nicknames.check(nickname);
        if (store.nicknameTaken(roomId, name, participantId)) {
            throw new LocalizedException("workshop.nickname.taken", "someone in the room is called " + name, name);
        }
        store.rename(participantId, name);
        events.publish(new ParticipantChanged(roomId, participantId, ParticipantChanged.Change.RENAMED));
        return new Participant(p.id(), p.roomId(), p.owner(), name, p.joinedAt());
    }

    /** Takes a participant out of the room for good: they cannot join it again from the same browser. */
    public void remove(String roomId, String key, String participantId) {
        participantInRoom(roomId, key, participantId);
        store.setStatus(participantId, RoomStore.REMOVED);
        events.publish(new ParticipantChanged(roomId, participantId, ParticipantChanged.Change.REMOVED));
    }

    /** Shows {@code text} on every participant's screen; a blank text takes the announcement down. */
    public void announce(String roomId, String key, String text) {
        activeRoomForInstructor(roomId, key);
        String announcement = text == null ? "" : text.strip();
        if (announcement.length() > MAX_ANNOUNCEMENT) {
            throw new LocalizedException("workshop.error.announcementTooLong", "an announcement has at most "
                    + MAX_ANNOUNCEMENT + " characters", MAX_ANNOUNCEMENT);
        }
        store.setAnnouncement(roomId, announcement.isEmpty() ? null : announcement);
        events.publish(new RoomChanged(roomId, RoomChanged.What.ANNOUNCEMENT));
    }

    /**
     * Asks participants' screens to follow the instructor to {@code route} (a lab page, or a step in it), or
     * stops leading when it is null.
     */
    public void follow(String roomId, String key, String route) {
        activeRoomForInstructor(roomId, key);
        if (route != null && (route.length() > 200 || !route.matches("labs(/[a-z0-9-]+)*(\\?[a-z]+=[a-z0-9-]+)?"))) {
            throw new IllegalArgumentException("participants follow only to a lab page: " + route);
        }
        store.setFollowRoute(roomId, route);
        events.publish(new RoomChanged(roomId, RoomChanged.What.FOLLOW));
    }

    /**
     * Sends a training setup to everyone in the room (it replaces the one sent before). It must keep to the
     * room's limits, which the server would hold each participant's run to anyway.
     */
    public void pushSetup(String roomId, String key, RoomSetup setup) {
        Room room = activeRoomForInstructor(roomId, key);
        RoomLimits limits = room.limits();
        if (setup.epochs() > limits.maxEpochs()) {
            throw new LocalizedException("workshop.run.tooManyEpochs", "the room allows at most " + limits.maxEpochs()
                    + " epochs", setup.epochs(), limits.maxEpochs());
        }
        long parameters = SpecLimits.DEFAULT.read(setup.specJson()).paramCount();
        if (parameters > limits.maxParameters()) {
            throw new LocalizedException("workshop.run.tooManyParameters", "the room allows at most "
                    + limits.maxParameters() + " parameters", parameters, limits.maxParameters());
        }
        store.setSetup(roomId, setup.toJson());
        events.publish(new RoomChanged(roomId, RoomChanged.What.SETUP));
    }

    /** The setup the instructor sent last, if any. */
    public Optional<RoomSetup> setup(String roomId) {
        return store.setup(roomId).map(RoomSetup::fromJson);
    }

    /** Counts a finished run of a participant and keeps it as their best if it is. */
    public void recordFinishedRun(Participant participant, double accuracy, String network) {
        store.recordRun(participant.id(), accuracy, network, now());
        events.publish(new ParticipantChanged(participant.roomId(), participant.id(), ParticipantChanged.Change.RUN));
    }

    /** Deletes rooms ended longer ago than {@link WorkshopProperties#keepEndedDays}; returns how many. */
    @Scheduled(fixedDelayString = "${nnlab.workshop.sweep-minutes:60}", initialDelay = 1,
            timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    public int deleteExpiredRooms() {
        return store.deleteEndedBefore(now().minus(Duration.ofDays(properties.keepEndedDays())));
    }

    private Room activeRoomForInstructor(String roomId, String key) {
        Room room = roomForInstructor(roomId, key);
        if (!room.isActive()) {
            throw new LocalizedException("workshop.error.ended", "the room has ended");
        }
        return room;
    }

    private Participant participantInRoom(String roomId, String key, String participantId) {
        activeRoomForInstructor(roomId, key);
        return store.activeParticipant(participantId).filter(p -> p.roomId().equals(roomId))
                .orElseThrow(() -> new LocalizedException("workshop.error.noParticipant", "no such participant in the room"));
    }

    /** Now, to the millisecond: what every database keeps of a time. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a participant is an owner");
        }
    }
}
