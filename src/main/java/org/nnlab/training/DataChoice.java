package org.nnlab.training;

/**
 * Which samples a job trains on: a data set by name ({@code "mnist"}, or {@code "drawings"}: the job
 * owner's own labelled drawings from the Draw page) and how many training samples to take from it
 * ({@code 0} for all of them).
 */
public record DataChoice(String dataset, int size) {
    public static final String MNIST = "mnist";
    public static final String DRAWINGS = "drawings";
    /** The fewest own drawings a run can train on. */
    public static final int MIN_DRAWINGS = 10;

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

    /** All of the job owner's own drawings. */
    public static DataChoice drawings() {
        return new DataChoice(DRAWINGS, 0);
    }

    public boolean isDrawings() {
        return DRAWINGS.equals(dataset);
    }
}
