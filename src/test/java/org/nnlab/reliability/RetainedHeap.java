package org.nnlab.reliability;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.server.VaadinSession;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
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
     * Bytes a page keeps per session beyond what {@code baseline} keeps: for each of {@code open} and
     * {@code baseline}, the least of three measurements of {@code sessions} fresh sessions, subtracted.
     * <p>
     * Every mock session comes with its own servlet and Vaadin service (route registry, deployment
     * configuration, request handlers), reachable from the session, where a real server shares one among all
     * sessions; measured alone that adds about 2 MB to every session. Measuring the same number of sessions
     * on a baseline page and subtracting leaves what the page itself keeps. In a full test run, application
     * contexts of earlier tests keep threads that may allocate while this measures: that adds to a heap reading
     * taken before the sessions as much as to one taken after, so a measurement may come out too high or too
     * low. The median of three of each is taken (the least of three, taken before, picked the baseline's
     * lowest measurement and so raised the difference: a CI run read 2.6 MB for a page that keeps none).
     */
    /* The last session opened is one of {@code open}'s, so a caller may go on to check that page. */
    static long perSession(int sessions, Runnable newSession, Runnable open, Runnable baseline) {
        long[] page = new long[3];
        long[] base = new long[3];
        for (int attempt = 0; attempt < 3; attempt++) {
            base[attempt] = once(sessions, newSession, baseline);
            page[attempt] = once(sessions, newSession, open);
        }
        return (median(page) - median(base)) / sessions;
    }

    private static long median(long[] three) {
        long[] sorted = three.clone();
        Arrays.sort(sorted);
        return sorted[1];
    }

    /**
     * Bytes held by {@code sessions} sessions, each opened with {@code open}. The heap is measured before in a
     * fresh session that becomes the first measured one, so that the session left by earlier work is already
     * gone: counting it in the figure before and not after would take a whole session off the figure.
     */
    private static long once(int sessions, Runnable newSession, Runnable open) {
        return withoutTracker(() -> {
            List<Object> kept = new ArrayList<>();
            newSession.run();
            roundtrip();
            long before = usedAfterGc();
            for (int i = 0; i < sessions; i++) {
                if (i > 0) {
                    newSession.run();
                }
                open.run();
                roundtrip();
                kept.add(VaadinSession.getCurrent());
                kept.add(UI.getCurrent());
            }
            long after = usedAfterGc();
            kept.clear();
            return after - before;
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

    /**
     * Used heap after full collections, the least of five readings each taken right after one. Threads that
     * allocate meanwhile (other tests' application contexts in a full run) each take a fresh allocation buffer
     * that counts as used in full; that only ever adds to a reading, so the least reading is the nearest.
     */
    static long usedAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
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
