package org.nnlab.training;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every data set a run can train on, by name: MNIST, the toy points and truth tables, the texts, and the
 * sets other parts of the app provide ({@link DataProvider}).
 */
@Component
@EnableConfigurationProperties(TextLimits.class)
class DataSources implements TrainingData {
    private final MnistTrainingData mnist;
    private final TextLimits textLimits;
    private final ObjectProvider<DataProvider> providers;

    DataSources(MnistTrainingData mnist, TextLimits textLimits, ObjectProvider<DataProvider> providers) {
        this.mnist = mnist;
        this.textLimits = textLimits;
        this.providers = providers;
    }

    private Optional<DataProvider> providerOf(DataChoice choice) {
        return providers.orderedStream().filter(p -> p.handles(choice)).findFirst();
    }

    @Override
    public List<DataChoice> offeredTo(String owner) {
        return providers.orderedStream().flatMap(p -> p.offeredTo(owner).stream()).toList();
    }

    @Override
    public Sets load(DataChoice choice) throws IOException {
        Optional<DataProvider> provider = providerOf(choice);
        if (provider.isPresent()) {
            return provider.get().load(choice);
        }
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
        Optional<DataProvider> provider = providerOf(choice);
        if (provider.isPresent()) {
            return provider.get().trainingSize(choice);
        }
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
