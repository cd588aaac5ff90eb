package org.nnlab.engine.data.sequence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.SoftmaxKernel;
import org.nnlab.engine.tensor.Tensor;

/**
 * A text for character-level language modelling: its vocabulary (the distinct characters, by code
 * point, id = position in sorted order), windows of ids with the next character as the label of every
 * step, and sampling from a trained model. Bundled: {@link #english()} and {@link #chinese()} (public
 * domain, see resources/corpus/README.md).
 * <p>
 * A model for {@link #sample} maps ids [1, steps] (floats) to logits [1, steps, vocabulary]; only the
 * last step is used.
 */
public final class CharCorpus {
    private final String text;
    private final int[] codePoints;
    private final int[] vocabulary;
    private final Map<Integer, Integer> ids = new HashMap<>();

    public CharCorpus(String text) {
        if (text.codePointCount(0, text.length()) < 2) {
            throw new IllegalArgumentException("CharCorpus: the text needs at least two characters");
        }
        this.text = text;
        this.codePoints = text.codePoints().toArray();
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int c : codePoints) {
            distinct.add(c);
        }
        this.vocabulary = distinct.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < vocabulary.length; i++) {
            ids.put(vocabulary[i], i);
        }
    }

    public static CharCorpus english() {
        return resource("/corpus/english.txt");
    }

    public static CharCorpus chinese() {
        return resource("/corpus/chinese.txt");
    }

    /** A UTF-8 text on the class path; line ends are normalised to \n. */
    public static CharCorpus resource(String path) {
        try (InputStream in = CharCorpus.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("CharCorpus: no resource " + path);
            }
            return new CharCorpus(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    public int length() {
        return codePoints.length;
    }

    public int vocabularySize() {
        return vocabulary.length;
    }

    /** Id of each character; throws on a character that is not in the corpus. */
    public int[] encode(String s) {
        return s.codePoints().map(c -> {
            Integer id = ids.get(c);
            if (id == null) {
                throw new IllegalArgumentException("CharCorpus: '" + Character.toString(c)
                        + "' does not occur in the corpus; use only its characters");
            }
            return id;
        }).toArray();
    }

    public String decode(int... idList) {
        StringBuilder sb = new StringBuilder();
        for (int id : idList) {
            sb.appendCodePoint(vocabulary[id]);
        }
        return sb.toString();
    }

    /**
     * {@code count} windows of {@code length} ids at random offsets: inputs [count, length] ids, labels
     * [count · length] the character following each position.
     */
    public LabeledSequences windows(int count, int length, long seed) {
        if (length < 1 || length >= codePoints.length) {
            throw new IllegalArgumentException("CharCorpus: window length must be 1.." + (codePoints.length - 1)
                    + ", got " + length);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor x = Tensor.zeros(Shape.of(count, length));
        int[] labels = new int[count * length];
        for (int n = 0; n < count; n++) {
            int start = rng.nextInt(codePoints.length - length);
            for (int t = 0; t < length; t++) {
                x.set(n * length + t, ids.get(codePoints[start + t]));
                labels[n * length + t] = ids.get(codePoints[start + t + 1]);
            }
        }
        return new LabeledSequences(x, labels, vocabulary.length, length);
    }

    /** Probabilities of the next character after {@code prompt}, softmax(logits / temperature). */
    public double[] nextDistribution(UnaryOperator<Tensor> model, String prompt, double temperature) {
        int[] p = encode(prompt);
        Tensor in = Tensor.zeros(Shape.of(1, p.length));
        for (int i = 0; i < p.length; i++) {
            in.set(i, p[i]);
        }
        Tensor logits = model.apply(in);
        int v = vocabulary.length;
        return SoftmaxKernel.probabilities(logits.data(), logits.size() - v, v, temperature);
    }

    /** The most likely next character after {@code prompt} (e.g. "床前明月" → "光" once trained). */
    public String predictNext(UnaryOperator<Tensor> model, String prompt) {
        double[] p = nextDistribution(model, prompt, 1.0);
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return decode(best);
    }

    /** {@code prompt} followed by {@code count} characters drawn one at a time at {@code temperature}. */
    public String sample(UnaryOperator<Tensor> model, String prompt, int count, double temperature,
                         RandomGenerator rng) {
        StringBuilder sb = new StringBuilder(prompt);
        for (int i = 0; i < count; i++) {
            double[] p = nextDistribution(model, sb.toString(), temperature);
            double u = rng.nextDouble();
            int pick = p.length - 1;
            for (int j = 0; j < p.length; j++) {
                u -= p[j];
                if (u < 0) {
                    pick = j;
                    break;
                }
            }
            sb.append(decode(pick));
        }
        return sb.toString();
    }
}
