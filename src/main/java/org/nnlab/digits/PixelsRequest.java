package org.nnlab.digits;

import org.nnlab.engine.data.GrayImage;

/**
 * The JSON body of {@code POST /api/v1/classify}: 784 values, row-major, each finite and between 0
 * (background) and 1 (ink). {@link PixelsRequestReader} binds it and refuses anything else.
 */
record PixelsRequest(float[] pixels) {
    static final int SIDE = 28;
    static final int PIXELS = SIDE * SIDE;

    PixelsRequest {
        if (pixels.length != PIXELS) {
            throw new IllegalArgumentException("expected " + PIXELS + " pixels, got " + pixels.length);
        }
    }

    GrayImage image() {
        return new GrayImage(SIDE, SIDE, pixels);
    }
}
