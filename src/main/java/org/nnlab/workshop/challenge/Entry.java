package org.nnlab.workshop.challenge;

import java.time.Instant;
import java.util.List;

/**
 * A participant's finished run as the challenge took it: entered with its score, or turned away with the
 * reason (a text key and its arguments).
 *
 * @param accuracy   the objective's accuracy (0..1), NaN when it was not scored
 * @param network    a one-line description of the network
 * @param specJson   the network's spec, so that it can be opened in Build
 * @param finishedAt when the run ended: earlier wins a tie
 */
public record Entry(long id, String challengeId, String participantId, String jobId, boolean accepted, String reasonKey,
                    List<String> reasonArgs, double accuracy, long parameters, String network, String specJson,
                    Instant finishedAt) {
    public Entry {
        reasonArgs = List.copyOf(reasonArgs);
    }
}
