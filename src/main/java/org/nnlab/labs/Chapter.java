package org.nnlab.labs;

import java.util.List;

/**
 * The chapters of the labs, in the order the notes teach them: from the single perceptron, through
 * hidden layers and backpropagation, to deep, pretrained, convolutional and recurrent networks. Each
 * chapter has a route (under {@code labs/}), text keys for its title and what one sees there
 * ({@code labs.<key>.title}, {@code labs.<key>.summary}, {@code labs.<key>.task.<task>}), about how many
 * minutes it takes, and the ids of its "try this" tasks. A chapter counts as built when a view has its
 * route; until then the index shows it as coming.
 */
public enum Chapter {
    PERCEPTRON("perceptron", 10, List.of("and", "not", "xor")),
    PLAYGROUND("playground", 20, List.of("xor", "circle", "spiral")),
    BACKPROP("backprop", 15, List.of("w5", "w1", "train")),
    DEEP("deep", 15, List.of("vanish", "relu")),
    PRETRAINING("pretraining", 25, List.of("train", "dream", "compare")),
    CONVOLUTION("convolution", 15, List.of("step", "pool", "pad", "rule")),
    RECURRENT("recurrent", 15, List.of("predict", "vanish", "explode")),
    LSTM("lstm", 15, List.of("race", "gates")),
    BIDIRECTIONAL("bidirectional", 10, List.of("blank", "deep"));

    /** The route of the labs index; each chapter's route is below it. */
    public static final String INDEX_ROUTE = "labs";

    private final String key;
    private final int minutes;
    private final List<String> tasks;

    Chapter(String key, int minutes, List<String> tasks) {
        this.key = key;
        this.minutes = minutes;
        this.tasks = tasks;
    }

    /** The short name used in routes, text keys and the progress table, e.g. {@code perceptron}. */
    public String key() {
        return key;
    }

    /** The route of the chapter's page, e.g. {@code labs/perceptron}. */
    public String route() {
        return INDEX_ROUTE + "/" + key;
    }

    public String titleKey() {
        return "labs." + key + ".title";
    }

    public String summaryKey() {
        return "labs." + key + ".summary";
    }

    public String taskKey(String task) {
        return "labs." + key + ".task." + task;
    }

    /** About how long the chapter takes, in minutes. */
    public int minutes() {
        return minutes;
    }

    /** The ids of its tasks, in the order the page lists them. */
    public List<String> tasks() {
        return tasks;
    }

    public boolean hasTask(String task) {
        return tasks.contains(task);
    }
}
