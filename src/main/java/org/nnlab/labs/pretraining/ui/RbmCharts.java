package org.nnlab.labs.pretraining.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.nnlab.labs.pretraining.RbmPoint;

/** ECharts options for the lab RBM's two curves: reconstruction error and free energy, training and held-out. */
final class RbmCharts {
    private RbmCharts() {
    }

    static String option(String yName, String trainName, String heldOutName, List<RbmPoint> curve,
                         ToDoubleFunction<RbmPoint> train, ToDoubleFunction<RbmPoint> heldOut, String xName) {
        return "{\"animation\":false,\"grid\":{\"left\":64,\"right\":16,\"top\":36,\"bottom\":44},"
                + "\"tooltip\":{\"trigger\":\"axis\"},\"legend\":{\"top\":0},"
                + "\"xAxis\":{\"type\":\"value\",\"name\":" + quote(xName) + ",\"nameLocation\":\"middle\",\"nameGap\":26},"
                + "\"yAxis\":{\"type\":\"value\",\"scale\":true,\"name\":" + quote(yName) + "},"
                + "\"series\":[" + series(trainName, curve, train) + "," + series(heldOutName, curve, heldOut) + "]}";
    }

    private static String series(String name, List<RbmPoint> curve, ToDoubleFunction<RbmPoint> value) {
        StringBuilder data = new StringBuilder();
        for (RbmPoint p : curve) {
            double v = value.applyAsDouble(p);
            if (Double.isFinite(v)) {
                data.append(data.isEmpty() ? "" : ",")
                        .append(String.format(Locale.ROOT, "[%d,%.5g]", p.samples(), v));
            }
        }
        return "{\"type\":\"line\",\"showSymbol\":false,\"name\":" + quote(name) + ",\"data\":[" + data + "]}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
