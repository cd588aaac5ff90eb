package org.nnlab.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nnlab.presence.PresenceTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "N people online" over all members: each member keeps its own count in a shared map under its member id
 * (written on every change and again every few seconds, with a time to live, so a member that dies without a
 * word drops out), and every member keeps a copy of the others' counts, fed by the map's events.
 */
@Component
class SharedPresence implements PresenceTally, AutoCloseable {
    static final String MAP = "nnlab-presence";
    private static final Logger log = LoggerFactory.getLogger(SharedPresence.class);
    private static final int REFRESH_SECONDS = 5;
    private static final int TTL_SECONDS = 20;

    private final HazelcastInstance hazelcast;
    private final String self;
    private final Map<String, Integer> others = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final UUID entryListener;
    private final UUID membershipListener;
    private volatile int local;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-presence");
        t.setDaemon(true);
        return t;
    });

    SharedPresence(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        this.self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        IMap<String, Integer> map = map();
        entryListener = map.addEntryListener(new Changes(), true);
        map.forEach((member, count) -> remember(member, count));
        membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String gone = event.getMember().getUuid().toString();
                forget(gone);
                try {
                    map().delete(gone);
                } catch (RuntimeException e) {
                    log.debug("Could not clear the count of a member that left", e);
                }
            }
        });
        timer.scheduleWithFixedDelay(this::write, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void publish(int count) {
        local = count;
        write();
    }

    private void write() {
        try {
            map().set(self, local, TTL_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.debug("Could not share this member's presence count (shutting down?)", e);
        }
    }

    @Override
    public int total(int localCount) {
        int sum = localCount;
        for (int count : others.values()) {
            sum += count;
        }
        return sum;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void remember(String member, Integer count) {
        if (!member.equals(self) && count != null && !count.equals(others.put(member, count))) {
            listeners.forEach(Runnable::run);
        }
    }

    private void forget(String member) {
        if (others.remove(member) != null) {
            listeners.forEach(Runnable::run);
        }
    }

    private IMap<String, Integer> map() {
        return hazelcast.getMap(MAP);
    }

    private final class Changes implements EntryAddedListener<String, Integer>, EntryUpdatedListener<String, Integer>,
            EntryRemovedListener<String, Integer>, EntryExpiredListener<String, Integer> {
        @Override
        public void entryAdded(EntryEvent<String, Integer> event) {
            remember(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, Integer> event) {
            remember(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, Integer> event) {
            forget(event.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<String, Integer> event) {
            forget(event.getKey());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            hazelcast.getCluster().removeMembershipListener(membershipListener);
            map().removeEntryListener(entryListener);
            map().delete(self);
        } catch (RuntimeException e) {
            log.debug("Could not leave the shared presence count (member already stopped)", e);
        }
    }
}
