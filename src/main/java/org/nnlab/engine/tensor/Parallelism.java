package org.nnlab.engine.tensor;

import java.util.function.IntConsumer;

/**
 * How many threads the engine's kernels ({@link MatMul}, convolution and pooling loops) may use, set
 * per job. A job binds its count for the code it runs:
 * <pre>{@code
 * Parallelism.withThreads(2, () -> trainer.run());          // this job's kernels use 2 threads
 * int acc = Parallelism.withThreads(1, () -> evaluate());   // a value-returning variant
 * }</pre>
 * Outside such a call the count is every core the JVM sees ({@link #defaultThreads()}). The binding
 * holds for the calling thread during the call, nested calls may override it, and it ends with the
 * call, so two jobs on two threads never see each other's setting. It lives in a slot of the calling
 * thread, set on entry and restored on exit, so binding allocates nothing (a bidirectional layer binds
 * each direction's half of the threads twice per batch; a {@link ScopedValue} carrier per binding was
 * most of what a training batch allocated). Threads started inside the call do not inherit it.
 * <p>
 * The threads themselves are one shared team of daemon helpers ({@link KernelThreads}, one per core
 * besides the caller's) that stay ready for a short while between pieces of work; the calling thread
 * always does a share of the work itself, so {@code withThreads(1, …)} never leaves the caller, and
 * when the helpers are busy with another job the caller simply does all of it.
 * Small pieces of work should not be split at all: callers decide with {@link #threadsFor(long)}.
 */
public final class Parallelism {
    /** The calling thread's bound count, 0 when none is bound. */
    private static final ThreadLocal<int[]> THREADS = ThreadLocal.withInitial(() -> new int[1]);

    /** Below about this many floating-point operations per thread, splitting costs more than it saves. */
    public static final long MIN_FLOPS_PER_THREAD = 1L << 19;

    /** One helper thread per core besides the caller's, shared by every job. */
    private static final KernelThreads HELPERS = new KernelThreads(Math.max(1, defaultThreads() - 1));

    private Parallelism() {
    }

    /** Every core the JVM sees. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The thread count bound for the current call, or {@link #defaultThreads()} when none is. */
    public static int threads() {
        int bound = THREADS.get()[0];
        return bound > 0 ? bound : defaultThreads();
    }

    /** Runs {@code body} with kernels limited to {@code threads} threads. */
    public static void withThreads(int threads, Runnable body) {
        int[] slot = THREADS.get();
        int outer = slot[0];
        slot[0] = check(threads);
        try {
            body.run();
        } finally {
            slot[0] = outer;
        }
    }

    /** Runs {@code body} with kernels limited to {@code threads} threads and returns its result. */
    public static <T, X extends Throwable> T withThreads(int threads, ScopedValue.CallableOp<T, X> body) throws X {
        int[] slot = THREADS.get();
        int outer = slot[0];
        slot[0] = check(threads);
        try {
            return body.call();
        } finally {
            slot[0] = outer;
        }
    }

    /** How many threads a piece of work of {@code flops} operations should use under the current setting. */
    public static int threadsFor(long flops) {
        long byWork = Math.max(1, flops / MIN_FLOPS_PER_THREAD);
        return (int) Math.min(threads(), byWork);
    }

    /**
     * Runs {@code body.accept(i)} for every i in [0, tasks) on up to {@code threads} threads (the caller
     * is one of them) and returns when all are done. Tasks are claimed one at a time, in order, by
     * whichever thread is free, and the caller waits only for tasks that were started: a helper thread
     * that wakes up late (on a busy machine) finds nothing left, and the caller has done the work
     * itself instead of waiting for it. An exception in any task is rethrown here.
     */
    public static void forEach(int tasks, int threads, IntConsumer body) {
        int t = Math.min(tasks, Math.max(1, threads));
        if (t <= 1) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        KernelThreads.Job job = KernelThreads.Job.take(tasks, body);
        Throwable f;
        try {
            HELPERS.run(job, t - 1);
            f = job.failure;
        } finally {
            job.release();
        }
        if (f instanceof RuntimeException r) {
            throw r;
        } else if (f instanceof Error err) {
            throw err;
        } else if (f != null) {
            throw new IllegalStateException("a kernel thread failed", f);
        }
    }

    /**
     * Where piece {@code i} of {@code pieces} equal pieces of {@code total} values starts: on a whole cache
     * line (16 floats), so two threads never write one line; piece {@code pieces} starts at the total.
     */
    public static long pieceStart(long total, int i, int pieces) {
        return i == pieces ? total : total * i / pieces & ~15L;
    }

    private static int check(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the number of threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
