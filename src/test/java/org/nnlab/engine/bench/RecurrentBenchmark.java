package org.nnlab.engine.bench;

import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nnlab.cli.RecurrentWorkloads;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Throughput and single-image latency of the lstm / bilstm workloads until the bench command wires
 * them. Run: {@code java -cp target/test-classes:target/classes --add-modules jdk.incubator.vector
 * org.nnlab.engine.bench.RecurrentBenchmark lstm [threads] [seconds] [mnist-dir]}. Reads MNIST IDX files
 * when present (train-images-idx3-ubyte, train-labels-idx1-ubyte), else uses random pixels.
 */
public final class RecurrentBenchmark {
    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "lstm";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        Path dir = Path.of(args.length > 3 ? args[3] : System.getProperty("user.home") + "/.nnlab/datasets/mnist");
        int n = 60000;
        float[] pixels;
        int[] labels;
        if (dir.resolve("train-images-idx3-ubyte").toFile().exists()) {
            pixels = readImages(dir.resolve("train-images-idx3-ubyte"));
            labels = readLabels(dir.resolve("train-labels-idx1-ubyte"));
            n = labels.length;
        } else {
            SplittableRandom rng = new SplittableRandom(1);
            pixels = new float[n * 784];
            labels = new int[n];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                labels[i] = rng.nextInt(10);
            }
            System.out.println("MNIST not found in " + dir + "; random pixels");
        }
        final int count = n;
        Parallelism.withThreads(threads, () -> run(name, pixels, labels, count, seconds));
    }

    private static void run(String name, float[] pixels, int[] labels, int n, double seconds) {
        int batch = RecurrentWorkloads.BATCH;
        RecurrentWorkloads.Workload warm = RecurrentWorkloads.create(name, 1);
        long warmEnd = System.nanoTime() + 5_000_000_000L;
        int b = 0;
        while (System.nanoTime() < warmEnd) {
            step(warm, pixels, labels, n, b++, batch);
        }
        RecurrentWorkloads.Workload w = RecurrentWorkloads.create(name, 2);
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        int samples = 0;
        b = 0;
        double loss = 0;
        while (System.nanoTime() < end) {
            loss = step(w, pixels, labels, n, b++, batch);
            samples += batch;
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Tensor one = Tensor.zeros(Shape.of(1, 1, 28, 28));
        double[] times = new double[1000];
        for (int i = 0; i < 1200; i++) {
            System.arraycopy(pixels, (i % n) * 784, one.data(), 0, 784);
            long s = System.nanoTime();
            w.predict(one);
            if (i >= 200) {
                times[i - 200] = (System.nanoTime() - s) / 1e6;
            }
        }
        Arrays.sort(times);
        System.out.printf("%s threads=%d: %.0f samples/s over %d samples (last loss %.3f); 1-image latency median %.3f ms%n",
                name, Parallelism.threads(), samples / elapsed, samples, loss, times[500]);
    }

    private static double step(RecurrentWorkloads.Workload w, float[] pixels, int[] labels, int n, int b, int batch) {
        int from = (b * batch) % (n - batch);
        Tensor x = new Tensor(Shape.of(batch, 1, 28, 28), Arrays.copyOfRange(pixels, from * 784, (from + batch) * 784));
        return w.trainStep(x, Arrays.copyOfRange(labels, from, from + batch));
    }

    private static float[] readImages(Path p) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new FileInputStream(p.toFile())))) {
            in.readInt();
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            byte[] raw = new byte[count * rows * cols];
            in.readFully(raw);
            float[] out = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = (raw[i] & 0xff) / 255f;
            }
            return out;
        }
    }

    private static int[] readLabels(Path p) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new FileInputStream(p.toFile())))) {
            in.readInt();
            int count = in.readInt();
            byte[] raw = new byte[count];
            in.readFully(raw);
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = raw[i];
            }
            return out;
        }
    }
}
