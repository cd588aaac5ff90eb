package org.nnlab.engine.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The helper threads behind {@link Parallelism#forEach}: a fixed team of daemon threads, one fewer than
 * the cores, each with a slot that a caller fills with a {@link Job}.
 * <p>
 * Why not an executor: a training step of a small network hands work over a dozen times or more, and
 * waking a sleeping thread takes tens of microseconds, as long as a whole small product. So a helper
 * that has finished keeps looking at its slot for {@link #SPIN_NANOS} before it goes to sleep, and a
 * caller that has done its share looks for the helpers' results the same way before it sleeps; during
 * a training step they seldom sleep. Past that short while both sleep, so a process that is not
 * computing loses no more than that much CPU time per pause. (Yielding the core while checking was
 * tried: on a machine with far more threads than cores it made the scheduler run us much less.)
 * <p>
 * A helper takes the job out of its slot as it starts on it. A caller fills an empty slot, or one still
 * holding an earlier job whose tasks have all been claimed: a helper that was woken for that job and had
 * not yet started (the caller finished it alone) would otherwise be passed over for the next call too,
 * and back-to-back calls would run on one thread until it caught up. The caller does every task nobody
 * else has claimed, so a busy team (another job, a nested call) only means the caller works alone; it
 * never waits for a helper to become free. Handing over allocates nothing: each calling thread keeps its last {@link Job} and fills
 * it again once every helper that took it has let go of it (it keeps a second one for when a helper is
 * still leaving the first; only when both are still held does it make a new one).
 */
final class KernelThreads {
    /** How long an idle helper, or a caller waiting for helpers, keeps checking before it sleeps. */
    static final long SPIN_NANOS = 50_000;

    private static final VarHandle SLOT;

    static {
        try {
            SLOT = MethodHandles.lookup().findVarHandle(Helper.class, "job", Job.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Helper[] helpers;

    KernelThreads(int count) {
        helpers = new Helper[count];
        for (int i = 0; i < count; i++) {
            helpers[i] = new Helper();
            Thread t = new Thread(helpers[i]::loop, "nnlab-kernel-" + (i + 1));
            t.setDaemon(true);
            // Below normal, like the server's training workers, whatever thread first used the team: the
            // helpers do training's share of the products, and requests should get a core before them.
            t.setPriority(Thread.NORM_PRIORITY - 1);
            helpers[i].thread = t;
            t.start();
        }
    }

    /** Runs the job with up to {@code extra} helpers besides the calling thread, and returns when all its tasks are done. */
    void run(Job job, int extra) {
        for (int i = 0; i < helpers.length && extra > 0; i++) {
            Helper h = helpers[i];
            Job waiting = h.job;
            if (h.thread == Thread.currentThread() || (waiting != null && !waiting.exhausted())) {
                continue;
            }
            job.attach(1);
            if (SLOT.compareAndSet(h, waiting, job)) {
                if (waiting != null) {
                    waiting.attach(-1); // the helper never took it: its hold goes with it out of the slot
                }
                extra--;
                if (h.sleeping) {
                    LockSupport.unpark(h.thread);
                }
            } else {
                job.attach(-1);
            }
        }
        job.work();
        job.awaitDone();
    }

    /** One helper thread and its slot. */
    private static final class Helper {
        volatile Job job;
        volatile boolean sleeping;
        Thread thread;

        void loop() {
            long idleSince = System.nanoTime();
            while (true) {
                Job j = (Job) SLOT.getAndSet(this, null);
                if (j != null) {
                    j.work();
                    // the last touch: from here on the caller may fill the job again
                    j.attach(-1);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    sleeping = true;
                    if (job == null) {
                        LockSupport.park(this);
                    }
                    sleeping = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }

    /**
     * Tasks 0 … tasks − 1 of one {@link Parallelism#forEach} call: threads claim them one at a time in
     * order; the caller waits until every task is finished, and a failure is kept for the caller. A job
     * belongs to the thread that made it, which fills it again for its next call when it is free.
     */
    static final class Job {
        private static final VarHandle NEXT;
        private static final VarHandle UNFINISHED;
        private static final VarHandle ATTACHED;
        private static final ThreadLocal<Job> LAST = new ThreadLocal<>();

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                NEXT = l.findVarHandle(Job.class, "next", int.class);
                UNFINISHED = l.findVarHandle(Job.class, "unfinished", int.class);
                ATTACHED = l.findVarHandle(Job.class, "attached", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Thread caller = Thread.currentThread();
        private IntConsumer body;
        private int tasks;
        private boolean inUse;
        /** The thread's second kept job (set on its first). */
        private Job spare;
        private volatile int next;
        private volatile int unfinished;
        /** Helpers whose slot holds this job or that are still inside {@link #work}. */
        private volatile int attached;
        private volatile boolean callerSleeping;
        volatile Throwable failure;

        private Job() {
        }

        /**
         * The calling thread's job for {@code tasks} tasks of {@code body}: one of its two kept jobs that no
         * helper holds any longer (two, because a helper may still be leaving the last one when the next
         * call comes), else a new one for this call alone.
         */
        static Job take(int tasks, IntConsumer body) {
            Job j = LAST.get();
            if (j == null) {
                j = new Job();
                j.spare = new Job();
                LAST.set(j);
            }
            if (!j.free()) {
                j = j.spare.free() ? j.spare : new Job();
            }
            j.inUse = true;
            j.body = body;
            j.tasks = tasks;
            j.failure = null;
            j.callerSleeping = false;
            j.unfinished = tasks;
            // no helper holds the job now (none attached): handing it over through a slot publishes these
            j.next = 0;
            return j;
        }

        /** Whether every task has been claimed: a helper that takes the job now finds nothing to do. */
        boolean exhausted() {
            return next >= tasks;
        }

        private boolean free() {
            return !inUse && attached == 0;
        }

        /** Ends the caller's use of this job (its tasks are all done). */
        void release() {
            body = null;
            inUse = false;
        }

        void attach(int delta) {
            ATTACHED.getAndAdd(this, delta);
        }

        /** Claims and runs tasks until none is left. */
        void work() {
            for (int i = (int) NEXT.getAndAdd(this, 1); i < tasks; i = (int) NEXT.getAndAdd(this, 1)) {
                try {
                    if (failure == null) {
                        body.accept(i);
                    }
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    if ((int) UNFINISHED.getAndAdd(this, -1) == 1 && callerSleeping) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /** The caller, its own tasks done: waits (checking, then sleeping) until the helpers' tasks are done too. */
        void awaitDone() {
            long start = System.nanoTime();
            while (unfinished > 0 && System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            boolean interrupted = false;
            while (unfinished > 0) {
                callerSleeping = true;
                if (unfinished > 0) {
                    LockSupport.park(this);
                }
                // an interrupt ends park at once: remember it, and sleep again until the tasks are done
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                caller.interrupt();
            }
        }
    }
}
