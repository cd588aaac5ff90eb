package org.nnlab.training;

import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.model.Sequential;

/**
 * Which runs keep a copy of their weights after each epoch for the charts: those on points, tables and texts.
 * Such a copy comes from another cluster member in the engine's file format.
 */
final class LiveModel {
    private LiveModel() {
    }

    static boolean wanted(DataChoice data) {
        return ToyData.handles(data) || TextCorpora.handles(data);
    }

    static Sequential fromFile(byte[] bytes) {
        try {
            return ModelFile.fromBytes(bytes);
        } catch (ModelFileException e) {
            throw new IllegalStateException("a cluster member sent a model this one cannot read", e);
        }
    }
}
