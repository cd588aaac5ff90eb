package org.nnlab.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.nnlab.training.JobId;
import org.nnlab.training.JobNotFoundException;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.RunPlacement;
import org.nnlab.training.Subscription;
import org.nnlab.training.TrainingRefusedException;
import org.nnlab.training.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Training runs over the members of a cluster. Each member writes its training room into a shared map (its
 * worker threads and the runs that use them: running and waiting), at once when a run starts or ends here and
 * every two seconds anyway. A new run goes to the member where it would get the largest share of a worker
 * (workers ÷ (runs + 1)); on a tie it stays on the member that serves the page, which costs no network hop.
 * The run is started there through Hazelcast's executor, and every later call about it (pause, stop, snapshot,
 * the model) goes the same way, so the owner check is made by the member that holds the run. A shared map
 * says which member trains which run, so any member can find it (a browser moved to another node after a
 * failure, a room's page). Snapshots come back on a topic per run ({@link RunFeeds}).
 * <p>
 * When a member leaves, its runs are lost: its entries leave the maps, pages that follow one of them get a
 * final "failed" snapshot that says why, and {@link MemberDepartures} ends them in the run journal.
 */
@Component
@Profile(ClusterConfiguration.PROFILE)
class ClusterPlacement implements RunPlacement, AutoCloseable {
    static final String ROOM = "nnlab-training-room";
    static final String PLACES = "nnlab-run-places";
    static final String EXECUTOR = "nnlab-training";
    static final String CONTEXT_KEY = "nnlab.cluster.placement";
    private static final Logger log = LoggerFactory.getLogger(ClusterPlacement.class);
    private static final int REFRESH_SECONDS = 2;
    private static final int ROOM_TTL_SECONDS = 15;
    private static final int CALL_SECONDS = 30;

    /** A member's training room: its worker threads and the runs that share them (running or waiting). */
    record Room(int workers, int runs) implements Serializable {
        /** The share of a worker a new run would get there. */
        double share() {
            return workers / (runs + 1.0);
        }
    }

    /** Where a run trains: its owner and the id of the member that holds it. */
    record Place(String owner, String member) implements Serializable {
    }

    final HazelcastInstance hazelcast;
    final TrainingService training;
    final RunFeeds feeds;
    private final String self;
    private final UUID membership;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-training-room");
        t.setDaemon(true);
        return t;
    });

    ClusterPlacement(HazelcastInstance hazelcast, TrainingService training) {
        this.hazelcast = hazelcast;
        this.training = training;
        this.self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.feeds = new RunFeeds(this);
        hazelcast.getUserContext().put(CONTEXT_KEY, this);
        membership = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                left(event.getMember().getUuid().toString());
            }
        });
        timer.scheduleWithFixedDelay(this::publishRoom, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public Elsewhere forNewRun() {
        Set<Member> members = hazelcast.getCluster().getMembers();
        if (members.size() < 2) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        members.forEach(m -> ids.add(m.getUuid().toString()));
        Map<String, Room> rooms = rooms().getAll(ids);
        Member best = null;
        double bestShare = room().share();
        for (Member member : members) {
            Room room = rooms.get(member.getUuid().toString());
            if (!member.localMember() && room != null && room.share() > bestShare) {
                best = member;
                bestShare = room.share();
            }
        }
        return best == null ? null : new On(best);
    }

    @Override
    public Elsewhere holding(JobId id) {
        Place place = places().get(id.value());
        if (place == null || place.member().equals(self)) {
            return null;
        }
        Member member = member(place.member());
        return member == null ? null : new On(member);
    }

    @Override
    public List<JobSnapshot> elsewhere(String owner) {
        List<JobSnapshot> found = new ArrayList<>();
        for (Map.Entry<String, Place> entry : places().entrySet(e -> owner.equals(e.getValue().owner()))) {
            Member member = member(entry.getValue().member());
            if (member == null || member.localMember()) {
                continue;
            }
            JobId id = new JobId(entry.getKey());
            try {
                found.add(new On(member).call(s -> s.snapshot(owner, id)));
            } catch (JobNotFoundException forgotten) {
                places().delete(entry.getKey());
            } catch (TrainingRefusedException gone) {
                log.debug("member {} did not answer for run {}", MemberLoad.address(member), id, gone);
            }
        }
        return found;
    }

    @Override
    public void started(String owner, JobId id) {
        places().set(id.value(), new Place(owner, self));
        publishRoom();
    }

    @Override
    public void ended(JobId id) {
        publishRoom();
    }

    @Override
    public void forgotten(JobId id) {
        feeds.forget(id);
        places().delete(id.value());
    }

    /** A member that left: its room and its runs go from the maps, pages following its runs are told. */
    private void left(String member) {
        try {
            rooms().delete(member);
            places().removeAll(e -> member.equals(e.getValue().member()));
        } catch (RuntimeException e) {
            log.debug("could not clear the runs of member {} that left", member, e);
        }
        feeds.memberLeft(member);
    }

    /** This member's room now. */
    private Room room() {
        return new Room(training.properties().workerCount(), training.activeRuns() + training.waitingRuns());
    }

    private void publishRoom() {
        try {
            rooms().set(self, room(), ROOM_TTL_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.debug("could not share this member's training room (shutting down?)", e);
        }
    }

    /** Runs {@code task} on {@code member}; what it throws there is thrown here. */
    <T> T run(Member member, RunTask<T> task) {
        try {
            return hazelcast.getExecutorService(EXECUTOR).submitToMember(task, member).get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (MemberLeftException e) {
            throw memberGone(member, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MemberLeftException || cause instanceof TargetNotMemberException
                    || cause instanceof HazelcastInstanceNotActiveException) {
                throw memberGone(member, cause);
            }
            if (cause instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw new IllegalStateException("a training call on member " + MemberLoad.address(member) + " failed", cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("member " + MemberLoad.address(member) + " did not answer within "
                    + CALL_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for member " + MemberLoad.address(member), e);
        }
    }

    private static TrainingRefusedException memberGone(Member member, Throwable cause) {
        TrainingRefusedException gone = new TrainingRefusedException("train.cluster.memberGone",
                "member " + MemberLoad.address(member) + " left the cluster");
        gone.initCause(cause);
        return gone;
    }

    private Member member(String id) {
        for (Member member : hazelcast.getCluster().getMembers()) {
            if (member.getUuid().toString().equals(id)) {
                return member;
            }
        }
        return null;
    }

    private IMap<String, Room> rooms() {
        return hazelcast.getMap(ROOM);
    }

    private IMap<String, Place> places() {
        return hazelcast.getMap(PLACES);
    }

    /** Another member, as the training service here talks to it. */
    private final class On implements Elsewhere {
        private final Member member;

        On(Member member) {
            this.member = member;
        }

        @Override
        public <T> T call(Call<T> call) {
            return run(member, new RunTask<>(placement -> call.apply(placement.training)));
        }

        @Override
        public Subscription subscribe(String owner, JobId id, Consumer<JobSnapshot> consumer) {
            return feeds.subscribe(member, owner, id, consumer);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        feeds.close();
        try {
            hazelcast.getCluster().removeMembershipListener(membership);
            rooms().delete(self);
        } catch (RuntimeException e) {
            log.debug("could not leave the training maps (member already stopped)", e);
        }
    }
}
