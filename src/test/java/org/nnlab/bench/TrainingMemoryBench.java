package org.nnlab.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.datasets.DataDirectory;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.ManualTraining;
import org.nnlab.training.MnistTrainingData;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;

/**
 * How honest the admission estimate is: for a few networks, the heap a real run holds (measured after a full
 * GC, with the run paused after some mini-batches, minus the heap before it started, MNIST already loaded)
 * next to {@link TrainingService#memoryNeeded}; again just after the first epoch, whose last batch is shorter
 * (54,000 training images) and leaves the layers a second set of buffers. Then the run is stopped and the
 * heap measured again, to show an ended run gives its memory back. Run with MNIST in the data directory:
 * <pre>
 * java -Xmx4g --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.nnlab.bench.TrainingMemoryBench
 * </pre>
 */
public final class TrainingMemoryBench {
    private TrainingMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        MnistTrainingData mnist = new MnistTrainingData(DataDirectory.resolve(null).toString());
        mnist.load(DataChoice.mnist(0));
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"mlp", Presets.MLP.spec(), 64});
        cases.add(new Object[] {"mlp", Presets.MLP.spec(), 512});
        cases.add(new Object[] {"lenet", Presets.LENET.spec(), 64});
        cases.add(new Object[] {"lenet", Presets.LENET.spec(), 256});
        // a stride-2 convolution still unfolds its input (LeNet's are stride 1 and do not)
        ModelSpec strided = ModelSpec.of(Shape.of(1, 28, 28), Conv2dSpec.of(32, 4).withStride(2), new ReluSpec(),
                new FlattenSpec(), new DenseSpec(10));
        cases.add(new Object[] {"conv-s2", strided, 64});
        cases.add(new Object[] {"conv-s2", strided, 256});
        cases.add(new Object[] {"relu300", reluTower(300), 16});
        cases.add(new Object[] {"relu300", reluTower(300), 64});
        System.out.printf(Locale.ROOT, "%-8s %6s %12s %12s %7s %12s %7s %12s%n", "network", "batch", "estimate MB", "held MB",
                "ratio", "epoch MB", "ratio", "after MB");
        for (Object[] c : cases) {
            measure(mnist, (String) c[0], (ModelSpec) c[1], (int) c[2]);
        }
    }

    private static void measure(MnistTrainingData mnist, String name, ModelSpec spec, int batch) throws Exception {
        TrainingProperties props = TrainingProperties.defaults().withWorkers(1).withMaxLearningRate(10);
        try (ManualTraining manual = new ManualTraining(props, mnist)) {
            TrainingService service = manual.service();
            // two epochs, so the run is still there after the first one's shorter last batch
            TrainingRequest request = new TrainingRequest(name, spec, DataChoice.mnist(0),
                    new OptimizerConfig(OptimizerKind.ADAM, 0.001, 0, 0), batch, 2, 1, true, 0.1);
            long estimate = TrainingService.memoryNeeded(request, 60_000);
            long before = usedAfterGc();
            JobId id = service.start("bench", request).id();
            long held = heldAfter(manual, service, id, 12, before);
            service.resume("bench", id);
            int perEpoch = (54_000 + batch - 1) / batch;
            long epoch = heldAfter(manual, service, id, perEpoch + 2, before);
            service.stop("bench", id);
            manual.runUntilIdle();
            long after = usedAfterGc() - before;
            System.out.printf(Locale.ROOT, "%-8s %6d %12.1f %12.1f %7.2f %12.1f %7.2f %12.1f%n", name, batch, mb(estimate),
                    mb(held), (double) estimate / held, mb(epoch), (double) estimate / epoch, mb(after));
        }
    }

    /** The heap the run holds, paused once it has trained {@code steps} batches. */
    private static long heldAfter(ManualTraining manual, TrainingService service, JobId id, int steps, long before)
            throws Exception {
        while (service.snapshot("bench", id).step() < steps) {
            manual.runNextSlice();
        }
        service.pause("bench", id);
        return usedAfterGc() - before;
    }

    private static ModelSpec reluTower(int relus) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new FlattenSpec());
        for (int i = 0; i < relus; i++) {
            layers.add(new ReluSpec());
        }
        layers.add(new DenseSpec(10));
        return new ModelSpec(Shape.of(1, 28, 28), layers);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
