package org.nnlab.workshop;

/**
 * What a run started by a participant of the room may use at most; the server refuses bigger runs.
 *
 * @param maxEpochs     epochs of one run
 * @param maxParameters learnable values of the network
 */
public record RoomLimits(int maxEpochs, long maxParameters) {
    public RoomLimits {
        if (maxEpochs < 1 || maxParameters < 1) {
            throw new IllegalArgumentException("room limits must be positive: " + maxEpochs + ", " + maxParameters);
        }
    }
}
