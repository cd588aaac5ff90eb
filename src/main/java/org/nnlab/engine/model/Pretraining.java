package org.nnlab.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.json.JsonException;

/**
 * How a model's weights were prepared before supervised training, as its {@link ModelFile} records it:
 * nothing ({@link #NONE}, random initialisation), or greedy layer-wise pretraining with one RBM per listed
 * layer, each trained on the hidden probabilities of the one below.
 *
 * @param layers the pretrained layers, bottom first; empty for none
 */
public record Pretraining(List<RbmLayer> layers) {
    public static final Pretraining NONE = new Pretraining(List.of());

    public Pretraining {
        layers = List.copyOf(layers);
    }

    public boolean isPretrained() {
        return !layers.isEmpty();
    }

    /**
     * One RBM of the stack.
     *
     * @param layerIndex          the model layer (a Dense layer) whose weights [visible, hidden] and biases it gave
     * @param visible             visible units
     * @param hidden              hidden units
     * @param gibbsSteps          k of CD-k
     * @param persistent          persistent CD
     * @param epochs              epochs of RBM training
     * @param learningRate        learning rate
     * @param momentum            momentum
     * @param weightDecay         L2 weight decay
     * @param batchSize           samples per update
     * @param reconstructionError the RBM's mean squared reconstruction error in its last epoch
     */
    public record RbmLayer(int layerIndex, int visible, int hidden, int gibbsSteps, boolean persistent, int epochs,
                           double learningRate, double momentum, double weightDecay, int batchSize,
                           double reconstructionError) {
        public RbmLayer {
            if (layerIndex < 0 || visible < 1 || hidden < 1 || gibbsSteps < 1 || epochs < 0 || batchSize < 1) {
                throw new IllegalArgumentException("a pretrained layer needs layerIndex >= 0 and positive sizes, got layer "
                        + layerIndex + ", " + visible + " -> " + hidden + ", k " + gibbsSteps + ", epochs " + epochs
                        + ", batch " + batchSize);
            }
        }
    }

    /** {@code {"method": "none"}} or {@code {"method": "rbm-greedy", "layers": [{…}, …]}}. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("method", isPretrained() ? "rbm-greedy" : "none");
        if (isPretrained()) {
            List<Object> list = new ArrayList<>();
            for (RbmLayer l : layers) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("layer", l.layerIndex());
                m.put("visible", l.visible());
                m.put("hidden", l.hidden());
                m.put("k", l.gibbsSteps());
                m.put("persistent", l.persistent());
                m.put("epochs", l.epochs());
                m.put("learningRate", l.learningRate());
                m.put("momentum", l.momentum());
                m.put("weightDecay", l.weightDecay());
                m.put("batchSize", l.batchSize());
                m.put("reconstructionError", Double.isFinite(l.reconstructionError()) ? l.reconstructionError() : null);
                list.add(m);
            }
            root.put("layers", list);
        }
        return Json.write(root);
    }

    /** Reads {@link #toJson()}'s form; throws IllegalArgumentException naming what is wrong. */
    public static Pretraining fromJson(String json) {
        Object parsed;
        try {
            parsed = Json.parse(json, 1 << 16, 8);
        } catch (JsonException e) {
            throw new IllegalArgumentException("pretraining record is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("method") instanceof String method)) {
            throw new IllegalArgumentException("pretraining record needs a \"method\"");
        }
        return switch (method) {
            case "none" -> NONE;
            case "rbm-greedy" -> new Pretraining(readLayers(root.get("layers")));
            default -> throw new IllegalArgumentException("unknown pretraining method \"" + method + "\"");
        };
    }

    private static List<RbmLayer> readLayers(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("rbm-greedy pretraining needs a non-empty \"layers\" list");
        }
        List<RbmLayer> layers = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("each pretrained layer must be an object");
            }
            layers.add(new RbmLayer(whole(m, "layer"), whole(m, "visible"), whole(m, "hidden"), whole(m, "k"),
                    Boolean.TRUE.equals(m.get("persistent")), whole(m, "epochs"), number(m, "learningRate"),
                    number(m, "momentum"), number(m, "weightDecay"), whole(m, "batchSize"),
                    m.get("reconstructionError") == null ? Double.NaN : number(m, "reconstructionError")));
        }
        return layers;
    }

    private static double number(Map<?, ?> m, String name) {
        if (m.get(name) instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("pretrained layer field \"" + name + "\" must be a number, got " + m.get(name));
    }

    private static int whole(Map<?, ?> m, String name) {
        double v = number(m, name);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pretrained layer field \"" + name + "\" must be a whole number, got " + v);
        }
        return (int) v;
    }
}
