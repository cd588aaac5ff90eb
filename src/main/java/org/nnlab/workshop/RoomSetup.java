package org.nnlab.workshop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nnlab.engine.json.Json;

/**
 * A training setup the instructor sends to everyone in the room: a network (its display name and its spec as
 * JSON), the data set and how many of its samples to train on (0: all), the optimizer with its learning rate, mini-batch size, epochs and seed. Each push gets
 * a new {@code id}, so a page can tell a setup it has already shown from a new one.
 */
public record RoomSetup(String id, String networkName, String specJson, String dataset, int dataSize, String optimizer,
                        double learningRate, int batchSize, int epochs, long seed) {
    public RoomSetup {
        Objects.requireNonNull(id);
        Objects.requireNonNull(networkName);
        Objects.requireNonNull(specJson);
        Objects.requireNonNull(dataset);
        Objects.requireNonNull(optimizer);
        if (!(learningRate > 0) || batchSize < 1 || epochs < 1 || dataSize < 0) {
            throw new IllegalArgumentException("a setup needs a positive learning rate, batch size and epochs");
        }
    }

    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("network", networkName);
        m.put("spec", specJson);
        m.put("data", dataset);
        m.put("dataSize", dataSize);
        m.put("optimizer", optimizer);
        m.put("learningRate", learningRate);
        m.put("batchSize", batchSize);
        m.put("epochs", epochs);
        m.put("seed", seed);
        return Json.write(m);
    }

    static RoomSetup fromJson(String json) {
        Map<?, ?> m = (Map<?, ?>) Json.parse(json);
        return new RoomSetup((String) m.get("id"), (String) m.get("network"), (String) m.get("spec"),
                (String) m.get("data"), (int) number(m, "dataSize"), (String) m.get("optimizer"), number(m, "learningRate"),
                (int) number(m, "batchSize"), (int) number(m, "epochs"), (long) number(m, "seed"));
    }

    private static double number(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
