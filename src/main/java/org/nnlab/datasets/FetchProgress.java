package org.nnlab.datasets;

/**
 * One step of a dataset download, for a progress bar: what is happening, in a sentence, and how far
 * along the whole fetch is, from 0 to 1 ({@code fraction} is -1 while it cannot be known).
 */
public record FetchProgress(Stage stage, String message, double fraction) {
    /** The steps in order. */
    public enum Stage {
        CHECKING, DOWNLOADING, EXTRACTING, VERIFYING, INSTALLING, DONE
    }
}
