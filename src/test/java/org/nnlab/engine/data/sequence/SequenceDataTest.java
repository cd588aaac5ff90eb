package org.nnlab.engine.data.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

class SequenceDataTest {
    @Test
    void mnistRowsIsAViewOfTheImages() {
        Tensor images = Tensor.uniform(Shape.of(3, 1, 28, 28), 0, 1, new SplittableRandom(1));
        LabeledSequences rows = MnistRows.of(images, new int[] {1, 2, 3});
        assertEquals(Shape.of(3, 28, 28), rows.inputs().shape());
        assertSame(images.data(), rows.inputs().data());
        // step 5 of image 2 is pixel row 5
        assertEquals(images.get(2 * 784 + 5 * 28 + 7), rows.inputs().get((2 * 28 + 5) * 28 + 7));
        assertThrows(IllegalArgumentException.class, () -> MnistRows.view(Tensor.zeros(2, 3, 28, 28)));
    }

    @Test
    void longRangeLabelIsTheMarkedSymbolLagStepsBeforeTheEnd() {
        int lag = 7;
        LabeledSequences d = LongRangeTask.generate(50, lag, 5, 2, 9);
        int steps = 2 + 1 + lag;
        assertEquals(Shape.of(50, steps, 6), d.inputs().shape());
        for (int n = 0; n < 50; n++) {
            int marked = -1;
            for (int t = 0; t < steps; t++) {
                float sum = 0;
                for (int f = 0; f < 5; f++) {
                    sum += d.inputs().get((n * steps + t) * 6 + f);
                }
                assertEquals(1f, sum);
                if (d.inputs().get((n * steps + t) * 6 + 5) == 1f) {
                    assertEquals(-1, marked, "one marker per sequence");
                    marked = t;
                }
            }
            assertEquals(steps - 1 - lag, marked);
            assertEquals(1f, d.inputs().get((n * steps + marked) * 6 + d.labels()[n]));
        }
        assertArrayEquals(d.labels(), LongRangeTask.generate(50, lag, 5, 2, 9).labels(), "seeded");
    }

    @Test
    void fillInTheBlankAnswerIsTheFollowingSymbol() {
        int steps = 8;
        int symbols = 3;
        LabeledSequences d = FillInTheBlankTask.generate(40, steps, symbols, 4);
        for (int n = 0; n < 40; n++) {
            int labelled = 0;
            for (int t = 0; t < steps; t++) {
                int label = d.labels()[n * steps + t];
                boolean blank = d.inputs().get((n * steps + t) * (symbols + 1) + symbols) == 1f;
                assertEquals(blank, label != LabeledSequences.NO_LABEL);
                if (blank) {
                    labelled++;
                    assertEquals(1f, d.inputs().get((n * steps + t + 1) * (symbols + 1) + label));
                }
            }
            assertEquals(1, labelled);
        }
    }

    @Test
    void noisySineTargetsFollowTheWindow() {
        NoisySine.Windows w = NoisySine.generate(20, 30, 12, 0.0, 5);
        assertEquals(Shape.of(20, 30, 1), w.inputs().shape());
        // without noise, consecutive values move by at most 2π/12 + π/(2.7·12) per step
        for (int n = 0; n < 20; n++) {
            float last = w.inputs().get(n * 30 + 29);
            assertTrue(Math.abs(w.targets().get(n) - last) < 0.65);
        }
        NoisySine.Windows noisy = NoisySine.generate(20, 30, 12, 0.3, 5);
        assertTrue(Math.abs(noisy.inputs().get(3) - w.inputs().get(3)) > 0);
    }

    @Test
    void charCorpusRoundTripsAndLabelsTheNextCharacter() {
        for (CharCorpus c : new CharCorpus[] {CharCorpus.english(), CharCorpus.chinese()}) {
            String piece = c.text().substring(10, 40);
            assertEquals(piece, c.decode(c.encode(piece)));
            LabeledSequences w = c.windows(10, 16, 3);
            for (int n = 0; n < 10; n++) {
                for (int t = 0; t < 15; t++) {
                    assertEquals(Math.round(w.inputs().get(n * 16 + t + 1)), w.labels()[n * 16 + t]);
                }
            }
        }
        assertTrue(CharCorpus.chinese().text().contains("床前明月光"));
        assertTrue(CharCorpus.chinese().text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 30_000);
        assertThrows(IllegalArgumentException.class, () -> CharCorpus.english().encode("中"));
    }
}
