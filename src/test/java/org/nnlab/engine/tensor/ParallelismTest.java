package org.nnlab.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelismTest {
    @Test
    void runsEveryTaskExactlyOnce() {
        AtomicIntegerArray seen = new AtomicIntegerArray(100);
        Parallelism.forEach(100, 3, i -> seen.incrementAndGet(i));
        for (int i = 0; i < 100; i++) {
            assertEquals(1, seen.get(i), "task " + i);
        }
    }

    @Test
    void rethrowsATaskFailure() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallelism.forEach(8, 2, i -> {
            if (i == 5) {
                throw new IllegalStateException("task 5 failed");
            }
        }));
        assertEquals("task 5 failed", e.getMessage());
    }

    @Test
    void bindingIsPerCallAndNests() {
        assertEquals(Parallelism.defaultThreads(), Parallelism.threads());
        Parallelism.withThreads(2, () -> {
            assertEquals(2, Parallelism.threads());
            Parallelism.withThreads(1, () -> assertEquals(1, Parallelism.threads()));
            assertEquals(2, Parallelism.threads());
        });
        assertEquals(1, Parallelism.withThreads(5, () -> Parallelism.threadsFor(1000)));
        assertEquals(5, Parallelism.withThreads(5, () -> Parallelism.threadsFor(Long.MAX_VALUE)));
    }
}
