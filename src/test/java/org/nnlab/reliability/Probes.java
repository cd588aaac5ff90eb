package org.nnlab.reliability;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.nnlab.digits.Strokes;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.data.GrayImage;

/**
 * Shared helpers of the probe replays (and of the soak benchmark): HTTP clients on distinct loopback
 * addresses, valid classify bodies, hand-made PNGs.
 */
public final class Probes {
    /** Each client gets its own 127.0.x.y address and so its own rate-limit bucket. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Probes() {
    }

    /** A client on the next loopback address of its own, so with a rate-limit bucket of its own. */
    public static HttpClient client() {
        int n = NEXT_ADDRESS.getAndIncrement();
        try {
            return HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName("127.0." + (100 + n / 250) + "." + (1 + n % 250)))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> post(HttpClient client, String url, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 28×28 MNIST-like one as the classify API's JSON body. */
    public static String validJson() {
        GrayImage one = new DigitPreprocessor().process(Strokes.one(112)).centred();
        StringJoiner j = new StringJoiner(",", "{\"pixels\":[", "]}");
        for (float v : one.pixels()) {
            j.add(Float.toString(v));
        }
        return j.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A drawn zero as an ordinary PNG, dark ink on white. */
    public static byte[] validPng(int side) {
        GrayImage zero = Strokes.zero(side);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.dispose();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int v = Math.round(255 * (1 - zero.get(x, y)));
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return encode(img, "png");
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG assembled chunk by chunk, with correct CRCs unless the caller breaks them afterwards. */
    static final class PngBuilder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        PngBuilder() {
            bytes.writeBytes(PNG_SIGNATURE);
        }

        PngBuilder ihdr(int width, int height, int bitDepth, int colorType, int interlace) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(data)) {
                out.writeInt(width);
                out.writeInt(height);
                out.writeByte(bitDepth);
                out.writeByte(colorType);
                out.writeByte(0);
                out.writeByte(0);
                out.writeByte(interlace);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return chunk("IHDR", data.toByteArray());
        }

        /** Image data: {@code rawBytes} zero bytes (filter bytes and samples), deflated. */
        PngBuilder zeroIdat(int rawBytes) {
            Deflater deflater = new Deflater(9);
            deflater.setInput(new byte[rawBytes]);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            deflater.end();
            return chunk("IDAT", out.toByteArray());
        }

        PngBuilder chunk(String type, byte[] data) {
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(data.length);
                byte[] t = type.getBytes(StandardCharsets.US_ASCII);
                out.write(t);
                out.write(data);
                CRC32 crc = new CRC32();
                crc.update(t);
                crc.update(data);
                out.writeInt((int) crc.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        PngBuilder iend() {
            return chunk("IEND", new byte[0]);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
