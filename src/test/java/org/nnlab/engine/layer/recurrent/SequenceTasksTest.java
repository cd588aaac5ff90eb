package org.nnlab.engine.layer.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.sequence.CharCorpus;
import org.nnlab.engine.data.sequence.FillInTheBlankTask;
import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.data.sequence.LongRangeTask;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.tensor.Shape;

/** The sequence tasks show what each architecture is for (seeded; a few seconds each on one core). */
class SequenceTasksTest {

    private static Layer model(LayerSpec rnn, Shape input, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Chain(rnn.build(input, rng), new TimeDenseSpec(classes).build(rnn.outputShape(input), rng));
    }

    /** Trains until the validation accuracy reaches {@code stopAt} or {@code maxEpochs} pass; returns test accuracy. */
    private static double train(String name, Layer model, LabeledSequences train, LabeledSequences validation,
                                LabeledSequences test, int maxEpochs, double stopAt, double lr) {
        TinyTraining.Adam adam = new TinyTraining.Adam(lr);
        SplittableRandom rng = new SplittableRandom(3);
        long t0 = System.nanoTime();
        int epoch = 0;
        while (epoch < maxEpochs) {
            TinyTraining.epoch(model, train, 32, adam, rng);
            epoch++;
            if (TinyTraining.accuracy(model, validation) >= stopAt) {
                break;
            }
        }
        double acc = TinyTraining.accuracy(model, test);
        System.out.printf("%s: test accuracy %.3f after %d epochs, %.1f s%n", name, acc, epoch,
                (System.nanoTime() - t0) / 1e9);
        return acc;
    }

    @Test
    void lstmRemembersTwentyStepsBackWhereSimpleRnnOfTheSameSizeCannot() {
        int lag = 20;
        int symbols = 4;
        int hidden = 16;
        LabeledSequences train = LongRangeTask.generate(2048, lag, symbols, 1);
        LabeledSequences validation = LongRangeTask.generate(256, lag, symbols, 2);
        LabeledSequences test = LongRangeTask.generate(512, lag, symbols, 3);
        Shape in = Shape.of(train.steps(), symbols + 1);
        double lstm = train("long-range lag 20, LSTM " + hidden, model(new LstmSpec(hidden, false), in, symbols, 7),
                train, validation, test, 40, 0.98, 0.01);
        double rnn = train("long-range lag 20, SimpleRNN " + hidden,
                model(new SimpleRnnSpec(hidden, false), in, symbols, 7), train, validation, test, 40, 0.98, 0.01);
        assertTrue(lstm >= 0.95, "LSTM should solve the lag-20 task, got " + lstm);
        assertTrue(rnn <= 0.60, "a SimpleRNN of the same size should fail at lag 20, got " + rnn);
    }

    @Test
    void bidirectionalFillsTheBlankThatOneDirectionCannot() {
        int steps = 10;
        int symbols = 4;
        LabeledSequences train = FillInTheBlankTask.generate(1024, steps, symbols, 11);
        LabeledSequences validation = FillInTheBlankTask.generate(256, steps, symbols, 12);
        LabeledSequences test = FillInTheBlankTask.generate(512, steps, symbols, 13);
        Shape in = Shape.of(steps, symbols + 1);
        double bi = train("fill-in-the-blank, BiLSTM 8+8", model(new BidirectionalSpec(new LstmSpec(8, true)), in,
                symbols, 5), train, validation, test, 15, 0.98, 0.02);
        double uni = train("fill-in-the-blank, LSTM 16", model(new LstmSpec(16, true), in, symbols, 5),
                train, validation, test, 15, 0.98, 0.02);
        assertTrue(bi >= 0.9, "the bidirectional LSTM should see the answer after the blank, got " + bi);
        assertTrue(uni <= 0.4, "a left-to-right LSTM can only guess (0.25), got " + uni);
    }

    /** Embedding → LSTM (every step) → per-step dense over the vocabulary, trained on random windows. */
    private static Layer charModel(CharCorpus corpus, LabeledSequences train, int epochs, int hidden, String name) {
        int v = corpus.vocabularySize();
        int len = train.steps();
        SplittableRandom rng = new SplittableRandom(4);
        Layer model = new Chain(new EmbeddingSpec(v, 16).build(Shape.of(len), rng),
                new LstmSpec(hidden, true).build(Shape.of(len, 16), rng),
                new TimeDenseSpec(v).build(Shape.of(len, hidden), rng));
        double before = TinyTraining.loss(model, train);
        TinyTraining.Adam adam = new TinyTraining.Adam(0.01);
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            TinyTraining.epoch(model, train, 32, adam, rng);
        }
        double after = TinyTraining.loss(model, train);
        System.out.printf("char model (%s, %d characters, vocabulary %d): loss %.3f -> %.3f nats in %d epochs, %.1f s%n",
                name, corpus.length(), v, before, after, epochs, (System.nanoTime() - t0) / 1e9);
        return model;
    }

    @Test
    void charModelLearnsTheEnglishCorpus() {
        CharCorpus corpus = CharCorpus.english();
        LabeledSequences train = corpus.windows(512, 32, 21);
        Layer model = charModel(corpus, train, 6, 64, "English");
        double loss = TinyTraining.loss(model, train);
        String sample = corpus.sample(x -> model.forward(x, Mode.INFER), "Four score", 40, 0.5, new SplittableRandom(1));
        System.out.println("English sample: " + sample);
        assertTrue(sample.startsWith("Four score") && sample.codePointCount(0, sample.length()) == 50);
        // predicting from character frequencies alone gives 3.0 nats (the text's unigram entropy)
        assertTrue(loss < 2.0, "loss should fall below 2.0 nats, got " + loss);
    }

    @Test
    void charModelLearnsTangPoems() {
        CharCorpus corpus = CharCorpus.chinese();
        LabeledSequences train = corpus.windows(512, 12, 22);
        Layer model = charModel(corpus, train, 6, 64, "Chinese");
        double loss = TinyTraining.loss(model, train);
        String next = corpus.predictNext(x -> model.forward(x, Mode.INFER), "床前明月");
        String sample = corpus.sample(x -> model.forward(x, Mode.INFER), "春眠", 10, 0.3, new SplittableRandom(2));
        System.out.println("Chinese: 床前明月 -> " + next + "; sample: " + sample);
        // frequencies alone give 5.4 nats (unigram entropy); ln(vocabulary) is 6.1
        assertTrue(loss < 2.5, "loss should fall below 2.5 nats, got " + loss);
    }
}
