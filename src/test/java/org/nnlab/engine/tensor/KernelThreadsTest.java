package org.nnlab.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class KernelThreadsTest {
    /**
     * A caller that finished a job alone while the helper was busy elsewhere leaves that job in the helper's
     * slot; its next call must still get the helper once it is free, not run alone because the slot looked
     * taken (back-to-back products then ran on one thread).
     */
    @Test
    void aJobLeftInTheSlotDoesNotKeepTheHelperFromTheNextCall() throws Exception {
        KernelThreads team = new KernelThreads(1);
        CountDownLatch helperBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> run(team, 2, i -> {
            if (Thread.currentThread().getName().startsWith("nnlab-kernel-")) {
                helperBusy.countDown();
            }
            await(release);
        }));
        other.start();
        assertTrue(helperBusy.await(10, TimeUnit.SECONDS), "the helper took the other caller's job");

        Set<String> ranFirst = ConcurrentHashMap.newKeySet();
        run(team, 1, i -> ranFirst.add(Thread.currentThread().getName()));
        assertEquals(Set.of(Thread.currentThread().getName()), ranFirst, "the helper was busy: the caller ran it alone");

        CyclicBarrier both = new CyclicBarrier(2);
        Thread.ofVirtual().start(() -> {
            sleep(200);
            release.countDown();
        });
        Throwable failure = run(team, 2, i -> {
            try {
                both.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("task " + i + " ran without the helper", e);
            }
        });
        assertNull(failure, "the freed helper joined the next call");
        other.join(10_000);
    }

    private static Throwable run(KernelThreads team, int tasks, IntConsumer body) {
        KernelThreads.Job job = KernelThreads.Job.take(tasks, body);
        try {
            team.run(job, 1);
            return job.failure;
        } finally {
            job.release();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
