package org.nnlab.engine.data;

import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Every stage of {@link DigitPreprocessor#process}, for display: the drawing as given, its ink's
 * bounding box ({@code boxX, boxY, boxWidth, boxHeight}), the box cropped out, the crop scaled so its
 * longer side is 20 px, and the final 28×28 image with the scaled digit's centre of mass moved to
 * (14, 14). {@code offsetX, offsetY} is where the scaled image's top-left corner went in the final
 * image. An empty drawing gives {@code empty = true}, 0×0 crop and scaled images and a blank final image.
 */
public record DigitStages(GrayImage drawing, boolean empty, int boxX, int boxY, int boxWidth, int boxHeight,
                          GrayImage cropped, GrayImage scaled, int offsetX, int offsetY, GrayImage centred) {

    /** The final image as a model input {@code [1, 1, 28, 28]}. */
    public Tensor input() {
        return new Tensor(Shape.of(1, 1, centred.height(), centred.width()), centred.pixels().clone());
    }
}
