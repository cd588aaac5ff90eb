package org.nnlab.labs.recurrent.ui;

import java.util.List;
import org.nnlab.training.ui.NnChart;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** ECharts options for the recurrent labs: line curves over training and heat maps of steps × units. */
final class LineChart {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LineChart() {
    }

    /**
     * One line per name, {@code values[i]} the y values, x = index · {@code stride}. The legend sits in its own band
     * at the top (scrolling sideways when narrow); the axis names sit outside the labels, the y one turned along the
     * axis, so neither meets the legend. With {@code reference}, the last line is a reference level (chance), drawn
     * grey and dashed.
     */
    static void lines(NnChart chart, String xName, String yName, List<String> names, List<double[]> values, int stride,
                      Double max, boolean reference) {
        ObjectNode option = JSON.objectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("type", "scroll").put("top", 0).put("left", "center")
                .putArray("data").addAll(names.stream().map(JSON::stringNode).toList());
        option.putObject("grid").put("left", 60).put("right", 20).put("top", 40).put("bottom", 44);
        option.putObject("xAxis").put("type", "value").put("name", xName).put("nameLocation", "middle").put("nameGap", 26);
        ObjectNode y = option.putObject("yAxis").put("type", "value").put("name", yName).put("nameLocation", "middle")
                .put("nameGap", 44);
        if (max != null) {
            y.put("min", 0).put("max", max);
        }
        ArrayNode series = option.putArray("series");
        for (int s = 0; s < names.size(); s++) {
            ObjectNode line = series.addObject().put("type", "line").put("name", names.get(s)).put("showSymbol", false);
            if (s == names.size() - 1 && reference) {
                line.put("color", "#888888").putObject("lineStyle").put("type", "dashed").put("width", 1.5);
            }
            ArrayNode data = line.putArray("data");
            double[] v = values.get(s);
            for (int i = 0; i < v.length; i++) {
                data.addArray().add((long) (i + 1) * stride).add(Double.isFinite(v[i]) ? v[i] : 0);
            }
        }
        chart.setOption(option.toString());
    }

    /** A heat map: {@code values[step][unit]} between {@code low} and {@code high}, steps along x. */
    static void heatmap(NnChart chart, String title, float[][] values, double low, double high) {
        ObjectNode option = JSON.objectNode();
        option.putObject("title").put("text", title).put("left", "center").putObject("textStyle").put("fontSize", 13);
        option.putObject("grid").put("left", 36).put("right", 12).put("top", 38).put("bottom", 58);
        ArrayNode steps = option.putObject("xAxis").put("type", "category").putArray("data");
        for (int t = 0; t < values.length; t++) {
            steps.add(t + 1);
        }
        ArrayNode units = option.putObject("yAxis").put("type", "category").putArray("data");
        int unitCount = values.length == 0 ? 0 : values[0].length;
        for (int u = 0; u < unitCount; u++) {
            units.add(u + 1);
        }
        ObjectNode scale = option.putObject("visualMap").put("min", low).put("max", high).put("calculable", false)
                .put("orient", "horizontal").put("left", "center").put("bottom", 0).put("itemHeight", 80);
        scale.putArray("text").add(format(high)).add(format(low));
        ArrayNode colors = scale.putObject("inRange").putArray("color");
        if (low < 0) {
            colors.add("#2c6fbb").add("#f4f4f4").add("#c0392b");
        } else {
            colors.add("#f4f4f4").add("#2c6fbb");
        }
        ArrayNode data = option.putArray("series").addObject().put("type", "heatmap").putArray("data");
        for (int t = 0; t < values.length; t++) {
            for (int u = 0; u < unitCount; u++) {
                data.addArray().add(t).add(u).add(Math.round(values[t][u] * 1000) / 1000.0);
            }
        }
        chart.setOption(option.toString());
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
