package org.nnlab.workshop.classdata;

import java.time.Instant;
import java.util.List;

/**
 * An experiment a room ran on its class dataset and what came out: one {@link Evaluation} per data set the
 * resulting model was tested on.
 *
 * @param message why it failed (for people), or null
 * @param endedAt null while it runs
 */
public record Experiment(String roomId, Kind kind, State state, String message, Instant startedAt, Instant endedAt,
                         List<Evaluation> evaluations) {
    public Experiment {
        evaluations = List.copyOf(evaluations);
    }

    /** The three experiments the class can run. */
    public enum Kind {
        /** The shipped MNIST model, untouched, on every class drawing. */
        SHIPPED_ON_CLASS,
        /** A small network trained on the class's drawings only. */
        CLASS_TRAINED,
        /** The same network trained on MNIST images together with the class's drawings. */
        MNIST_PLUS_CLASS
    }

    public enum State {
        RUNNING, DONE, FAILED
    }

    /** The data a model was tested on. */
    public enum TestSet {
        /** Every drawing of the class (for a model that never saw any). */
        CLASS_ALL,
        /** The class drawings held out from training. */
        CLASS_HELD_OUT,
        /** The MNIST test images. */
        MNIST_TEST
    }

    /**
     * A model's answers on one test set as a confusion matrix: {@code counts[t * 10 + p]} images of digit t
     * were read as p.
     */
    public record Evaluation(TestSet testedOn, long[] counts) {
        public static final int CLASSES = 10;

        public long count(int actual, int predicted) {
            return counts[actual * CLASSES + predicted];
        }

        public long samples() {
            long all = 0;
            for (long c : counts) {
                all += c;
            }
            return all;
        }

        public long correct() {
            long right = 0;
            for (int d = 0; d < CLASSES; d++) {
                right += count(d, d);
            }
            return right;
        }

        /** Correct over all, NaN without samples. */
        public double accuracy() {
            long all = samples();
            return all == 0 ? Double.NaN : (double) correct() / all;
        }
    }
}
