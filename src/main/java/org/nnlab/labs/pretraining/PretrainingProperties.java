package org.nnlab.labs.pretraining;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.labs.pretraining.*}: the size of the pretraining lab's live RBM and of its DBN
 * experiment, which together decide how long they take on this server.
 *
 * @param rbmHidden        hidden units of the lab's RBM (each one's weights are one picture)
 * @param rbmSamples       MNIST training images it learns from
 * @param rbmEpochs        passes over them before it stops by itself
 * @param rbmLearningRate  CD-1 learning rate
 * @param measureEvery     updates between two points of the error and free-energy curves
 * @param frameMillis      a page gets at most one picture of the training every this many milliseconds
 * @param dbnHidden        hidden layer sizes of the experiment's network (input 784, output 10)
 * @param dbnPool          MNIST training images the stack is pretrained on (without their labels)
 * @param dbnEpochsPerLayer pretraining epochs of each RBM of the stack
 * @param fewLabels        the small numbers of labelled images the experiment fine-tunes with; a run on all
 *                         60,000 labels follows them
 * @param fineTuneSamples  a run on few labels repeats its images until it has seen about this many (at least one epoch)
 * @param allLabelsEpochs  epochs of the run on all labels
 * @param testSamples      MNIST test images the accuracies are measured on
 * @param maxSessions      live RBMs open at once on the server; one more is refused
 * @param maxExperiments   DBN experiments running at once on the server (each holds a pretrained stack and its
 *                         data, tens of MB); one more is refused
 */
@ConfigurationProperties("nnlab.labs.pretraining")
public record PretrainingProperties(@DefaultValue("64") int rbmHidden,
                                    @DefaultValue("10000") int rbmSamples,
                                    @DefaultValue("5") int rbmEpochs,
                                    @DefaultValue("0.1") double rbmLearningRate,
                                    @DefaultValue("20") int measureEvery,
                                    @DefaultValue("1000") long frameMillis,
                                    @DefaultValue({"500", "500"}) List<Integer> dbnHidden,
                                    @DefaultValue("10000") int dbnPool,
                                    @DefaultValue("1") int dbnEpochsPerLayer,
                                    @DefaultValue({"100", "1000"}) List<Integer> fewLabels,
                                    @DefaultValue("20000") int fineTuneSamples,
                                    @DefaultValue("1") int allLabelsEpochs,
                                    @DefaultValue("10000") int testSamples,
                                    @DefaultValue("40") int maxSessions,
                                    @DefaultValue("4") int maxExperiments) {
    @ConstructorBinding
    public PretrainingProperties {
        dbnHidden = List.copyOf(dbnHidden);
        fewLabels = List.copyOf(fewLabels);
        if (rbmHidden < 1 || rbmHidden > 1000 || rbmSamples < 100 || rbmSamples > 60_000 || rbmEpochs < 1
                || !(rbmLearningRate > 0 && rbmLearningRate <= 10) || measureEvery < 1 || frameMillis < 50
                || dbnHidden.isEmpty() || dbnHidden.stream().anyMatch(h -> h < 1 || h > 2000)
                || dbnPool < 100 || dbnPool > 60_000 || dbnEpochsPerLayer < 1
                || fewLabels.stream().anyMatch(n -> n < 10 || n > dbnPool) || fineTuneSamples < 1 || allLabelsEpochs < 1
                || testSamples < 100 || testSamples > 10_000 || maxSessions < 1
                || maxExperiments < 1) {
            throw new IllegalArgumentException("nnlab.labs.pretraining settings out of range: " + this);
        }
    }
}
