package org.nnlab.workshop.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rules on their own: best run per person, accuracy first, then who finished first. */
class LeaderboardTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static long ids;

    private static Entry entry(String who, double accuracy, int second, boolean accepted) {
        return new Entry(++ids, "c", who, "job" + ids, accepted, accepted ? null : "challenge.refused.epochs",
                List.of(), accuracy, 1000, "net", "{}", T0.plusSeconds(second));
    }

    @Test
    void higherAccuracyFirstAndAnEqualAccuracyReachedEarlierAhead() {
        List<Leaderboard.Row> rows = Leaderboard.rank(List.of(
                entry("late", 0.91, 30, true),
                entry("best", 0.95, 40, true),
                entry("early", 0.91, 10, true),
                entry("low", 0.50, 1, true)));
        assertEquals(List.of("best", "early", "late", "low"), rows.stream().map(r -> r.entry().participantId()).toList());
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(Leaderboard.Row::rank).toList());
    }

    @Test
    void eachPersonAppearsOnceWithTheirBestEnteredRun() {
        List<Leaderboard.Row> rows = Leaderboard.rank(List.of(
                entry("ada", 0.80, 1, true),
                entry("ada", 0.90, 2, true),
                entry("ada", 0.99, 3, false),
                entry("ada", 0.90, 4, true),
                entry("bo", 0.85, 5, true),
                entry("cy", 0.97, 6, false)));
        assertEquals(2, rows.size());
        assertEquals("ada", rows.getFirst().entry().participantId());
        assertEquals(0.90, rows.getFirst().entry().accuracy());
        assertEquals(T0.plusSeconds(2), rows.getFirst().entry().finishedAt(), "the first time ada reached 0.90");
        assertEquals("bo", rows.get(1).entry().participantId());
    }

    @Test
    void onlyTheSameAccuracyAtTheSameMomentSharesARank() {
        List<Leaderboard.Row> rows = Leaderboard.rank(List.of(
                entry("a", 0.9, 5, true), entry("b", 0.9, 5, true), entry("c", 0.9, 6, true)));
        assertEquals(List.of(1, 1, 3), rows.stream().map(Leaderboard.Row::rank).toList());
    }
}
