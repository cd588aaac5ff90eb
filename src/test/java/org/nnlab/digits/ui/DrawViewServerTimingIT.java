package org.nnlab.digits.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.digits.Strokes;

/**
 * Not a timed assertion: prints the server's time per stroke in the view itself (decode, preprocess,
 * CNN, bars, 28×28 input, and every layer picture, which follows by push and is timed when it runs), wall and CPU, median and 95th percentile of 300
 * strokes after 200 warm-up strokes, without a browser or network in the way.
 */
class DrawViewServerTimingIT extends KaribuSpringTest {
    @Test
    void printsTheServerTimePerStrokeInTheView() {
        UI.getCurrent().navigate("draw");
        DrawDigitView view = (DrawDigitView) UI.getCurrent().getCurrentView();
        DrawingPad pad = view.pad();
        VaadinSession session = VaadinSession.getCurrent();
        String[] drawings = {DrawingPad.encode(Strokes.one(112)), DrawingPad.encode(Strokes.zero(112))};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] wall = new double[300];
        double[] cpuMs = new double[300];
        for (int i = -200; i < wall.length; i++) {
            StrokeEndEvent e = new StrokeEndEvent(pad, true, drawings[Math.floorMod(i, 2)], i + 1000, -1);
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ComponentUtil.fireEvent(pad, e);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            awaitQueuedPictures(session);
            long c2 = cpu.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            session.getService().runPendingAccessTasks(session);
            long t3 = System.nanoTime();
            long c3 = cpu.getCurrentThreadCpuTime();
            if (i >= 0) {
                wall[i] = (t1 - t0 + t3 - t2) / 1e6;
                cpuMs[i] = (c1 - c0 + c3 - c2) / 1e6;
            }
        }
        assertEquals(i0(view), "0");
        Arrays.sort(wall);
        Arrays.sort(cpuMs);
        System.out.printf(Locale.ROOT, "DRAW LATENCY view handler, CNN with layer pictures: wall median %.2f ms, p95 %.2f ms;"
                + " CPU median %.2f ms, p95 %.2f ms; load average %.1f%n", wall[150], wall[284], cpuMs[150], cpuMs[284],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The layer pictures follow the answer by push: waits (not timed) until their task is queued, at most
     * 100 ms (a newer drawing may have replaced it: then nothing is queued for this one).
     */
    private static void awaitQueuedPictures(VaadinSession session) {
        long deadline = System.nanoTime() + 100_000_000L;
        while (session.getPendingAccessQueue().isEmpty() && System.nanoTime() < deadline) {
            session.unlock();
            Thread.onSpinWait();
            session.lock();
        }
    }

    private static String i0(DrawDigitView view) {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("prediction")).getText();
    }
}
