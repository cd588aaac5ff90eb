package org.nnlab.training;

import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Every data set a run can train on, by name: MNIST, the toy points and truth tables, and the texts. */
@Component
@EnableConfigurationProperties(TextLimits.class)
class DataSources implements TrainingData {
    private final MnistTrainingData mnist;
    private final TextLimits textLimits;

    DataSources(MnistTrainingData mnist, TextLimits textLimits) {
        this.mnist = mnist;
        this.textLimits = textLimits;
    }

    @Override
    public Sets load(DataChoice choice) throws IOException {
        if (ToyData.handles(choice)) {
            return ToyData.load(choice);
        }
        if (TextCorpora.handles(choice)) {
            return TextCorpora.load(choice, textLimits);
        }
        return mnist.load(choice);
    }

    @Override
    public int trainingSize(DataChoice choice) {
        if (ToyData.handles(choice)) {
            return ToyData.trainingSize(choice);
        }
        if (TextCorpora.handles(choice)) {
            TextCorpora.corpus(choice, textLimits);
            return TextCorpora.trainingSize(choice);
        }
        return mnist.trainingSize(choice);
    }
}
