package org.nnlab.training;

/** Which runs keep a copy of their weights after each epoch for the charts: those on points, tables and texts. */
final class LiveModel {
    private LiveModel() {
    }

    static boolean wanted(DataChoice data) {
        return ToyData.handles(data) || TextCorpora.handles(data);
    }
}
