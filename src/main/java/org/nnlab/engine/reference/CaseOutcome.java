package org.nnlab.engine.reference;

/**
 * The verdict on one reference case: its position and kind, PASS / FAIL / SKIPPED, the largest error
 * (NaN when not run), the field it was in, and for a skipped or broken case the reason.
 */
public record CaseOutcome(int index, String kind, Status status, double maxError, String worstField, String reason) {
    public enum Status { PASS, FAIL, SKIPPED }

    /** One line for a terminal, e.g. {@code "  3 optimizer_adam  max error 2.1e-08  PASS"}. */
    public String line() {
        String head = String.format("%3d %-28s", index, kind);
        return switch (status) {
            case SKIPPED -> head + " SKIPPED (" + reason + ")";
            case PASS -> head + String.format(" max error %.2e  PASS", maxError);
            case FAIL -> head + (Double.isNaN(maxError) ? " FAIL (" + reason + ")"
                    : String.format(" max error %.2e  FAIL (worst: %s)", maxError, worstField));
        };
    }
}
