package org.nnlab.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.tensor.Tensor;

/**
 * {@code bench --profile}: one training step taken layer by layer as {@link Sequential} takes it, with
 * the wall time and the process CPU time of every layer's forward and backward pass, of the loss and of
 * the optimizer step. CPU time over wall time says how many cores a part kept busy: about the thread
 * count for a well-split kernel, about 1 for a part that runs on one thread, below 1 where the process
 * waited (for a helper thread, or for a core another process held).
 */
final class LayerProfile {
    private static final OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private static final long MIN_TIMED_NANOS = 50_000_000L;

    private final List<Layer> layers;
    /** Per part: wall and CPU nanoseconds; parts are forward of each layer, backward of each, loss, update. */
    private final long[] wall;
    private final long[] cpu;
    private int batches;

    LayerProfile(Sequential model) {
        this.layers = model.layers();
        this.wall = new long[2 * layers.size() + 2];
        this.cpu = new long[wall.length];
    }

    /** One training step on batch {@code x} with labels {@code y}; returns the loss. */
    double step(Sequential model, Optimizer opt, SoftmaxCrossEntropy lossFn, Tensor x, int[] y, Tensor grad) {
        int n = layers.size();
        Tensor h = x;
        for (int i = 0; i < n; i++) {
            long w = System.nanoTime();
            long c = OS.getProcessCpuTime();
            h = layers.get(i).forward(h, Mode.TRAIN);
            add(i, w, c);
        }
        long w = System.nanoTime();
        long c = OS.getProcessCpuTime();
        double loss = lossFn.evaluate(h, y, grad);
        model.zeroGrad();
        add(2 * n, w, c);
        Tensor g = grad;
        for (int i = n - 1; i >= 0; i--) {
            w = System.nanoTime();
            c = OS.getProcessCpuTime();
            g = layers.get(i).backward(g, i > 0);
            add(n + i, w, c);
        }
        w = System.nanoTime();
        c = OS.getProcessCpuTime();
        opt.step(model.params());
        add(2 * n + 1, w, c);
        batches++;
        return loss;
    }

    private void add(int part, long wallStart, long cpuStart) {
        cpu[part] += OS.getProcessCpuTime() - cpuStart;
        wall[part] += System.nanoTime() - wallStart;
    }

    void print(PrintStream out) {
        long total = 0;
        for (long t : wall) {
            total += t;
        }
        out.printf(Locale.ROOT, "profile over %d batches: ms per batch (share of the step), cores busy%n", batches);
        out.printf(Locale.ROOT, "  %-34s %17s %17s%n", "layer", "forward", "backward");
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            out.printf(Locale.ROOT, "  %-34s %s %s%n", shorten(layers.get(i).toString()), cell(i, total),
                    cell(n + i, total));
        }
        out.printf(Locale.ROOT, "  %-34s %s%n", "loss + zero gradients", cell(2 * n, total));
        out.printf(Locale.ROOT, "  %-34s %s%n", "optimizer step", cell(2 * n + 1, total));
        out.printf(Locale.ROOT, "  %-34s %7.3f ms  %.2f cores%n", "whole step", total / 1e6 / batches,
                cores(sum(cpu), total));
    }

    /** Wall ms per batch, share of the step and cores busy; the CPU clock is too coarse for parts under 50 ms in all. */
    private String cell(int part, long total) {
        String busy = wall[part] < MIN_TIMED_NANOS ? "   -" : String.format(Locale.ROOT, "%4.2f", cores(cpu[part], wall[part]));
        return String.format(Locale.ROOT, "%7.3f (%4.1f%%) %s", wall[part] / 1e6 / batches,
                100.0 * wall[part] / total, busy);
    }

    private static double cores(long cpuNanos, long wallNanos) {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    private static String shorten(String s) {
        return s.length() <= 34 ? s : s.substring(0, 33) + "…";
    }
}
