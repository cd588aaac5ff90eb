package org.nnlab.workshop.challenge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking of a challenge: each participant's best entered run, higher accuracy first; between equal
 * accuracies the run that finished first is ahead. Equal places share a rank only when both the
 * accuracy and the time are equal.
 */
public final class Leaderboard {
    /** One line of the board. */
    public record Row(int rank, Entry entry) {
    }

    /** Better first: higher accuracy, then earlier finish, then lower entry id. */
    static final Comparator<Entry> BETTER_FIRST = Comparator.comparingDouble(Entry::accuracy).reversed()
            .thenComparing(Entry::finishedAt)
            .thenComparingLong(Entry::id);

    private Leaderboard() {
    }

    public static List<Row> rank(List<Entry> entries) {
        Map<String, Entry> best = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.accepted() && !Double.isNaN(e.accuracy())) {
                best.merge(e.participantId(), e, (a, b) -> BETTER_FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        List<Entry> sorted = new ArrayList<>(best.values());
        sorted.sort(BETTER_FIRST);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Entry e = sorted.get(i);
            boolean sameAsAbove = i > 0 && sorted.get(i - 1).accuracy() == e.accuracy()
                    && sorted.get(i - 1).finishedAt().equals(e.finishedAt());
            rows.add(new Row(sameAsAbove ? rows.get(i - 1).rank() : i + 1, e));
        }
        return rows;
    }
}
