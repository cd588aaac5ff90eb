package org.nnlab.persistence;

import java.io.IOException;
import java.util.List;
import org.nnlab.digits.DigitModel;
import org.nnlab.digits.DigitModelSource;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.spec.ModelSpec;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The owner's saved models that read MNIST digits ({@code [1, 28, 28]} in, 10 out), offered to the Draw
 * view and the classify API under their database id. Anonymous callers get none.
 */
@Component
@Order(100)
public class SavedDigitModels implements DigitModelSource {
    private final ModelStore store;

    public SavedDigitModels(ModelStore store) {
        this.store = store;
    }

    @Override
    public List<DigitModel> models(String owner) {
        if (owner == null || owner.isBlank()) {
            return List.of();
        }
        return store.listWithSpecs(owner).stream()
                .filter(m -> readsDigits(m.specJson()))
                .map(m -> new DigitModel(m.summary().id(), m.summary().name(), () -> load(owner, m.summary().id())))
                .toList();
    }

    private org.nnlab.engine.model.Sequential load(String owner, String id) throws IOException {
        byte[] bytes = store.download(owner, id).orElseThrow(() -> new IOException("saved model " + id + " is gone"));
        try {
            return ModelFile.fromBytes(bytes);
        } catch (ModelFileException e) {
            throw new IOException("saved model " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean readsDigits(String specJson) {
        try {
            ModelSpec spec = ModelSpec.fromJson(specJson);
            return spec.input().equals(Mnist.IMAGE_SHAPE) && spec.outputShape().size() == 10;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
