package org.nnlab.reliability;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.server.VaadinSession;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap that page sessions keep, measured as a production server would hold it: used heap after full
 * collections, with the sessions kept reachable as the servlet container keeps them. Vaadin's development
 * mode records a stack trace for every component (ComponentTracker), which production mode does not; it is
 * switched off while measuring, and the changes a real server sends to the browser after each request are
 * collected, so that neither inflates the figure.
 */
final class RetainedHeap {
    private RetainedHeap() {
    }

    /**
     * Bytes held per session when {@code open} runs in each of {@code sessions} fresh sessions: the least of
     * three measurements. In a full test run, application contexts of earlier tests keep threads that may
     * allocate and hold memory while this measures, which only ever adds to a figure; what the sessions
     * themselves keep is in every measurement.
     */
    static long perSession(int sessions, Runnable newSession, Runnable open) {
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            least = Math.min(least, once(sessions, newSession, open));
        }
        return least;
    }

    private static long once(int sessions, Runnable newSession, Runnable open) {
        return withoutTracker(() -> {
            List<Object> kept = new ArrayList<>();
            long before = usedAfterGc();
            for (int i = 0; i < sessions; i++) {
                newSession.run();
                open.run();
                roundtrip();
                kept.add(VaadinSession.getCurrent());
                kept.add(UI.getCurrent());
            }
            long after = usedAfterGc();
            kept.clear();
            return (after - before) / sessions;
        });
    }

    /** Runs {@code measure} with Vaadin's development-mode component tracker off. */
    static long withoutTracker(java.util.function.LongSupplier measure) {
        Boolean tracker = trackerDisabled(Boolean.TRUE);
        try {
            return measure.getAsLong();
        } finally {
            trackerDisabled(tracker);
        }
    }

    /** Runs pending UI tasks and takes the changes a response would send, as after a real request. */
    static void roundtrip() {
        MockVaadin.clientRoundtrip(false);
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> { });
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Sets whether Vaadin's development-mode component tracker is off; returns the previous setting. */
    private static Boolean trackerDisabled(Boolean disabled) {
        try {
            Field field = ComponentTracker.class.getDeclaredField("disabled");
            field.setAccessible(true);
            Boolean previous = (Boolean) field.get(null);
            field.set(null, disabled);
            return previous;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Vaadin's ComponentTracker changed; measure heap another way", e);
        }
    }
}
