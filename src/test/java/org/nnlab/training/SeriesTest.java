package org.nnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.training.JobSnapshot.TrainPoint;

/** The histories' columns: views stay as they were taken, growing and thinning keep the newest point. */
class SeriesTest {
    private static final Series.Point<TrainPoint> POINT = (steps, v, c, i) -> new TrainPoint(steps[i], v[i * c], v[i * c + 1]);

    private static void add(Series s, int step) {
        s.add(step);
        s.set(0, step / 10.0);
        s.set(1, step / 100.0);
    }

    @Test
    void aViewDoesNotChangeWhenPointsAreAddedOrTheArraysGrow() {
        Series s = new Series(2, 2, 100);
        add(s, 1);
        add(s, 2);
        List<TrainPoint> before = s.view(POINT);
        for (int step = 3; step <= 10; step++) {
            add(s, step);
        }
        assertThat(before).containsExactly(new TrainPoint(1, 0.1, 0.01), new TrainPoint(2, 0.2, 0.02));
        assertThat(s.view(POINT)).hasSize(10).last().isEqualTo(new TrainPoint(10, 1.0, 0.1));
    }

    @Test
    void pastItsLimitEverySecondPointGoesAndTheNewestStays() {
        Series s = new Series(2, 8, 8);
        for (int step = 1; step <= 8; step++) {
            add(s, step);
        }
        List<TrainPoint> full = s.view(POINT);
        add(s, 9);
        assertThat(s.view(POINT)).extracting(TrainPoint::step).containsExactly(1, 3, 5, 8, 9);
        assertThat(full).extracting(TrainPoint::step).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
