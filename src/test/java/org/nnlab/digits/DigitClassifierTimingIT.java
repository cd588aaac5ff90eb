package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.data.GrayImage;

/**
 * Not a timed assertion: prints how long the server needs per drawing with each shipped model, from
 * the pad's base64 message to probabilities (decode, preprocess, network, softmax), with and without
 * the inner layers' outputs, and the PNG pictures of those layers. Median and 95th percentile of 500
 * runs after 200 warm-up runs.
 */
class DigitClassifierTimingIT {
    @Test
    void printsTheServerTimePerDrawing() {
        DigitModels models = new DigitModels(List.of(new ShippedDigitModels()));
        DigitClassifier classifier = new DigitClassifier(models);
        String message = PadImages.encode(Strokes.zero(PadImages.SIDE));
        for (DigitModel model : models.available(null)) {
            for (boolean layers : new boolean[] {false, true}) {
                double[] ms = new double[500];
                for (int i = -200; i < ms.length; i++) {
                    long start = System.nanoTime();
                    GrayImage drawing = PadImages.decode(message);
                    Classification c = classifier.classify(model, drawing, layers);
                    if (layers) {
                        for (LayerActivation l : c.layers()) {
                            int planes = l.isFeatureMaps() ? l.shape().dim(0) : 1;
                            int plane = l.values().length / planes;
                            for (int p = 0; p < planes; p++) {
                                GrayPng.dataUrl(l.values(), p * plane, plane, 1, 0, 1);
                            }
                        }
                    }
                    long nanos = System.nanoTime() - start;
                    if (i >= 0) {
                        ms[i] = nanos / 1e6;
                    }
                    assertEquals(0, c.prediction());
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "DRAW LATENCY %s %s: median %.3f ms, p95 %.3f ms%n", model.id(),
                        layers ? "with layer pictures" : "probabilities only", ms[ms.length / 2],
                        ms[(int) Math.ceil(0.95 * ms.length) - 1]);
            }
        }
    }
}
