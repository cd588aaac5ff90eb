package org.nnlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Measures training throughput and single-image latency of the fixed workloads the peer benchmarks
 * (PyTorch through DJL, DL4J, ...) run, on synthetic MNIST-shaped data (random pixels in [0, 1), random
 * labels), so that no dataset is needed:
 * <ul>
 *   <li>{@code mlp}: 784-128 ReLU-10, softmax cross-entropy, SGD lr 0.1 momentum 0.9;</li>
 *   <li>{@code cnn}: conv 5×5×6 pad 2, ReLU, maxpool 2, conv 5×5×16, ReLU, maxpool 2, dense 120 ReLU,
 *       dense 84 ReLU, dense 10, softmax cross-entropy, SGD lr 0.01 momentum 0.9;</li>
 *   <li>{@code rbm}: CD-1 on an RBM 784 → 500 ({@link RbmBench}), training samples/s only.</li>
 * </ul>
 * Protocol: a warm-up on a throw-away model (for the JIT), then 3 runs, each with a fresh model, timing
 * per batch: copy the batch in, forward, loss, backward, update; the median samples/s is reported. Then
 * 1000 single-image inference passes (after 200 warm-up passes), each copying the image in and the 10
 * outputs out: median and p99.
 */
final class BenchCommand implements Command {
    private static final int RUNS = 3;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure training samples/s and single-image latency (synthetic MNIST-shaped data)";
    }

    @Override
    public String usage() {
        return "bench --workload mlp|cnn|lstm|bilstm|rbm [--batch 64] [--threads N] [--samples N] [--warmup-seconds S] [--profile]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        String workload = null;
        int batch = 64;
        int threads = Parallelism.defaultThreads();
        int samples = 0;
        double warmup = 10;
        boolean profile = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--profile")) {
                profile = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("option " + a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--workload" -> workload = v;
                case "--batch" -> batch = positive(a, v);
                case "--threads" -> threads = positive(a, v);
                case "--samples" -> samples = positive(a, v);
                case "--warmup-seconds" -> warmup = Double.parseDouble(v);
                default -> throw new UsageException("unknown option " + a);
            }
        }
        if (workload == null) {
            throw new UsageException("--workload is required");
        }
        if (workload.equals(RbmBench.NAME)) {
            RbmBench rbm = new RbmBench(batch);
            int n = samples == 0 ? 30720 : samples;
            double warm = warmup;
            Parallelism.withThreads(threads, () -> rbm.run(n, warm, out));
            return 0;
        }
        ModelSpec spec = switch (workload) {
            case "mlp" -> ModelSpec.of(Shape.of(784), new DenseSpec(128), new ReluSpec(), new DenseSpec(10));
            case "cnn" -> ModelSpec.of(Mnist.IMAGE_SHAPE,
                    Conv2dSpec.of(6, 5).withPadding(2), new ReluSpec(), MaxPool2dSpec.of(2),
                    Conv2dSpec.of(16, 5), new ReluSpec(), MaxPool2dSpec.of(2), new FlattenSpec(),
                    new DenseSpec(120), new ReluSpec(), new DenseSpec(84), new ReluSpec(), new DenseSpec(10));
            case "lstm", "bilstm" -> RecurrentWorkloads.spec(workload);
            default -> throw new UsageException("unknown workload '" + workload + "': use mlp, cnn, lstm, bilstm or rbm");
        };
        if (samples == 0) {
            samples = workload.equals("mlp") ? 60000 : 20480;
        }
        double lr = workload.equals("mlp") ? 0.1 : 0.01;
        // the recurrent workloads train with Adam 1e-3, as the peers do
        Supplier<Optimizer> optimizer = RecurrentWorkloads.NAMES.contains(workload)
                ? () -> new Adam(RecurrentWorkloads.LEARNING_RATE)
                : () -> new Sgd(lr, 0.9, 0);
        Bench bench = new Bench(spec, batch, samples, optimizer, profile);
        int n = samples;
        int b = batch;
        String w = workload;
        double warm = warmup;
        Parallelism.withThreads(threads, () -> bench.run(w, b, n, warm, out));
        return 0;
    }

    private static int positive(String option, String value) throws UsageException {
        try {
            int v = Integer.parseInt(value);
            if (v < 1) {
                throw new UsageException(option + " must be at least 1, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got '" + value + "'");
        }
    }

    /**
     * Cores used during a timed run by this process and by all others (from /proc/stat on Linux), to
     * tell a disturbed run from a clean one on a shared machine; empty elsewhere.
     */
    record CpuUse(long busyAtStart, long ownAtStart) {
        private static final double TICKS_PER_SECOND = 100;

        static CpuUse start() {
            return new CpuUse(busyTicks(), ownNanos());
        }

        String report(double seconds) {
            long busy = busyTicks();
            if (busy < 0 || busyAtStart < 0) {
                return "";
            }
            double own = (ownNanos() - ownAtStart) / 1e9 / seconds;
            double all = (busy - busyAtStart) / TICKS_PER_SECOND / seconds;
            return String.format(Locale.ROOT, ", own_cores=%.2f others_cores=%.2f", own, Math.max(0, all - own));
        }

        /** CPU time this process used since {@link #start()}, in seconds. */
        double ownSeconds() {
            return (ownNanos() - ownAtStart) / 1e9;
        }

        private static long ownNanos() {
            return java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
        }

        /** Non-idle CPU ticks of the whole machine so far, or -1 when /proc/stat is not there. */
        private static long busyTicks() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    if (i != 4 && i != 5) {    // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    /** One workload's data, model factory and timing loops. */
    private static final class Bench {
        private final ModelSpec spec;
        private final int batch;
        private final Supplier<Optimizer> optimizer;
        private final int pixels;
        private final float[] images;
        private final int[] labels;
        private final int pool;
        private final boolean profile;

        Bench(ModelSpec spec, int batch, int samples, Supplier<Optimizer> optimizer, boolean profile) {
            this.spec = spec;
            this.profile = profile;
            this.batch = batch;
            this.optimizer = optimizer;
            this.pixels = spec.input().size();
            this.pool = Math.min(samples, 60000);
            SplittableRandom rng = new SplittableRandom(2026);
            this.images = new float[pool * pixels];
            this.labels = new int[pool];
            for (int i = 0; i < images.length; i++) {
                images[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < pool; i++) {
                labels[i] = rng.nextInt(10);
            }
        }

        void run(String workload, int batchSize, int samples, double warmupSeconds, PrintStream out) {
            out.printf(Locale.ROOT, "bench %s: batch %d, threads %d, %d samples per run, %d parameters%n", workload,
                    batchSize, Parallelism.threads(), samples, spec.paramCount());
            long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
            Sequential warm = Sequential.build(spec, new SplittableRandom(1));
            Optimizer warmOpt = optimizer.get();
            int warmBatches = 0;
            while (System.nanoTime() < until || warmBatches < 20) {
                train(warm, warmOpt, batch);
                warmBatches += 1;
            }
            out.printf(Locale.ROOT, "warm-up: %d batches in %.1f s%n", warmBatches, warmupSeconds);
            double[] rates = new double[RUNS];
            double[] perCpu = new double[RUNS];
            double[] cores = new double[RUNS];
            for (int r = 0; r < RUNS; r++) {
                Sequential model = Sequential.build(spec, new SplittableRandom(100 + r));
                Optimizer opt = optimizer.get();
                CpuUse cpu = CpuUse.start();
                long t0 = System.nanoTime();
                double loss = train(model, opt, samples);
                double seconds = (System.nanoTime() - t0) / 1e9;
                rates[r] = samples / seconds;
                perCpu[r] = samples / cpu.ownSeconds();
                cores[r] = cpu.ownSeconds() / seconds;
                out.printf(Locale.ROOT, "run %d: %.0f samples/s (%.3f s), last batch loss %.4f%s%n", r + 1, rates[r],
                        seconds, loss, cpu.report(seconds));
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "training: median %.0f samples/s [%.0f-%.0f]%n", sorted[RUNS / 2], sorted[0], sorted[RUNS - 1]);
            Arrays.sort(perCpu);
            Arrays.sort(cores);
            out.printf(Locale.ROOT, "own_cores (CPU time of this process / wall time): median %.2f [%.2f-%.2f] of %d threads%n",
                    cores[RUNS / 2], cores[0], cores[RUNS - 1], Parallelism.threads());
            out.printf(Locale.ROOT, "training per CPU-second of this process: median %.0f samples (on a shared machine,"
                    + " closer to what an idle machine gives per core)%n", perCpu[RUNS / 2]);
            double[] latency = latency(Sequential.build(spec, new SplittableRandom(7)));
            out.printf(Locale.ROOT, "inference, 1 image: median %.4f ms, p99 %.4f ms (1000 passes)%n", latency[0], latency[1]);
            out.printf(Locale.ROOT, "RESULT engine=nnlab workload=%s threads=%d batch=%d samples=%d samples_per_s=%.1f"
                            + " latency_ms_median=%.4f latency_ms_p99=%.4f own_cores=%.2f spread=%.0f-%.0f%n", workload,
                    Parallelism.threads(), batchSize, samples, sorted[RUNS / 2], latency[0], latency[1],
                    cores[RUNS / 2], sorted[0], sorted[RUNS - 1]);
            if (profile) {
                profile(Math.max(20, samples / batch / 2), out);
            }
        }

        /** {@code --profile}: {@code batches} training steps of a fresh model, timed layer by layer. */
        private void profile(int batches, PrintStream out) {
            Sequential model = Sequential.build(spec, new SplittableRandom(100));
            Optimizer opt = optimizer.get();
            LayerProfile p = new LayerProfile(model);
            Tensor x = Tensor.zeros(spec.input().withBatch(batch));
            Tensor grad = Tensor.zeros(Shape.of(batch, 10));
            int[] y = new int[batch];
            SoftmaxCrossEntropy lossFn = new SoftmaxCrossEntropy();
            for (int i = 0, next = 0; i < batches; i++, next += batch) {
                if (next + batch > pool) {
                    next = 0;
                }
                System.arraycopy(images, next * pixels, x.data(), 0, batch * pixels);
                System.arraycopy(labels, next, y, 0, batch);
                p.step(model, opt, lossFn, x, y, grad);
            }
            p.print(out);
        }

        /** Trains on {@code samples} samples (whole batches, cycling through the data); returns the last loss. */
        private double train(Sequential model, Optimizer opt, int samples) {
            Tensor x = Tensor.zeros(spec.input().withBatch(batch));
            Tensor grad = Tensor.zeros(Shape.of(batch, 10));
            int[] y = new int[batch];
            SoftmaxCrossEntropy lossFn = new SoftmaxCrossEntropy();
            double loss = Double.NaN;
            int next = 0;
            for (int done = 0; done < samples; done += batch) {
                if (next + batch > pool) {
                    next = 0;
                }
                System.arraycopy(images, next * pixels, x.data(), 0, batch * pixels);
                System.arraycopy(labels, next, y, 0, batch);
                next += batch;
                Tensor logits = model.forward(x, Mode.TRAIN);
                loss = lossFn.evaluate(logits, y, grad);
                model.zeroGrad();
                model.backwardParams(grad);
                opt.step(model.params());
            }
            return loss;
        }

        /**
         * Median and p99 in ms of 1000 single-image inference passes, image copied in and outputs copied
         * out, after 5000 warm-up passes: the one-row kernels are compiled by the JIT only after a few
         * thousand calls (200 left the mlp at 0.04 ms instead of its steady 0.009 ms).
         */
        private double[] latency(Sequential model) {
            Tensor x = Tensor.zeros(spec.input().withBatch(1));
            float[] result = new float[10];
            long[] times = new long[1000];
            for (int i = -5000; i < times.length; i++) {
                int sample = Math.floorMod(i * 7919, pool);
                long t0 = System.nanoTime();
                System.arraycopy(images, sample * pixels, x.data(), 0, pixels);
                Tensor y = model.forward(x, Mode.INFER);
                System.arraycopy(y.data(), 0, result, 0, 10);
                long t = System.nanoTime() - t0;
                if (i >= 0) {
                    times[i] = t;
                }
            }
            Arrays.sort(times);
            return new double[]{times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6};
        }
    }
}
