package org.nnlab.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nnlab.training.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every member's training load, shared: each member writes how many runs it trains now into a map, every two
 * seconds, under its own id and with a time to live, so a member that died drops out of the map by itself.
 * The metric {@code nnlab.cluster.member.runs} (tagged with this member's address) gives the same figure to a
 * metrics system that scrapes each node.
 */
@Component
class MemberLoad implements AutoCloseable {
    static final String MAP = "nnlab-member-runs";
    private static final Logger log = LoggerFactory.getLogger(MemberLoad.class);
    private static final int REFRESH_SECONDS = 2;
    private static final int TTL_SECONDS = 15;

    private final HazelcastInstance hazelcast;
    private final TrainingService training;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-member-load");
        t.setDaemon(true);
        return t;
    });

    MemberLoad(HazelcastInstance hazelcast, TrainingService training, MeterRegistry registry) {
        this.hazelcast = hazelcast;
        this.training = training;
        Gauge.builder("nnlab.cluster.member.runs", training, TrainingService::activeRuns)
                .description("Runs training on this member now")
                .tag("member", address(hazelcast.getCluster().getLocalMember()))
                .register(registry);
        timer.scheduleWithFixedDelay(this::publish, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    private void publish() {
        try {
            runs().put(localId(), training.activeRuns(), TTL_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.debug("Could not publish this member's load (shutting down?)", e);
        }
    }

    /** Runs per member now, by member address, in the cluster's member order; a member yet to report shows 0. */
    Map<String, Integer> runsPerMember() {
        Map<String, Integer> all = runs().getAll(memberIds());
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Member member : hazelcast.getCluster().getMembers()) {
            result.put(address(member), all.getOrDefault(member.getUuid().toString(), 0));
        }
        return result;
    }

    private java.util.Set<String> memberIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        hazelcast.getCluster().getMembers().forEach(m -> ids.add(m.getUuid().toString()));
        return ids;
    }

    static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    private String localId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    private IMap<String, Integer> runs() {
        return hazelcast.getMap(MAP);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
