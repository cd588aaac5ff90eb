package org.nnlab.engine.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.tensor.Shape;

/** Reads the pretraining record of a version 2 model file and checks that it names layers the model has. */
final class PretrainingRecord {
    private PretrainingRecord() {
    }

    static Pretraining read(ByteBuffer in, Sequential model) throws ModelFileException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new ModelFileException("model file is corrupted: its parts do not add up to its length");
        }
        byte[] json = new byte[length];
        in.get(json);
        Pretraining pretraining;
        try {
            pretraining = Pretraining.fromJson(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("model file has an unusable pretraining record: " + e.getMessage());
        }
        for (Pretraining.RbmLayer layer : pretraining.layers()) {
            checkFits(layer, model);
        }
        return pretraining;
    }

    private static void checkFits(Pretraining.RbmLayer layer, Sequential model) throws ModelFileException {
        int index = layer.layerIndex();
        List<Param> params = index < model.layers().size() ? model.layers().get(index).params() : List.of();
        Shape expected = Shape.of(layer.visible(), layer.hidden());
        if (params.isEmpty() || !params.getFirst().value().shape().equals(expected)) {
            throw new ModelFileException("model file's pretraining record names layer " + index + " with weights "
                    + expected + ", which the model does not have");
        }
    }
}
