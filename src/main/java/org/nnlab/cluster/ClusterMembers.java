package org.nnlab.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.Set;
import java.util.stream.Collectors;
import org.nnlab.training.TrainingMembers;
import org.springframework.stereotype.Component;

/** The servers that train, as the cluster knows them: this member's id and the ids of the members up now. */
@Component
class ClusterMembers implements TrainingMembers {
    private final HazelcastInstance hazelcast;

    ClusterMembers(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public String self() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public Set<String> live() {
        return hazelcast.getCluster().getMembers().stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
    }
}
