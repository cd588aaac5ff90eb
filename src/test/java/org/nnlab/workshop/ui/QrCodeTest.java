package org.nnlab.workshop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG QR code reads back, with ZXing's own decoder, as the link it was made of. */
class QrCodeTest {
    @Test
    void theSvgDecodesToTheJoinLink() throws Exception {
        String link = "https://nnlab.example.org/join/K7P2QX";
        String svg = QrCode.svg(link);
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        size.find();
        int modules = Integer.parseInt(size.group(1));
        int scale = 6;
        int[] pixels = new int[modules * scale * modules * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        int dark = 0;
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * modules * scale + x * scale + dx] = 0xFF000000;
                }
            }
            dark++;
        }
        int side = modules * scale;
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(side, side, pixels)))).getText();
        assertEquals(link, decoded);
        assertEquals(true, dark > modules, "a QR code has many dark modules: " + dark);
    }
}
