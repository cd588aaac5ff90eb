package org.nnlab.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nnlab.cli.RecurrentWorkloads;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.data.Augmentation;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.loss.LossChoice;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerConfig;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.ManualTraining;
import org.nnlab.training.MnistTrainingData;
import org.nnlab.training.TrainingData;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;

/**
 * Not a unit test: how many heap bytes one training mini-batch allocates once training is warm, counted
 * by the JVM's per-thread allocation counters (all threads, the engine's kernel helpers included) over a
 * few hundred batches. First the engine's {@link Trainer} alone (LeNet-5 and the MLP, each optimizer,
 * with and without augmentation; the lstm and bilstm bench workloads and a GRU and a simple RNN of the same
 * size), no reports and no epoch ends in the window, then a LeNet-5 run of the
 * session engine (scheduler, job, progress events every 20 batches, weight pictures every second, epoch
 * ends with validation and the confusion matrix on a 2,000-sample subset), where the figure is the mean
 * over everything a run does. Run with MNIST in the data directory:
 * <pre>
 * java -Xmx2g --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.nnlab.bench.BatchAllocationBench [batches]
 * </pre>
 * For where the bytes come from, add {@code -Dalloc.jfr=alloc}: the allocation samples of each measured
 * window (no warm-up, no data loading) go to alloc-1.jfr, alloc-2.jfr, … in the order printed; read them
 * with {@code jfr print --events jdk.ObjectAllocationSample --stack-depth 12 alloc-1.jfr}. With
 * {@code -XX:-UseTLAB} as well, every allocation is recorded ({@code jdk.ObjectAllocationOutsideTLAB}).
 */
public final class BatchAllocationBench {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final Windows RECORDING = new Windows();

    private BatchAllocationBench() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String only = args.length > 1 ? args[1] : "all";
        MnistTrainingData mnist = new MnistTrainingData(DataDirectory.resolve(null).toString());
        TrainingData.Sets full = mnist.load(DataChoice.mnist(0));
        if (!only.equals("session")) {
            trainers(full, batches);
        }
        if (!only.equals("trainer")) {
            session(mnist, batches, false);
            session(mnist, batches, true);
        }
    }

    /** JFR allocation samples of each measured window, when {@code -Dalloc.jfr=PREFIX} asks for them (PREFIX-N.jfr). */
    private static final class Windows {
        private final String prefix = System.getProperty("alloc.jfr");
        private jdk.jfr.Recording recording;
        private int count;

        void start() {
            if (prefix != null) {
                recording = new jdk.jfr.Recording();
                recording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "5000/s");
                // with -XX:-UseTLAB every allocation is one of these: exact counts for small figures
                recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
                recording.start();
            }
        }

        void stop() throws java.io.IOException {
            if (recording != null) {
                recording.stop();
                recording.dump(java.nio.file.Path.of(prefix + "-" + ++count + ".jfr"));
                recording.close();
                recording = null;
            }
        }
    }

    private static void trainers(TrainingData.Sets full, int batches) throws java.io.IOException {
        System.out.printf(Locale.ROOT, "%-7s %-8s %-8s %14s%n", "network", "optim", "augment", "bytes/batch");
        for (Presets.Preset preset : new Presets.Preset[] {Presets.LENET, Presets.MLP}) {
            for (OptimizerKind kind : new OptimizerKind[] {OptimizerKind.ADAM, OptimizerKind.SGD, OptimizerKind.RMSPROP}) {
                trainer(full, preset.name(), preset.spec(), kind, false, batches);
            }
            trainer(full, preset.name(), preset.spec(), OptimizerKind.ADAM, true, batches);
        }
        for (String recurrent : RecurrentWorkloads.NAMES) {
            trainer(full, recurrent, RecurrentWorkloads.spec(recurrent), OptimizerKind.ADAM, false, batches);
        }
        trainer(full, "gru", ModelSpec.of(Shape.of(28, 28), new GruSpec(128, false, 0, 0), new DenseSpec(10)),
                OptimizerKind.ADAM, false, batches);
        trainer(full, "rnn", ModelSpec.of(Shape.of(28, 28), new SimpleRnnSpec(128, false, 0, 0), new DenseSpec(10)),
                OptimizerKind.ADAM, false, batches);
    }

    private static void trainer(TrainingData.Sets full, String name, ModelSpec spec, OptimizerKind kind, boolean augment,
                                int batches) throws java.io.IOException {
        Dataset data = full.shapedFor(spec.input()).train();
        Sequential model = Sequential.build(spec, new SplittableRandom(1));
        OptimizerConfig optimizer = new OptimizerConfig(kind, kind == OptimizerKind.SGD ? 0.05 : 0.001, 0, 0);
        Trainer trainer = new Trainer(model, LossChoice.forModel(spec), optimizer.create(), data,
                new TrainerConfig(50, 64, 0.1, 1, Integer.MAX_VALUE, 0));
        if (augment) {
            trainer.withBatchTransform(Augmentation.standard().asBatchTransform(new SplittableRandom(2)));
        }
        TrainingControl control = new TrainingControl();
        trainer.runSlice(200, Long.MAX_VALUE, false, e -> { }, control);
        RECORDING.start();
        long before = THREADS.getTotalThreadAllocatedBytes();
        trainer.runSlice(batches, Long.MAX_VALUE, false, e -> { }, control);
        long bytes = THREADS.getTotalThreadAllocatedBytes() - before;
        RECORDING.stop();
        System.out.printf(Locale.ROOT, "%-7s %-8s %-8s %,14.0f%n", name, kind, augment, (double) bytes / batches);
    }

    private static void session(MnistTrainingData mnist, int batches, boolean augment) throws Exception {
        TrainingProperties props = TrainingProperties.defaults().withWorkers(1);
        try (ManualTraining manual = new ManualTraining(props, mnist)) {
            TrainingService service = manual.service();
            TrainingRequest request = new TrainingRequest("lenet", Presets.LENET.spec(), DataChoice.mnist(2000),
                    Presets.LENET.training().optimizer(), 64, 100, 1, augment, 0.1);
            JobId id = service.start("bench", request).id();
            while (service.snapshot("bench", id).step() < 300) {
                manual.runNextSlice();
            }
            int from = service.snapshot("bench", id).step();
            RECORDING.start();
            long before = THREADS.getTotalThreadAllocatedBytes();
            int slices = 0;
            while (service.snapshot("bench", id).step() < from + batches) {
                slices += manual.runSlices(10);
            }
            long bytes = THREADS.getTotalThreadAllocatedBytes() - before;
            RECORDING.stop();
            int steps = service.snapshot("bench", id).step() - from;
            System.out.printf(Locale.ROOT, "session lenet (subset 2000, augment %s): %,.0f bytes/batch over %d batches in %d slices%n",
                    augment, (double) bytes / steps, steps, slices);
            service.stop("bench", id);
            manual.runUntilIdle();
        }
    }
}
