package org.nnlab.digits;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes small 8-bit grayscale PNGs (feature maps, the 28×28 input) straight from float values, fast
 * enough to do on every stroke: one IHDR, one IDAT compressed at the fastest level, IEND.
 */
public final class GrayPng {
    /** A few compressors, reused: creating one costs more than compressing a small picture. */
    private static final ConcurrentLinkedQueue<Deflater> DEFLATERS = new ConcurrentLinkedQueue<>();
    private static final int KEPT_DEFLATERS = 8;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private GrayPng() {
    }

    /**
     * Encodes {@code width × height} values starting at {@code offset}, row-major, mapping {@code low}
     * to black and {@code high} to white (values outside are clamped). Needs {@code high > low}.
     */
    public static byte[] encode(float[] values, int offset, int width, int height, float low, float high) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a PNG needs at least 1×1 pixels, got " + width + "×" + height);
        }
        float scale = high > low ? 255f / (high - low) : 0f;
        byte[] raw = new byte[height * (width + 1)];
        int i = 0;
        for (int y = 0; y < height; y++) {
            raw[i++] = 0; // filter: none
            int row = offset + y * width;
            for (int x = 0; x < width; x++) {
                float v = (values[row + x] - low) * scale;
                raw[i++] = (byte) Math.round(Math.clamp(v, 0f, 255f));
            }
        }
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED);
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 2 + 64);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[4096];
            while (!deflater.finished()) {
                idat.write(buf, 0, deflater.deflate(buf));
            }
        } finally {
            deflater.reset();
            if (DEFLATERS.size() < KEPT_DEFLATERS) {
                DEFLATERS.offer(deflater);
            } else {
                deflater.end();
            }
        }

        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** The same PNG as a {@code data:image/png;base64,…} URL for an {@code <img src>}. */
    public static String dataUrl(float[] values, int offset, int width, int height, float low, float high) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(
                encode(values, offset, width, height, low, high));
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(len.array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
