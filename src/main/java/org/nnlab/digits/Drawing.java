package org.nnlab.digits;

import java.time.Instant;

/**
 * A drawing someone labelled ("Wrong? Tell it"): the 28×28 image the network saw (ink = 1, row-major,
 * 784 values), the digit it really is, what the model said ({@code predicted}, -1 when unknown) and
 * which model that was.
 */
public record Drawing(long id, String owner, float[] pixels, int label, int predicted, String modelId,
                      Instant createdAt) {
}
