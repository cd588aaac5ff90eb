package org.nnlab.digits;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.engine.model.ModelFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The two networks trained on all of MNIST that ship inside the jar ({@code /models/*.nnm}): the CNN
 * first, as the default, then the MLP. A missing file is logged and left out of the list.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ShippedDigitModels implements DigitModelSource {
    public static final String CNN = "mnist-cnn";
    public static final String MLP = "mnist-mlp";
    private static final Logger log = LoggerFactory.getLogger(ShippedDigitModels.class);

    private final List<DigitModel> models;

    public ShippedDigitModels() {
        List<DigitModel> found = new ArrayList<>();
        add(found, CNN, "CNN (LeNet-5)");
        add(found, MLP, "MLP 784-256-128-10");
        models = List.copyOf(found);
    }

    private static void add(List<DigitModel> found, String id, String name) {
        String resource = "/models/" + id + ".nnm";
        byte[] bytes;
        try (InputStream in = ShippedDigitModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                log.warn("Shipped model {} is missing from the class path; it is not offered", resource);
                return;
            }
            bytes = in.readAllBytes();
            ModelFile.fromBytes(bytes);
        } catch (IOException e) {
            log.warn("Shipped model {} cannot be read ({}); it is not offered", resource, e.getMessage());
            return;
        }
        found.add(new DigitModel(id, name, () -> ModelFile.fromBytes(bytes)));
    }

    @Override
    public List<DigitModel> models(String owner) {
        return models;
    }
}
