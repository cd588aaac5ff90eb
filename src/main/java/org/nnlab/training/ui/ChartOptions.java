package org.nnlab.training.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nnlab.engine.json.Json;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobSnapshot.EpochPoint;
import org.nnlab.training.JobSnapshot.HealthPoint;
import org.nnlab.training.JobSnapshot.TrainPoint;

/** ECharts options (as JSON) for the dashboard's charts, built from a job snapshot. */
final class ChartOptions {
    static final int MAX_POINTS = 600;
    /** The shaded band of healthy update/weight ratios around 1e-3. */
    static final double HEALTHY_LOW = 3e-4;
    static final double HEALTHY_HIGH = 3e-3;
    /** Pixels a placeholder sentence may take before it wraps: fits a chart on a 390-pixel phone. */
    private static final int PLACEHOLDER_WIDTH = 300;

    private final Function<String, String> text;

    ChartOptions(Function<String, String> text) {
        this.text = text;
    }

    /** Series 0: training loss per step; series 1: validation loss per epoch. */
    static List<List<double[]>> lossPoints(JobSnapshot s) {
        return metricPoints(s, TrainPoint::loss, EpochPoint::validationLoss);
    }

    /** Series 0: training accuracy per step; series 1: validation accuracy per epoch. */
    static List<List<double[]>> accuracyPoints(JobSnapshot s) {
        return metricPoints(s, TrainPoint::accuracy, EpochPoint::validationAccuracy);
    }

    private static List<List<double[]>> metricPoints(JobSnapshot s, ToDoubleFunction<TrainPoint> train,
                                                   ToDoubleFunction<EpochPoint> validation) {
        List<double[]> trainData = new ArrayList<>();
        for (TrainPoint p : s.train()) {
            trainData.add(new double[] {p.step(), round(train.applyAsDouble(p))});
        }
        List<double[]> valData = new ArrayList<>();
        for (EpochPoint p : s.epochHistory()) {
            double v = validation.applyAsDouble(p);
            if (Double.isFinite(v)) {
                valData.add(new double[] {p.step(), round(v)});
            }
        }
        return List.of(trainData, valData);
    }

    /** One series per layer with parameters: its gradient norm per step. */
    static List<List<double[]>> gradientPoints(JobSnapshot s) {
        return layerPoints(s, HealthPoint::gradientNorms);
    }

    /** One series per layer with parameters: its update/weight ratio per step. */
    static List<List<double[]>> ratioPoints(JobSnapshot s) {
        return layerPoints(s, HealthPoint::updateRatios);
    }

    private static List<List<double[]>> layerPoints(JobSnapshot s, Function<HealthPoint, double[]> values) {
        List<List<double[]>> series = new ArrayList<>();
        for (int layer = 0; layer < s.layerNames().size(); layer++) {
            List<double[]> data = new ArrayList<>();
            for (HealthPoint p : s.health()) {
                double[] v = values.apply(p);
                if (layer < v.length && v[layer] > 0 && Double.isFinite(v[layer])) {
                    data.add(new double[] {p.step(), v[layer]});
                }
            }
            series.add(data);
        }
        return series;
    }

    String loss(JobSnapshot s, List<List<double[]>> points) {
        return metric(text.apply("train.chart.loss"), points, false);
    }

    String accuracy(JobSnapshot s, List<List<double[]>> points) {
        return metric(text.apply("train.chart.accuracy"), points, true);
    }

    private String metric(String title, List<List<double[]>> points, boolean fraction) {
        Map<String, Object> y = obj("type", "value", "scale", true);
        if (fraction) {
            y.put("max", 1);
        }
        return Json.write(obj(
                "animation", false,
                "title", obj("text", title, "textStyle", obj("fontSize", 13)),
                "tooltip", obj("trigger", "axis"),
                "legend", obj("top", 0, "right", 0),
                "grid", obj("left", 50, "right", 20, "top", 40, "bottom", 30),
                "xAxis", obj("type", "value", "name", text.apply("train.chart.step"), "nameLocation", "end"),
                "yAxis", y,
                "series", List.of(
                        obj("name", text.apply("train.chart.training"), "type", "line", "showSymbol", false,
                                "data", items(thin(points.get(0)))),
                        obj("name", text.apply("train.chart.validation"), "type", "line", "symbolSize", 7,
                                "data", items(points.get(1))))));
    }

    String gradientNorms(JobSnapshot s, List<List<double[]>> points) {
        return perLayer(s, text.apply("train.chart.gradients"), points, true);
    }

    String updateRatios(JobSnapshot s, List<List<double[]>> points) {
        return perLayer(s, text.apply("train.chart.ratios"), points, false);
    }

    private String perLayer(JobSnapshot s, String title, List<List<double[]>> points, boolean norms) {
        List<Object> series = new ArrayList<>();
        for (int layer = 0; layer < points.size(); layer++) {
            Map<String, Object> line = obj("name", s.layerNames().get(layer), "type", "line", "showSymbol", false,
                    "data", items(thin(points.get(layer))));
            if (!norms && layer == 0) {
                line.put("markArea", obj("silent", true, "itemStyle", obj("color", "rgba(40,160,80,0.15)"),
                        "data", List.of(List.of(obj("yAxis", HEALTHY_LOW, "name", text.apply("train.chart.healthy")),
                                obj("yAxis", HEALTHY_HIGH)))));
            }
            series.add(line);
        }
        return Json.write(obj(
                "animation", false,
                "title", obj("text", title, "textStyle", obj("fontSize", 13)),
                "tooltip", obj("trigger", "axis"),
                "legend", obj("bottom", 0, "type", "scroll"),
                "grid", obj("left", 60, "right", 40, "top", 40, "bottom", 60),
                "xAxis", obj("type", "value", "name", text.apply("train.chart.step")),
                "yAxis", obj("type", "log", "logBase", 10),
                "series", series));
    }

    /** A chart with nothing to plot yet: its title and, in the middle, a sentence saying what will appear. */
    String placeholder(String titleKey, String hintKey) {
        return Json.write(obj(
                "animation", false,
                "title", obj("text", text.apply(titleKey), "textStyle", obj("fontSize", 13)),
                "graphic", List.of(obj("type", "text", "left", "center", "top", 36,
                        "style", obj("text", text.apply(hintKey), "fill", "#6b7785", "fontSize", 13, "lineHeight", 18,
                                "width", PLACEHOLDER_WIDTH, "overflow", "break")))));
    }

    /** Data items [step, value] as JSON: what {@link NnChart#appendPoints} sends. */
    static String itemsJson(List<double[]> points) {
        return Json.write(items(points));
    }

    private static List<Object> items(List<double[]> points) {
        List<Object> items = new ArrayList<>(points.size());
        for (double[] p : points) {
            items.add(List.of((int) p[0], p[1]));
        }
        return items;
    }

    String histogram(JobSnapshot.Histogram h) {
        int bins = h.counts().length;
        double width = (h.max() - h.min()) / bins;
        List<Object> labels = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.3g", h.min() + (i + 0.5) * width));
            counts.add(h.counts()[i]);
        }
        return Json.write(obj(
                "animation", false,
                "title", obj("text", text.apply("train.chart.histogram") + " " + h.layer(), "textStyle", obj("fontSize", 12)),
                "tooltip", obj("trigger", "axis"),
                "grid", obj("left", 45, "right", 10, "top", 30, "bottom", 40),
                "xAxis", obj("type", "category", "data", labels, "axisLabel", obj("rotate", 45, "fontSize", 9)),
                "yAxis", obj("type", "value"),
                "series", List.of(obj("type", "bar", "barCategoryGap", "5%", "data", counts))));
    }

    /** Heat map, true class down, predicted class across; a cell's value is [predicted, actual, count]. */
    /** The most classes whose confusion-matrix cells still show their counts. */
    static final int MAX_LABELLED_CLASSES = 20;

    String confusion(JobSnapshot.Confusion c) {
        List<Object> data = new ArrayList<>();
        List<Object> classes = new ArrayList<>();
        long max = 1;
        for (int t = 0; t < c.classes(); t++) {
            classes.add(String.valueOf(t));
            for (int p = 0; p < c.classes(); p++) {
                long n = c.count(t, p);
                max = Math.max(max, t == p ? 0 : n);
                data.add(List.of(p, t, n));
            }
        }
        return Json.write(obj(
                "animation", false,
                "title", obj("text", text.apply("train.chart.confusion"), "textStyle", obj("fontSize", 13)),
                "tooltip", obj("position", "top"),
                "grid", obj("left", 50, "right", 20, "top", 40, "bottom", 60),
                "xAxis", obj("type", "category", "data", classes, "name", text.apply("train.chart.predicted"),
                        "nameLocation", "middle", "nameGap", 25),
                "yAxis", obj("type", "category", "data", classes, "name", text.apply("train.chart.actual"),
                        "inverse", true),
                "visualMap", obj("min", 0, "max", max, "show", false, "inRange",
                        obj("color", List.of("#f7fbff", "#fdae6b", "#d94801"))),
                // counts in the cells only while they fit (a character model has 100 × 100 cells); drawn in one go
                "series", List.of(obj("type", "heatmap", "data", data, "progressive", 0,
                        "label", obj("show", c.classes() <= MAX_LABELLED_CLASSES, "fontSize", 10)))));
    }

    private static <T> List<T> thin(List<T> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<T> out = new ArrayList<>(MAX_POINTS + 1);
        double stride = (double) points.size() / MAX_POINTS;
        for (double i = 0; i < points.size() - 1; i += stride) {
            out.add(points.get((int) i));
        }
        out.add(points.getLast());
        return out;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Double.parseDouble(String.format(java.util.Locale.ROOT, "%.5g", v)) : 0;
    }

    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
