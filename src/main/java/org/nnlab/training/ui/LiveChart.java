package org.nnlab.training.ui;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nnlab.training.JobId;
import org.nnlab.training.JobSnapshot;

/**
 * A chart of series that grow with the run. The first snapshot of a run sends the whole option; every
 * later one sends only the points past the last step sent for each series. A new run starts over.
 */
final class LiveChart {
    private final NnChart chart;
    private final Function<JobSnapshot, List<List<double[]>>> points;
    private final BiFunction<JobSnapshot, List<List<double[]>>, String> option;
    private final String placeholder;
    private JobId run;
    private int[] lastSteps = new int[0];

    /**
     * @param points      every series' points [step, value] in a snapshot, in step order
     * @param option      the whole option for a snapshot and those points
     * @param placeholder the option shown before any run: what the chart will show
     */
    LiveChart(NnChart chart, Function<JobSnapshot, List<List<double[]>>> points,
              BiFunction<JobSnapshot, List<List<double[]>>, String> option, String placeholder) {
        this.chart = chart;
        this.points = points;
        this.option = option;
        this.placeholder = placeholder;
        chart.setOption(placeholder);
    }

    NnChart chart() {
        return chart;
    }

    void show(JobSnapshot s) {
        List<List<double[]>> all = points.apply(s);
        if (!s.id().equals(run) || all.size() != lastSteps.length) {
            run = s.id();
            chart.setOption(option.apply(s, all));
            lastSteps = new int[all.size()];
            for (int i = 0; i < all.size(); i++) {
                lastSteps[i] = all.get(i).isEmpty() ? Integer.MIN_VALUE : (int) all.get(i).getLast()[0];
            }
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            List<double[]> series = all.get(i);
            int from = series.size();
            while (from > 0 && series.get(from - 1)[0] > lastSteps[i]) {
                from--;
            }
            if (from < series.size()) {
                chart.appendPoints(i, ChartOptions.itemsJson(series.subList(from, series.size())));
                lastSteps[i] = (int) series.getLast()[0];
            }
        }
    }

    /** Back to the empty chart that says what it will show. */
    void reset() {
        run = null;
        lastSteps = new int[0];
        chart.setOption(placeholder);
    }
}
