package org.nnlab.labs.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.engine.data.sequence.LabeledSequences;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Short sentences with one blank whose answer only a later word settles: "Tom went to the ___ today to buy stamps."
 * The blank is a shop; the thing bought, which comes after it, says which. Who and when (before and around the
 * blank) are drawn independently of the answer, so a network that reads only to the left can do no better than
 * guessing. Sentences come from a few templates in English or Chinese; each word is one token, fed one-hot; the
 * label sits only at the blank.
 */
public final class BlankSentences {
    public static final String BLANK = "___";
    private static final String PAD = "·";

    /** One language's templates (tokens separated by spaces) and word lists; clues.get(a) settle answers.get(a). */
    private record Bank(List<String> templates, List<String> who, List<String> when, List<String> answers,
                        List<List<String>> clues, boolean spaced) {
    }

    private static final Bank ENGLISH = new Bank(
            List.of("{who} went to the ___ {when} to buy {clue} .",
                    "At the ___ {when} , {who} bought {clue} .",
                    "{who} ran to the ___ {when} because we needed {clue} ."),
            List.of("I", "Mum", "Tom", "Grandpa"), List.of("today", "yesterday", "early", "late"),
            List.of("bakery", "bookshop", "post office", "pharmacy"),
            List.of(List.of("bread", "cake"), List.of("books", "maps"), List.of("stamps", "envelopes"),
                    List.of("medicine", "plasters")),
            true);
    private static final Bank CHINESE = new Bank(
            List.of("{who} {when} 去 ___ 买了 {clue} 。",
                    "在 ___ ， {who} {when} 买到了 {clue} 。",
                    "{who} {when} 跑去 ___ ， 因为 家里 没有 {clue} 了 。"),
            List.of("我", "妈妈", "小明", "爷爷"), List.of("今天", "昨天", "早上", "晚上"),
            List.of("面包店", "书店", "邮局", "药店"),
            List.of(List.of("面包", "蛋糕"), List.of("书", "地图"), List.of("邮票", "信封"), List.of("药", "创可贴")),
            false);

    /** A generated sentence: its tokens (padded to the common length), where the blank is and its answer. */
    public record Sentence(List<String> tokens, int blank, int answer) {
    }

    private final Bank bank;
    private final Map<String, Integer> vocabulary = new LinkedHashMap<>();
    private final int steps;

    private BlankSentences(Bank bank) {
        this.bank = bank;
        int longest = 0;
        List<String> words = new ArrayList<>(List.of(PAD, BLANK));
        for (String template : bank.templates()) {
            String[] tokens = template.split(" ");
            longest = Math.max(longest, tokens.length);
            words.addAll(Arrays.stream(tokens).filter(w -> !w.startsWith("{")).toList());
        }
        words.addAll(bank.who());
        words.addAll(bank.when());
        bank.clues().forEach(words::addAll);
        for (String w : words) {
            vocabulary.putIfAbsent(w, vocabulary.size());
        }
        this.steps = longest;
    }

    /** Chinese sentences for a Chinese locale, English ones otherwise. */
    public static BlankSentences forLocale(Locale locale) {
        return new BlankSentences(locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH);
    }

    public int steps() {
        return steps;
    }

    /** Input features: one per word. */
    public int features() {
        return vocabulary.size();
    }

    public int answers() {
        return bank.answers().size();
    }

    public String answer(int a) {
        return bank.answers().get(a);
    }

    /** {@code count} sentences drawn with {@code seed}. */
    public List<Sentence> draw(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Sentence> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int answer = rng.nextInt(answers());
            String who = pick(bank.who(), rng);
            String when = pick(bank.when(), rng);
            String clue = pick(bank.clues().get(answer), rng);
            List<String> tokens = new ArrayList<>();
            for (String t : pick(bank.templates(), rng).split(" ")) {
                tokens.add(switch (t) {
                    case "{who}" -> who;
                    case "{when}" -> when;
                    case "{clue}" -> clue;
                    default -> t;
                });
            }
            int blank = tokens.indexOf(BLANK);
            while (tokens.size() < steps) {
                tokens.add(PAD);
            }
            out.add(new Sentence(List.copyOf(tokens), blank, answer));
        }
        return out;
    }

    private static <T> T pick(List<T> list, SplittableRandom rng) {
        return list.get(rng.nextInt(list.size()));
    }

    /** The sentences one-hot, [count, steps, features], labelled only at the blank. */
    public LabeledSequences encode(List<Sentence> sentences) {
        Tensor x = Tensor.zeros(Shape.of(sentences.size(), steps, features()));
        int[] labels = new int[sentences.size() * steps];
        Arrays.fill(labels, LabeledSequences.NO_LABEL);
        float[] d = x.data();
        for (int n = 0; n < sentences.size(); n++) {
            Sentence s = sentences.get(n);
            for (int t = 0; t < steps; t++) {
                d[(n * steps + t) * features() + vocabulary.get(s.tokens().get(t))] = 1f;
            }
            labels[n * steps + s.blank()] = s.answer();
        }
        return new LabeledSequences(x, labels, answers(), steps);
    }

    /** The sentence as a reader sees it, the blank filled with {@code fill} (or left as ___ when null). */
    public String text(Sentence s, String fill) {
        StringBuilder sb = new StringBuilder();
        for (String t : s.tokens()) {
            if (t.equals(PAD)) {
                break;
            }
            String word = t.equals(BLANK) && fill != null ? fill : t;
            boolean glued = !bank.spaced() || sb.isEmpty() || word.equals(".") || word.equals(",");
            sb.append(glued ? "" : " ").append(word);
        }
        return sb.toString();
    }
}
