package org.nnlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.training.JobId;
import org.nnlab.training.JobNotFoundException;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.RunPlacement;
import org.nnlab.training.Subscription;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.TrainingService;
import org.nnlab.training.WorkingTraining;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Training runs over two real Hazelcast members, each with its own training service on its own worker: a new
 * run goes to the member with more room, and everything about it (progress, owner checks, stop, the end when
 * its member leaves) works from the member that started it.
 */
class ClusterPlacementTest {
    private static final TrainingProperties ONE_WORKER = new TrainingProperties(1, 50, 8, 3, 40, 5, 1000, 50_000_000, 5, 3, 120);
    private final List<HazelcastInstance> members = TestMembers.cluster(2);
    private final Node first = new Node(members.get(0));
    private final Node second = new Node(members.get(1));

    /** One node: a member, its training service, and the placement that service asks. */
    private static final class Node implements AutoCloseable {
        final WorkingTraining training;
        final ClusterPlacement placement;

        Node(HazelcastInstance member) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            training = new WorkingTraining(ONE_WORKER, WorkingTraining.syntheticData(), beans.getBeanProvider(RunPlacement.class));
            placement = new ClusterPlacement(member, training.service());
            beans.addBean("placement", placement);
        }

        TrainingService service() {
            return training.service();
        }

        int runs() {
            return service().activeRuns() + service().waitingRuns();
        }

        @Override
        public void close() {
            placement.close();
            training.close();
        }
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void aRunGoesToTheMemberWithMoreRoomAndItsOwnerFollowsAndStopsItFromTheOther() throws Exception {
        JobId busy = first.service().start("ann", WorkingTraining.syntheticRequest(50_000, 100)).id();
        assertEquals(1, first.runs(), "with equal room a run stays on the member that serves its page");

        JobId id = first.service().start("bob", WorkingTraining.syntheticRequest(50_000, 100)).id();
        assertEquals(1, second.runs(), "the second run goes to the member with no run");
        assertEquals(1, first.runs());

        List<JobSnapshot> seen = new CopyOnWriteArrayList<>();
        Subscription feed = first.service().subscribe("bob", id, seen::add);
        waitFor(() -> seen.stream().anyMatch(s -> s.step() > 0 && s.state() == JobState.RUNNING), "progress from the other member");
        assertEquals(id, first.service().jobsOf("bob").getFirst().id(), "the owner's page finds the run on the other member");

        assertThrows(JobNotFoundException.class, () -> first.service().stop("eve", id), "only the owner may stop it");
        assertThrows(JobNotFoundException.class, () -> first.service().snapshot("eve", id), "or see it");
        assertThrows(JobNotFoundException.class, () -> second.service().pause("eve", id));

        first.service().stop("bob", id);
        waitFor(() -> !seen.isEmpty() && seen.getLast().state() == JobState.CANCELLED, "the end of the stopped run");
        assertEquals(JobState.CANCELLED, second.service().snapshot("bob", id).state());
        feed.close();
        waitFor(() -> second.runs() == 0, "the member's room after the run ended");
        first.service().stop("ann", busy);
    }

    @Test
    void aRunOnAMemberThatLeavesFailsOnThePageThatFollowsItAndSaysWhy() throws Exception {
        first.service().start("ann", WorkingTraining.syntheticRequest(50_000, 100));
        JobId id = first.service().start("bob", WorkingTraining.syntheticRequest(50_000, 100)).id();
        assertEquals(1, second.runs());
        List<JobSnapshot> seen = new CopyOnWriteArrayList<>();
        first.service().subscribe("bob", id, seen::add);
        waitFor(() -> seen.stream().anyMatch(s -> s.step() > 0), "progress from the other member");

        second.placement.close();
        members.get(1).getLifecycleService().terminate();
        waitFor(() -> seen.getLast().isFinal(), "the end of the run whose member left");
        JobSnapshot last = seen.getLast();
        assertEquals(JobState.FAILED, last.state());
        assertEquals("train.cluster.serverLeft", last.message().key());
        assertTrue(last.step() > 0, "the last progress seen is kept");
        assertTrue(first.service().jobsOf("bob").isEmpty(), "the lost run is not offered any more");
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
