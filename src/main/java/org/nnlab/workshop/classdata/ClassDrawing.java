package org.nnlab.workshop.classdata;

import java.time.Instant;

/**
 * A digit a participant drew for the class: the 28×28 network input (ink = 1, row-major, 784 values) as
 * Draw prepares it, the digit they were asked for, and who drew it.
 */
public record ClassDrawing(long id, String roomId, String participantId, int label, float[] pixels,
                           Instant createdAt) {
}
