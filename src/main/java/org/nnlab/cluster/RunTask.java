package org.nnlab.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Work sent to one member through the cluster's executor: it runs there, with that member's
 * {@link ClusterPlacement} (found in the member's user context), and what it returns is sent back.
 */
final class RunTask<T> implements Callable<T>, Serializable, HazelcastInstanceAware {
    /** What to do on the member; a lambda of this type travels with its captured values. */
    interface Work<T> extends Function<ClusterPlacement, T>, Serializable {
    }

    private final Work<T> work;
    private transient HazelcastInstance hazelcast;

    RunTask(Work<T> work) {
        this.work = work;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public T call() {
        Object placement = hazelcast.getUserContext().get(ClusterPlacement.CONTEXT_KEY);
        if (!(placement instanceof ClusterPlacement here)) {
            throw new IllegalStateException("this member places no training runs (is it started without the profile 'cluster'?)");
        }
        return work.apply(here);
    }
}
