package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.sequence.CharCorpus;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;

class DataCatalogTest {
    private static List<String> names(ModelSpec spec, int drawings) {
        return DataCatalog.fitting(spec, drawings, 1).stream().map(DataChoice::dataset).distinct().toList();
    }

    @Test
    void eachInputKindGetsOnlyTheDataThatFitsItWithAFittingDefault() {
        assertEquals(List.of("mnist", "drawings"), names(Presets.DIGIT_CNN.spec(), 12));
        assertEquals(List.of("mnist"), names(Presets.DIGIT_CNN.spec(), 3), "too few drawings to offer them");
        assertEquals(List.of("mnist"), names(Presets.LSTM_ROWS.spec(), 12), "rows: MNIST read row by row only");
        assertEquals(List.of("mnist", "drawings"), names(ModelSpec.of(Shape.of(784), new DenseSpec(10)), 12));
        assertEquals(List.of("toy-xor", "toy-circle", "toy-gaussians", "toy-spiral", "gate-and", "gate-or", "gate-xor"),
                names(Presets.XOR.spec(), 12));
        assertEquals(List.of("gate-and", "gate-or", "gate-xor", "toy-xor", "toy-circle", "toy-gaussians", "toy-spiral"),
                names(Presets.PERCEPTRON.spec(), 0), "a perceptron gets its truth tables first");
        assertEquals(List.of("gate-not"), names(ModelSpec.of(Shape.of(1), new DenseSpec(1)), 0));
        assertEquals(List.of("text-english", "text-chinese", "text-own"), names(Presets.CHAR_MODEL.spec(), 0));
        assertEquals(List.of(), names(ModelSpec.of(Shape.of(3, 5), new DenseSpec(2)), 0), "nothing here fits [3, 5]");
        assertEquals(DataChoice.mnist(DataCatalog.MNIST_DEFAULT), DataCatalog.defaultFor(Presets.LENET.spec(), 0, 1));
    }

    @Test
    void mnistIsReadInTheNetworksShapeSharingItsStorage() {
        var image = new org.nnlab.engine.data.Dataset(org.nnlab.engine.tensor.Tensor.zeros(2, 1, 28, 28), new int[] {3, 4});
        TrainingData.Sets sets = new TrainingData.Sets(image, image).shapedFor(Shape.of(28, 28));
        assertEquals(Shape.of(28, 28), sets.train().sampleShape());
        assertTrue(sets.train().sharesStorageWith(image));
        assertEquals(Shape.of(784), new TrainingData.Sets(image, image).shapedFor(Shape.of(784)).test().sampleShape());
        assertEquals(Shape.of(1, 28, 28), new TrainingData.Sets(image, image).shapedFor(Shape.of(2)).train().sampleShape(),
                "samples of another size stay as they are, for the engine to explain");
    }

    @Test
    void toySetsAndTablesComeFromTheEngineAndTheSeed() {
        DataChoice xor = DataCatalog.defaultFor(Presets.XOR.spec(), 0, 7);
        TrainingData.Sets a = ToyData.load(xor);
        TrainingData.Sets b = ToyData.load(xor);
        assertEquals(ToyData.DEFAULT_SIZE, a.train().size());
        assertEquals(Shape.of(2), a.train().sampleShape());
        assertTrue(java.util.Arrays.equals(a.train().inputs().data(), b.train().inputs().data()), "same seed, same points");
        assertEquals(org.nnlab.engine.data.toy.ToyDataset.XOR.generate(ToyData.DEFAULT_SIZE, xor.options().noise(), 7).getFirst().x1(),
                a.train().inputs().get(0), 1e-6);
        TrainingData.Sets and = ToyData.load(new DataChoice("gate-and", 8));
        assertEquals(8, and.train().size());
        assertEquals(4, and.test().size(), "the test reads each row of the table once");
        assertEquals(1, and.test().label(3), "1 AND 1");
        assertThrows(TrainingRefusedException.class, () -> ToyData.trainingSize(new DataChoice("toy-xor", ToyData.MAX_SIZE + 1)));
    }

    @Test
    void textsAreWindowsLabelledWithTheNextCharacterInTheNetworksAlphabet() {
        TextLimits limits = new TextLimits(200, 1000);
        DataChoice chinese = DataCatalog.fitting(Presets.CHAR_MODEL.spec(), 0, 3).get(1);
        CharCorpus corpus = TextCorpora.corpus(chinese, limits);
        assertTrue(CharCorpus.chinese().vocabularySize() > 100, "the poems use more characters than the model has scores");
        assertEquals(100, corpus.vocabularySize(), "the rarest are written as one sign");
        assertTrue(corpus.text().indexOf(TextCorpora.OTHER) >= 0);
        TrainingData.Sets sets = TextCorpora.load(chinese, limits);
        assertEquals(Shape.of(32), sets.train().sampleShape());
        assertEquals(TextCorpora.DEFAULT_SIZE, sets.train().size());

        DataChoice own = DataCatalog.fitting(Presets.CHAR_MODEL.spec(), 0, 3).get(2);
        TrainingRefusedException shortText = assertThrows(TrainingRefusedException.class,
                () -> TextCorpora.corpus(own.withOptions(own.options().withText("too short")), limits));
        assertEquals("train.data.textTooShort", shortText.messageKey());
        TrainingRefusedException longText = assertThrows(TrainingRefusedException.class,
                () -> TextCorpora.corpus(own.withOptions(own.options().withText("a".repeat(1001))), limits));
        assertEquals("train.data.textTooLong", longText.messageKey());
        assertEquals(300, TextCorpora.corpus(own.withOptions(own.options().withText("ab".repeat(150))), limits).length());
        assertThrows(IllegalArgumentException.class, () -> new TextLimits(500, 100));
    }
}
