package org.nnlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nnlab.engine.rbm.ContrastiveDivergence;
import org.nnlab.engine.rbm.Rbm;
import org.nnlab.engine.rbm.RbmConfig;
import org.nnlab.engine.rbm.Uniforms;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The {@code rbm} workload of {@code bench}: an RBM of 784 visible and 500 hidden units trained by CD-1
 * (learning rate 0.1, momentum 0.5, weight decay 0.0002) on synthetic MNIST-shaped grey images, timed per
 * update including the copy of the batch. Same protocol as the other workloads: warm-up on a throw-away RBM,
 * then 3 runs on fresh ones, median samples/s.
 */
final class RbmBench {
    static final String NAME = "rbm";
    static final int VISIBLE = 784;
    static final int HIDDEN = 500;
    private static final int RUNS = 3;
    private static final int POOL = 4096;

    private final int batch;
    private final float[] images = new float[POOL * VISIBLE];

    RbmBench(int batch) {
        this.batch = batch;
        SplittableRandom rng = new SplittableRandom(2026);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) rng.nextDouble();
        }
    }

    void run(int samples, double warmupSeconds, PrintStream out) {
        out.printf(Locale.ROOT, "bench rbm: CD-1 %d -> %d, batch %d, threads %d, %d samples per run%n", VISIBLE, HIDDEN,
                batch, Parallelism.threads(), samples);
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        ContrastiveDivergence warm = trainer(1);
        int warmBatches = 0;
        while (System.nanoTime() < until || warmBatches < 20) {
            train(warm, batch);
            warmBatches++;
        }
        out.printf(Locale.ROOT, "warm-up: %d batches in %.1f s%n", warmBatches, warmupSeconds);
        double[] rates = new double[RUNS];
        double[] perCpu = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            ContrastiveDivergence cd = trainer(100 + r);
            BenchCommand.CpuUse cpu = BenchCommand.CpuUse.start();
            long t0 = System.nanoTime();
            double error = train(cd, samples);
            double seconds = (System.nanoTime() - t0) / 1e9;
            rates[r] = samples / seconds;
            perCpu[r] = samples / cpu.ownSeconds();
            out.printf(Locale.ROOT, "run %d: %.0f samples/s (%.3f s), last batch reconstruction error %.4f%s%n", r + 1,
                    rates[r], seconds, error, cpu.report(seconds));
        }
        Arrays.sort(rates);
        Arrays.sort(perCpu);
        out.printf(Locale.ROOT, "training: median %.0f samples/s [%.0f-%.0f]%n", rates[RUNS / 2], rates[0], rates[RUNS - 1]);
        out.printf(Locale.ROOT, "training per CPU-second of this process: median %.0f samples%n", perCpu[RUNS / 2]);
        out.printf(Locale.ROOT, "RESULT engine=nnlab workload=rbm threads=%d batch=%d samples=%d samples_per_s=%.1f%n",
                Parallelism.threads(), batch, samples, rates[RUNS / 2]);
    }

    private ContrastiveDivergence trainer(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new ContrastiveDivergence(Rbm.random(VISIBLE, HIDDEN, 0.01, rng), RbmConfig.cd(1, 0.1).withBatchSize(batch),
                Uniforms.from(rng));
    }

    /** CD-1 updates on {@code samples} samples in whole batches, cycling through the images; the last error. */
    private double train(ContrastiveDivergence cd, int samples) {
        Tensor x = Tensor.zeros(Shape.of(batch, VISIBLE));
        double error = Double.NaN;
        int next = 0;
        for (int done = 0; done < samples; done += batch) {
            if (next + batch > POOL) {
                next = 0;
            }
            System.arraycopy(images, next * VISIBLE, x.data(), 0, batch * VISIBLE);
            next += batch;
            error = cd.update(x).reconstructionError();
        }
        return error;
    }
}
