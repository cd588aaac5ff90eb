package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.tensor.Tensor;

/**
 * Digits drawn with a thick pen on a large canvas, off-centre, go through the PNG path and the MNIST-style
 * preprocessing and are recognised by the shipped models: the path the draw-a-digit page takes.
 */
class DrawnDigitsTest {
    private static BufferedImage canvas(Consumer<Graphics2D> pen) {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        pen.accept(g);
        g.dispose();
        return img;
    }

    private static BufferedImage digit(int d) {
        return switch (d) {
            case 0 -> canvas(g -> g.drawOval(60, 40, 90, 150));
            case 1 -> canvas(g -> g.drawLine(250, 60, 240, 230));
            case 4 -> canvas(g -> {
                g.drawLine(120, 50, 80, 160);
                g.drawLine(80, 160, 190, 160);
                g.drawLine(165, 70, 165, 250);
            });
            case 7 -> canvas(g -> {
                g.drawLine(200, 80, 300, 80);
                g.drawLine(300, 80, 230, 260);
            });
            default -> throw new IllegalArgumentException("no drawing of " + d);
        };
    }

    private static Sequential model(String name) throws IOException {
        try (InputStream in = DrawnDigitsTest.class.getResourceAsStream("/models/" + name)) {
            assertNotNull(in, name);
            return ModelFile.fromBytes(in.readAllBytes());
        }
    }

    @ParameterizedTest
    @CsvSource({"0, mnist-mlp.nnm", "1, mnist-mlp.nnm", "4, mnist-mlp.nnm", "7, mnist-mlp.nnm",
            "0, mnist-cnn.nnm", "1, mnist-cnn.nnm", "4, mnist-cnn.nnm", "7, mnist-cnn.nnm"})
    void shippedModelsRecogniseDrawnDigits(int digit, String modelName) throws IOException {
        Tensor input = new DigitPreprocessor().process(DigitImages.fromImage(digit(digit))).input();
        Tensor out = model(modelName).forward(input, Mode.INFER);
        assertEquals(digit, out.argmaxRow(0), modelName + " on a drawn " + digit + ": " + out);
    }
}
