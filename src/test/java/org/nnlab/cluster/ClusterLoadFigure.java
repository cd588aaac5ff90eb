package org.nnlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nnlab.training.JobId;
import org.nnlab.training.RunPlacement;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.TrainingService;
import org.nnlab.training.WorkingTraining;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The figure "runs per member under a 60-run load on 2 local nodes": two Hazelcast members in one JVM, each with
 * its own training service on one worker, and 60 people starting a run each, 20 a second. First the balancer
 * spreads the people evenly (starts alternate between the nodes), then it puts them all on node 1 (the worst
 * case for a node that kept its runs). Prints the runs per member, how long a start took (on the node itself
 * and on the other one) and how many snapshots a page on the other node received. Run it alone:
 * {@code mvn -o test -Dtest=ClusterLoadFigure -Dnnlab.figures=true}.
 */
@EnabledIfSystemProperty(named = "nnlab.figures", matches = "true")
class ClusterLoadFigure {
    private static final TrainingProperties ONE_WORKER = new TrainingProperties(1, 50, 8, 3, 40, 5, 1000, 50_000_000, 5, 3, 120);
    private static final int RUNS = 60;

    @Test
    void sixtyRunsOnTwoNodes() throws Exception {
        measure("starts spread over both nodes", i -> i % 2);
        measure("all starts on node 1", i -> 0);
    }

    private void measure(String scenario, java.util.function.IntUnaryOperator entry) throws Exception {
        List<HazelcastInstance> members = TestMembers.cluster(2);
        List<WorkingTraining> nodes = new ArrayList<>();
        List<ClusterPlacement> placements = new ArrayList<>();
        for (HazelcastInstance member : members) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            WorkingTraining training = new WorkingTraining(ONE_WORKER, WorkingTraining.syntheticData(),
                    beans.getBeanProvider(RunPlacement.class));
            ClusterPlacement placement = new ClusterPlacement(member, training.service());
            beans.addBean("placement", placement);
            nodes.add(training);
            placements.add(placement);
        }
        try {
            Thread.sleep(3000); // both members have shared their room once
            long[][] startNanos = {new long[RUNS], new long[RUNS]};
            int[] startCount = new int[2];
            List<JobId> ids = new ArrayList<>();
            AtomicInteger snapshots = new AtomicInteger();
            for (int i = 0; i < RUNS; i++) {
                WorkingTraining node = nodes.get(entry.applyAsInt(i));
                TrainingService via = node.service();
                int before = runs(node);
                long t0 = System.nanoTime();
                JobId id = via.start("person-" + i, WorkingTraining.syntheticRequest(50_000, 100)).id();
                long took = System.nanoTime() - t0;
                int kind = runs(node) > before ? 0 : 1;
                startNanos[kind][startCount[kind]++] = took;
                ids.add(id);
                via.subscribe("person-" + i, id, s -> snapshots.incrementAndGet());
                Thread.sleep(50);
            }
            int[] runs = {runs(nodes.get(0)), runs(nodes.get(1))};
            long window = System.nanoTime();
            int before = snapshots.get();
            Thread.sleep(5000);
            double perSecond = (snapshots.get() - before) / ((System.nanoTime() - window) / 1e9);
            int bytes = serializedSize(nodes.get(entry.applyAsInt(0)).service().snapshot("person-0", ids.getFirst()));
            System.out.printf("%s: runs per member %d / %d; start here p50 %.1f ms p95 %.1f ms (%d), on the other"
                            + " member p50 %.1f ms p95 %.1f ms (%d); snapshots to pages %.0f/s for %d runs, %d bytes each%n",
                    scenario, runs[0], runs[1], percentile(startNanos[0], startCount[0], 50),
                    percentile(startNanos[0], startCount[0], 95), startCount[0],
                    percentile(startNanos[1], startCount[1], 50), percentile(startNanos[1], startCount[1], 95),
                    startCount[1], perSecond, RUNS, bytes);
            assertEquals(RUNS, runs[0] + runs[1]);
            assertTrue(Math.abs(runs[0] - runs[1]) <= 2, "runs per member " + runs[0] + " / " + runs[1]);
            for (int i = 0; i < RUNS; i++) {
                nodes.get(entry.applyAsInt(i)).service().stop("person-" + i, ids.get(i));
            }
        } finally {
            placements.forEach(ClusterPlacement::close);
            nodes.forEach(WorkingTraining::close);
            members.forEach(m -> m.getLifecycleService().terminate());
        }
    }

    private static int serializedSize(Object o) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }

    private static int runs(WorkingTraining node) {
        return node.service().activeRuns() + node.service().waitingRuns();
    }

    private static double percentile(long[] nanos, int count, int p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)] / 1e6;
    }
}
