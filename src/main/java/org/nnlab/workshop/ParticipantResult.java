package org.nnlab.workshop;

import java.time.Instant;

/**
 * A participant's results kept with the room: finished runs and the best test accuracy among them.
 *
 * @param bestAccuracy best accuracy (0..1) of a finished run, or NaN before the first one
 * @param bestNetwork  short description of the network that reached it, or null
 * @param bestAt       when it was reached, or null
 */
public record ParticipantResult(Participant participant, int runsFinished, double bestAccuracy, String bestNetwork,
                                Instant bestAt) {
    public boolean hasResult() {
        return !Double.isNaN(bestAccuracy);
    }
}
