package org.nnlab.workshop;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A room's results as CSV (RFC 4180, written by Apache Commons CSV): one row per person who took part. Text that
 * a spreadsheet would read as a formula (starting with =, +, -, @) gets a leading apostrophe.
 */
final class ResultsCsv {
    static final String[] HEADER = {"nickname", "joined_at", "runs_finished", "best_accuracy", "best_network", "best_at"};

    private ResultsCsv() {
    }

    static String write(List<ParticipantResult> results) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (ParticipantResult r : results) {
                csv.printRecord(text(r.participant().nickname()), r.participant().joinedAt(), r.runsFinished(),
                        r.hasResult() ? String.format(Locale.ROOT, "%.4f", r.bestAccuracy()) : "",
                        text(r.bestNetwork()), r.bestAt() == null ? "" : r.bestAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
