package org.nnlab.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.sequence.CharCorpus;
import org.nnlab.engine.data.sequence.LabeledSequences;

/**
 * The texts a character model trains on: the bundled English and Chinese ones, or one the user pastes.
 * A run's samples are windows of the network's length at seeded places, each labelled with the character
 * that follows it. A network tells at most {@code classes} characters apart: when the text has more, the
 * rarest are written as {@link #OTHER} (so Chinese poems fit a model with 100 output scores).
 */
public final class TextCorpora {
    /** Windows a run gets when the choice names no size. */
    public static final int DEFAULT_SIZE = 2000;
    /** The most windows a text run takes. */
    public static final int MAX_SIZE = 50_000;
    /** Stands for the characters a network has no room for. */
    public static final char OTHER = '□';

    private TextCorpora() {
    }

    static boolean handles(DataChoice choice) {
        return choice.dataset().startsWith(DataChoice.TEXT);
    }

    /**
     * The text of {@code choice} as the network will see it.
     *
     * @throws TrainingRefusedException for a pasted text that is too short or too long, or a network too
     *                                  small to read windows of it
     */
    public static CharCorpus corpus(DataChoice choice, TextLimits limits) {
        String text = switch (choice.dataset()) {
            case "text-english" -> CharCorpus.english().text();
            case "text-chinese" -> CharCorpus.chinese().text();
            case DataChoice.OWN_TEXT -> ownText(choice.options().text(), limits);
            default -> throw new IllegalArgumentException("unknown text '" + choice.dataset() + "'");
        };
        int steps = choice.options().steps();
        int classes = choice.options().classes();
        if (steps < 1 || classes < 2) {
            throw new TrainingRefusedException("train.data.textNetwork", "a character model needs windows of at least"
                    + " 1 character and at least 2 output classes", steps, classes);
        }
        if (text.codePointCount(0, text.length()) < steps + 2) {
            throw new TrainingRefusedException("train.data.textTooShort", "the text has fewer characters than a window"
                    + " of " + steps + " needs", text.codePointCount(0, text.length()), steps + 2);
        }
        return new CharCorpus(fitted(text, classes));
    }

    private static String ownText(String text, TextLimits limits) {
        String t = text.replace("\r\n", "\n").strip();
        int chars = t.codePointCount(0, t.length());
        if (chars < limits.minChars()) {
            throw new TrainingRefusedException("train.data.textTooShort", "the pasted text has " + chars
                    + " characters; at least " + limits.minChars() + " are needed", chars, limits.minChars());
        }
        if (chars > limits.maxChars()) {
            throw new TrainingRefusedException("train.data.textTooLong", "the pasted text has " + chars
                    + " characters; at most " + limits.maxChars() + " are taken", chars, limits.maxChars());
        }
        return t;
    }

    /** {@code text} with all but its {@code classes} − 1 most frequent characters written as {@link #OTHER}. */
    static String fitted(String text, int classes) {
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        if (counts.size() <= classes) {
            return text;
        }
        Integer[] byCount = counts.keySet().toArray(Integer[]::new);
        Arrays.sort(byCount, (a, b) -> counts.get(b).equals(counts.get(a)) ? Integer.compare(a, b)
                : Integer.compare(counts.get(b), counts.get(a)));
        Set<Integer> kept = new HashSet<>(Arrays.asList(byCount).subList(0, classes - 1));
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(kept.contains(c) ? c : OTHER));
        return sb.toString();
    }

    static int trainingSize(DataChoice choice) {
        int n = choice.size() == 0 ? DEFAULT_SIZE : choice.size();
        if (n > MAX_SIZE) {
            throw new TrainingRefusedException("train.data.textTooManyWindows", "a text run takes at most " + MAX_SIZE
                    + " windows; " + n + " were asked for", n, MAX_SIZE);
        }
        return n;
    }

    static TrainingData.Sets load(DataChoice choice, TextLimits limits) {
        CharCorpus corpus = corpus(choice, limits);
        int n = trainingSize(choice);
        int steps = choice.options().steps();
        long seed = choice.options().seed();
        return new TrainingData.Sets(windows(corpus, n, steps, seed), windows(corpus, Math.max(200, n / 5), steps, seed + 1));
    }

    private static Dataset windows(CharCorpus corpus, int count, int steps, long seed) {
        LabeledSequences w = corpus.windows(count, steps, seed);
        int[] next = new int[count];
        for (int i = 0; i < count; i++) {
            next[i] = w.labels()[i * steps + steps - 1];
        }
        return new Dataset(w.inputs(), next);
    }
}
