package org.nnlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.nnlab.engine.data.Batch;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.model.ConfusionMatrix;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.model.Trainer;
import org.nnlab.engine.model.TrainerEvent;
import org.nnlab.engine.model.TrainingControl;
import org.nnlab.engine.optim.OneCycle;
import org.nnlab.engine.optim.Optimizer;

/**
 * {@code train --time-limit SECONDS}: runs the trainer one mini-batch at a time under a one-cycle
 * learning rate planned over the given epochs, stops when the training wall time reaches the limit (or
 * the epochs are done), and measures test accuracy at fixed moments of training time (5, 10, 15, 30, 60 s
 * and the end). Time spent measuring is not counted as training time. The rate depends on the step only,
 * so the weights after step n are the same in every run with the same seed; how many steps fit into the
 * limit depends on the machine.
 */
final class TimedTraining {
    /** Training times (s) at which test accuracy is measured, when they fall inside the limit. */
    static final double[] CHECKPOINTS = {5, 10, 15, 30, 60};
    /** Fraction of the planned steps spent raising the rate. */
    private static final double WARMUP = 0.2;

    /** Test accuracy after {@code seconds} of training ({@code steps} mini-batches). */
    record Point(double seconds, int steps, double accuracy) {
    }

    /**
     * How a timed run ended: the curve (the last point being the final model), the training time and the
     * time spent measuring test accuracy besides it.
     */
    record Result(List<Point> curve, double trainingSeconds, double measuringSeconds, TrainerEvent.TrainingEnded ended) {
        Point last() {
            return curve.getLast();
        }
    }

    private TimedTraining() {
    }

    /**
     * Trains a throw-away copy of the network (its own weights, optimizer and shuffling) for
     * {@code seconds}, so that the JIT has compiled the kernels before the clock of the real run starts;
     * the real run's weights do not depend on it. Returns the number of mini-batches it took.
     */
    static int warmUp(Sequential like, org.nnlab.engine.optim.OptimizerConfig optimizer, Dataset data, int batchSize,
                      double seconds) {
        Sequential model = Sequential.build(like.spec(), new java.util.SplittableRandom(-1));
        Trainer trainer = new Trainer(model, new org.nnlab.engine.loss.SoftmaxCrossEntropy(), optimizer.create(), data,
                new org.nnlab.engine.model.TrainerConfig(1_000, batchSize, 0, -1, 1_000, 0));
        trainer.runSlice(Integer.MAX_VALUE, (long) (seconds * 1e9), false, e -> {
        }, new TrainingControl());
        return trainer.steps();
    }

    /**
     * Trains until {@code limitSeconds} of training time have passed or the trainer is done, with the
     * optimizer's current rate as the one-cycle peak over {@code plannedSteps} steps.
     */
    static Result run(Trainer trainer, Optimizer optimizer, long plannedSteps, double limitSeconds, Dataset test,
                      PrintStream out) {
        OneCycle schedule = new OneCycle(optimizer.learningRate(), plannedSteps, WARMUP);
        Sequential model = trainer.model();
        TrainingControl control = new TrainingControl();
        List<Point> curve = new ArrayList<>();
        long limit = (long) (limitSeconds * 1e9);
        long trained = 0;
        int next = 0;
        TrainerEvent.TrainingEnded ended = null;
        long measuring = 0;
        while (ended == null && trained < limit) {
            optimizer.setLearningRate(schedule.rate(trainer.steps()));
            long t0 = System.nanoTime();
            ended = trainer.runSlice(1, Long.MAX_VALUE, false, e -> {
            }, control);
            trained += System.nanoTime() - t0;
            while (next < CHECKPOINTS.length && CHECKPOINTS[next] < limitSeconds && trained >= CHECKPOINTS[next] * 1e9) {
                long m0 = System.nanoTime();
                curve.add(measure(model, test, CHECKPOINTS[next], trainer.steps(), out));
                measuring += System.nanoTime() - m0;
                next++;
            }
        }
        double seconds = trained / 1e9;
        long m0 = System.nanoTime();
        curve.add(measure(model, test, seconds, trainer.steps(), out));
        measuring += System.nanoTime() - m0;
        return new Result(List.copyOf(curve), seconds, measuring / 1e9, ended);
    }

    /**
     * Wraps a batch transform (augmentation) so that the time it takes can be told apart from the rest of
     * a training step.
     */
    static final class TimedTransform implements UnaryOperator<Batch> {
        private final UnaryOperator<Batch> inner;
        private long nanos;

        TimedTransform(UnaryOperator<Batch> inner) {
            this.inner = inner;
        }

        @Override
        public Batch apply(Batch batch) {
            long t0 = System.nanoTime();
            Batch b = inner.apply(batch);
            nanos += System.nanoTime() - t0;
            return b;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    private static Point measure(Sequential model, Dataset test, double seconds, int steps, PrintStream out) {
        ConfusionMatrix cm = ConfusionMatrix.of(model, test, 500);
        Point p = new Point(seconds, steps, cm.accuracy());
        out.printf(Locale.ROOT, "after %5.1f s of training (%,d steps): test accuracy %.2f%%%n", seconds, steps,
                100 * cm.accuracy());
        return p;
    }
}
