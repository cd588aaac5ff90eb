package org.nnlab.workshop;

import java.util.Map;

/**
 * How much each participant of a room has contributed to the class data set, for the instructor's grid. The
 * class data feature implements it as a bean and publishes {@link ParticipantChanged.Change#CONTRIBUTED} when a
 * count changes; without such a bean every count is 0.
 */
public interface ContributionCounts {
    /** Drawings contributed in {@code roomId}, by participant id; a participant who is missing has none. */
    Map<String, Integer> drawingsByParticipant(String roomId);
}
