package org.nnlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.persistence.TestPostgres;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JdbcRunJournal;
import org.nnlab.training.JobId;
import org.nnlab.training.JobState;
import org.nnlab.training.RunJournal;
import org.nnlab.training.TrainingRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs in a cluster's journal, on PostgreSQL: a node that starts ends only the runs of servers that are gone,
 * and when a member leaves, the members that remain end its runs as failed, saying why.
 */
class ClusterRunsTest {
    private static final String SCHEMA = "cluster_runs_test";

    private static JdbcClient database() {
        return JdbcClient.create(TestPostgres.freshSchema(SCHEMA));
    }

    @Test
    void aMemberThatLeavesTakesOnlyItsOwnRunsAndTheirOwnersAreToldWhy() throws Exception {
        JdbcClient jdbc = database();
        TrainingRequest request = new TrainingRequest("mlp", Presets.MLP.spec(), DataChoice.mnist(5000),
                Presets.MLP.training().optimizer(), 64, 3, 1, false, 0.1);
        List<HazelcastInstance> members = TestMembers.cluster(2);
        MemberDepartures watch = null;
        try {
            JdbcRunJournal first = new JdbcRunJournal(jdbc, new ClusterMembers(members.get(0)));
            JdbcRunJournal second = new JdbcRunJournal(jdbc, new ClusterMembers(members.get(1)));
            watch = new MemberDepartures(members.get(0), first);
            JobId onFirst = JobId.random();
            JobId onSecond = JobId.random();
            first.started(onFirst, "ann", request);
            second.started(onSecond, "bob", request);

            new JdbcRunJournal(jdbc, new ClusterMembers(members.get(0)));
            assertTrue(first.takeInterrupted("ann").isEmpty() && first.takeInterrupted("bob").isEmpty(),
                    "a node's start leaves the runs of the members that are up alone");

            members.get(1).getLifecycleService().terminate();
            List<RunJournal.InterruptedRun> told = List.of();
            for (int i = 0; i < 200 && told.isEmpty(); i++) {
                Thread.sleep(100);
                told = first.takeInterrupted("bob");
            }
            assertEquals(1, told.size(), "bob's run on the member that left ends as failed");
            assertTrue(told.getFirst().serverLeft());
            assertTrue(first.takeInterrupted("ann").isEmpty(), "ann's run on the member still up goes on");
            first.ended(onFirst, JobState.FINISHED);
            assertEquals(List.of("FINISHED", "SERVER_LEFT"),
                    jdbc.sql("SELECT outcome FROM training_run ORDER BY outcome").query(String.class).list());
        } finally {
            if (watch != null) {
                watch.close();
            }
            members.forEach(m -> m.getLifecycleService().terminate());
        }
    }
}
