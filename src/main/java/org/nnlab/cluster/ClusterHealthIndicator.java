package org.nnlab.cluster;

import com.hazelcast.core.HazelcastInstance;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The {@code cluster} part of {@code /actuator/health}: up while this node's member runs, with how many
 * members it sees and the runs each trains. (The database has its own part, {@code db}.)
 */
@Component
class ClusterHealthIndicator extends AbstractHealthIndicator {
    private final HazelcastInstance hazelcast;
    private final MemberLoad load;
    private final boolean clustered;

    ClusterHealthIndicator(HazelcastInstance hazelcast, MemberLoad load, Environment environment) {
        super("Cluster health check failed");
        this.hazelcast = hazelcast;
        this.load = load;
        this.clustered = environment.acceptsProfiles(Profiles.of(ClusterConfiguration.PROFILE));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!hazelcast.getLifecycleService().isRunning()) {
            builder.down().withDetail("member", "stopped");
            return;
        }
        builder.up()
                // Not the cluster name: with a secret set, that name is what a member shows to join.
                .withDetail("mode", clustered ? "cluster" : "alone")
                .withDetail("members", hazelcast.getCluster().getMembers().size())
                .withDetail("member", MemberLoad.address(hazelcast.getCluster().getLocalMember()))
                .withDetail("runsPerMember", load.runsPerMember());
    }
}
