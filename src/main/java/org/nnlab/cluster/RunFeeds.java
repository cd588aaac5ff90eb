package org.nnlab.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.topic.ITopic;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.nnlab.engine.text.Message;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of runs that one member trains, for pages on others. The member that trains a run relays its feed
 * (already thinned to {@code updatesPerSecond}) onto a topic of that run alone, from the first time another
 * member asks until the run is forgotten; only members with a page that listens receive it. A member that asks
 * checks the owner there first, and gives its page the snapshot of that moment before the topic's.
 */
final class RunFeeds {
    private static final Logger log = LoggerFactory.getLogger(RunFeeds.class);
    private static final String TOPIC_PREFIX = "nnlab-run-";
    private final ClusterPlacement placement;
    /** On the member that trains: the runs it relays, by id. */
    private final Map<JobId, Subscription> relays = new ConcurrentHashMap<>();
    /** On a member that asked: its pages' subscriptions to runs on other members. */
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    RunFeeds(ClusterPlacement placement) {
        this.placement = placement;
    }

    /** As {@link org.nnlab.training.TrainingService#subscribe}, for the owner's run {@code id} on {@code member}. */
    Subscription subscribe(Member member, String owner, JobId id, Consumer<JobSnapshot> consumer) {
        JobSnapshot now = placement.run(member, new RunTask<>(p -> p.feeds.relay(owner, id)));
        Listener listener = new Listener(member.getUuid().toString(), topic(id), consumer);
        listener.deliver(now);
        if (!now.isFinal() && listener.open()) {
            listeners.add(listener);
            listener.registration = listener.topic.addMessageListener(m -> listener.deliver(m.getMessageObject()));
            if (!listener.open()) {
                listener.close(); // closed while it registered: unregister now
            } else {
                placement.run(member, new RunTask<>(p -> p.feeds.republish(owner, id)));
            }
        }
        return listener::close;
    }

    /** On the member that trains the run: relays its snapshots (once), and returns the current one (owner checked). */
    JobSnapshot relay(String owner, JobId id) {
        JobSnapshot now = placement.training.snapshot(owner, id);
        relays.computeIfAbsent(id, key -> {
            ITopic<JobSnapshot> topic = topic(key);
            return placement.training.subscribe(owner, key, topic::publish);
        });
        return now;
    }

    /** On the member that trains the run: the current snapshot once more on the topic, for a page that just came. */
    Boolean republish(String owner, JobId id) {
        topic(id).publish(placement.training.snapshot(owner, id));
        return Boolean.TRUE;
    }

    /** The run is forgotten here: its relay and its topic go. */
    void forget(JobId id) {
        Subscription relay = relays.remove(id);
        if (relay != null) {
            relay.close();
            topic(id).destroy();
        }
    }

    /** Pages following runs on a member that left get a last snapshot: the run failed, and why. */
    void memberLeft(String member) {
        for (Listener listener : listeners) {
            if (listener.member.equals(member)) {
                JobSnapshot last = listener.last;
                if (last != null && !last.isFinal()) {
                    listener.deliver(failed(last));
                }
                listener.close();
            }
        }
    }

    static JobSnapshot failed(JobSnapshot s) {
        return new JobSnapshot(s.id(), s.networkName(), JobState.FAILED, 0, Message.of("train.cluster.serverLeft"),
                s.step(), s.epoch(), s.epochs(), s.progress(), Double.NaN, Double.NaN, s.parameters(), s.created(),
                s.layerNames(), s.train(), s.epochHistory(), s.health(), s.visuals(), s.confusion(),
                s.bestValidationAccuracy(), s.bestEpoch());
    }

    private ITopic<JobSnapshot> topic(JobId id) {
        return placement.hazelcast.getTopic(TOPIC_PREFIX + id.value());
    }

    void close() {
        relays.values().forEach(Subscription::close);
        relays.clear();
        listeners.forEach(Listener::close);
    }

    /** A page's subscription to a run on another member. */
    private final class Listener {
        final String member;
        final ITopic<JobSnapshot> topic;
        private final Consumer<JobSnapshot> consumer;
        volatile UUID registration;
        volatile JobSnapshot last;
        private volatile boolean closed;

        Listener(String member, ITopic<JobSnapshot> topic, Consumer<JobSnapshot> consumer) {
            this.member = member;
            this.topic = topic;
            this.consumer = consumer;
        }

        boolean open() {
            return !closed;
        }

        synchronized void deliver(JobSnapshot snapshot) {
            if (closed) {
                return;
            }
            last = snapshot;
            try {
                consumer.accept(snapshot);
            } catch (RuntimeException e) {
                log.debug("a subscriber of run {} failed; it is removed", snapshot.id(), e);
                close();
                return;
            }
            if (snapshot.isFinal()) {
                close();
            }
        }

        void close() {
            closed = true;
            listeners.remove(this);
            UUID id = registration;
            if (id != null) {
                try {
                    topic.removeMessageListener(id);
                } catch (RuntimeException e) {
                    log.debug("could not stop listening to run {} (member stopping?)", topic.getName(), e);
                }
            }
        }
    }
}
