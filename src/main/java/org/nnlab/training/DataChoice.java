package org.nnlab.training;

/**
 * Which samples a job trains on: a data set by name ({@code "mnist"}) and how many training samples to
 * take from it ({@code 0} for all of them).
 */
public record DataChoice(String dataset, int size) {
    public static final String MNIST = "mnist";

    public DataChoice {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("choose a data set, e.g. \"mnist\"");
        }
        if (size < 0) {
            throw new IllegalArgumentException("the subset size must be 0 (everything) or positive, got " + size);
        }
    }

    public static DataChoice mnist(int size) {
        return new DataChoice(MNIST, size);
    }
}
