package org.nnlab.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.UUID;
import org.nnlab.training.JdbcRunJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a member leaves the cluster (stopped, crashed, cut off), the runs it was training are lost with it: the
 * members that remain end them in the run journal as failed because their server left, so that each owner is
 * told so on their next visit to Train, on whatever node serves them. What was saved (models, drawings, rooms)
 * is in the database and stays.
 */
@Component
class MemberDepartures implements MembershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MemberDepartures.class);
    private final HazelcastInstance hazelcast;
    private final JdbcRunJournal journal;
    private final UUID registration;

    MemberDepartures(HazelcastInstance hazelcast, JdbcRunJournal journal) {
        this.hazelcast = hazelcast;
        this.journal = journal;
        this.registration = hazelcast.getCluster().addMembershipListener(this);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        int ended = journal.memberLeft(event.getMember().getUuid().toString());
        log.warn("Member {} left the cluster; {} of its training run(s) ended as failed", MemberLoad.address(event.getMember()), ended);
    }

    @Override
    public void close() {
        try {
            hazelcast.getCluster().removeMembershipListener(registration);
        } catch (RuntimeException e) {
            log.debug("Could not remove the membership listener (member already stopped)", e);
        }
    }
}
