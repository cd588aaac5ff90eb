package org.nnlab.workshop.challenge.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.workshop.challenge.Leaderboard;

/**
 * The finish times the board writes beside each run: to the second in the reader's locale, and to the millisecond
 * on the lines whose accuracy equals a neighbour's and whose second is the same too. Such runs are ordered by
 * the instant they finished, so the reader sees which came first instead of two equal times with different ranks
 * (a class trains the same pushed setup and often finishes within one second).
 */
record FinishTimes(DateTimeFormatter seconds, DateTimeFormatter milliseconds) {

    static FinishTimes of(Locale locale, ZoneId zone) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.MEDIUM,
                IsoChronology.INSTANCE, locale);
        DateTimeFormatter seconds = DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
        DateTimeFormatter finer = pattern.contains("ss")
                ? DateTimeFormatter.ofPattern(pattern.replace("ss", "ss.SSS"), locale).withZone(zone) : seconds;
        return new FinishTimes(seconds, finer);
    }

    /** The finish time of each row, in the rows' order. */
    List<String> texts(List<Leaderboard.Row> rows) {
        List<String> texts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            boolean tied = i > 0 && sameAt(rows.get(i - 1), rows.get(i))
                    || i + 1 < rows.size() && sameAt(rows.get(i), rows.get(i + 1));
            texts.add((tied ? milliseconds : seconds).format(rows.get(i).entry().finishedAt()));
        }
        return texts;
    }

    private static boolean sameAt(Leaderboard.Row a, Leaderboard.Row b) {
        return a.entry().accuracy() == b.entry().accuracy() && second(a.entry().finishedAt()).equals(second(b.entry().finishedAt()));
    }

    private static Instant second(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }
}
