package org.nnlab.labs.playground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.engine.data.toy.ToyDataset;
import org.nnlab.engine.data.toy.ToyFeature;
import org.nnlab.engine.data.toy.ToyPoint;
import org.nnlab.engine.optim.Regularization;
import org.nnlab.labs.playground.PlaygroundSettings.Activation;

/**
 * Playground settings as query parameters, so that a copied link opens the same experiment:
 * {@code data} (xor, circle, gauss, spiral, own), {@code points} (own points as {@code x1,x2,class} joined by
 * {@code ;}), {@code noise} (0–50 %), {@code train} (10–90 % of the points), {@code seed}, {@code features}
 * (comma list of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2), {@code hidden} (neurons per hidden layer, e.g.
 * {@code 4,2}; {@code 0} for none), {@code act} (sigmoid, tanh, relu, linear), {@code lr}, {@code reg}
 * (none, l1, l2), {@code regRate} and {@code batch}. A missing or unreadable parameter takes its default;
 * numbers are held to their ranges.
 */
public final class PlaygroundLink {
    private static final String OWN = "own";
    private static final String GAUSS = "gauss";

    private PlaygroundLink() {
    }

    /** Every parameter of {@code s}, in a fixed order. */
    public static Map<String, String> toParameters(PlaygroundSettings s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data", s.dataset() == null ? OWN : dataName(s.dataset()));
        if (s.dataset() == null) {
            p.put("points", String.join(";", s.ownPoints().stream()
                    .map(pt -> number(pt.x1()) + "," + number(pt.x2()) + "," + pt.label()).toList()));
        }
        p.put("noise", Integer.toString(s.noisePercent()));
        p.put("train", Integer.toString(s.trainPercent()));
        p.put("seed", Long.toString(s.seed()));
        p.put("features", String.join(",", s.features().stream().map(ToyFeature::key).toList()));
        p.put("hidden", s.hidden().isEmpty() ? "0" : String.join(",", s.hidden().stream().map(String::valueOf).toList()));
        p.put("act", s.activation().name().toLowerCase(Locale.ROOT));
        p.put("lr", number(s.learningRate()));
        p.put("reg", s.regularization().name().toLowerCase(Locale.ROOT));
        p.put("regRate", number(s.regularizationRate()));
        p.put("batch", Integer.toString(s.batchSize()));
        return p;
    }

    /** Settings from query parameters; whatever is missing or unreadable is taken from {@link PlaygroundSettings#defaults()}. */
    public static PlaygroundSettings fromParameters(Map<String, String> p) {
        PlaygroundSettings d = PlaygroundSettings.defaults();
        String data = p.getOrDefault("data", "");
        ToyDataset dataset = OWN.equals(data) ? null : dataset(data, d.dataset());
        List<ToyPoint> own = dataset == null ? points(p.getOrDefault("points", "")) : List.of();
        List<ToyFeature> features = features(p.get("features"), d.features());
        List<Integer> hidden = hidden(p.get("hidden"), d.hidden());
        return new PlaygroundSettings(dataset, own,
                (int) clamp(integer(p.get("noise"), d.noisePercent()), 0, 50),
                (int) clamp(integer(p.get("train"), d.trainPercent()), 10, 90),
                integer(p.get("seed"), d.seed()), features, hidden,
                choice(Activation.class, p.get("act"), d.activation()),
                clamp(decimal(p.get("lr"), d.learningRate()), 1e-5, PlaygroundSettings.MAX_LEARNING_RATE),
                choice(Regularization.class, p.get("reg"), d.regularization()),
                clamp(decimal(p.get("regRate"), d.regularizationRate()), 0, PlaygroundSettings.MAX_REGULARIZATION_RATE),
                (int) clamp(integer(p.get("batch"), d.batchSize()), 1, PlaygroundSettings.MAX_BATCH));
    }

    private static String dataName(ToyDataset dataset) {
        return dataset == ToyDataset.GAUSSIANS ? GAUSS : dataset.name().toLowerCase(Locale.ROOT);
    }

    private static ToyDataset dataset(String name, ToyDataset fallback) {
        for (ToyDataset d : ToyDataset.values()) {
            if (dataName(d).equals(name)) {
                return d;
            }
        }
        return fallback;
    }

    private static List<ToyPoint> points(String text) {
        List<ToyPoint> points = new ArrayList<>();
        for (String item : text.split(";")) {
            String[] parts = item.split(",");
            if (parts.length != 3 || points.size() >= PlaygroundSettings.MAX_OWN_POINTS) {
                continue;
            }
            double x1 = clamp(decimal(parts[0], Double.NaN), -6, 6);
            double x2 = clamp(decimal(parts[1], Double.NaN), -6, 6);
            long label = integer(parts[2], -1);
            if (Double.isFinite(x1) && Double.isFinite(x2) && (label == 0 || label == 1)) {
                points.add(new ToyPoint(x1, x2, (int) label));
            }
        }
        return points;
    }

    private static List<ToyFeature> features(String text, List<ToyFeature> fallback) {
        if (text == null) {
            return fallback;
        }
        List<ToyFeature> out = new ArrayList<>();
        for (String key : text.split(",")) {
            try {
                ToyFeature f = ToyFeature.ofKey(key.trim());
                if (!out.contains(f)) {
                    out.add(f);
                }
            } catch (IllegalArgumentException unknown) {
                // an unknown feature in a hand-edited link is left out
            }
        }
        return out.isEmpty() ? fallback : out;
    }

    private static List<Integer> hidden(String text, List<Integer> fallback) {
        if (text == null) {
            return fallback;
        }
        if (text.isBlank() || text.equals("0")) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String n : text.split(",")) {
            long units = integer(n.trim(), -1);
            if (units >= 1 && out.size() < PlaygroundSettings.MAX_HIDDEN_LAYERS) {
                out.add((int) Math.min(units, PlaygroundSettings.MAX_NEURONS));
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, E fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    private static long integer(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double decimal(String text, double fallback) {
        try {
            double v = text == null ? fallback : Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double clamp(double v, double low, double high) {
        return Double.isNaN(v) ? v : Math.max(low, Math.min(high, v));
    }

    /** Short decimal text: at most four significant decimals, no trailing zeros. */
    private static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
