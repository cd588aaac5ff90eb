package org.nnlab.digits;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a PNG's IHDR chunk declares, read from the first 33 bytes without decoding anything: size, bit
 * depth and colour type, so that a request can be refused by the memory its pixels would take before
 * any of it is allocated.
 */
record PngHeader(int width, int height, int bitDepth, int colourType, boolean interlaced) {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int LENGTH = SIGNATURE.length + 8 + 13;

    /** Whether {@code bytes} start with the PNG signature. */
    static boolean hasSignature(byte[] bytes) {
        return bytes.length >= SIGNATURE.length
                && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /** The header of {@code png}; throws with a reason when it is not a well-formed IHDR. */
    static PngHeader read(byte[] png) {
        if (!hasSignature(png)) {
            throw new IllegalArgumentException("it does not start with the PNG signature");
        }
        if (png.length < LENGTH) {
            throw new IllegalArgumentException("it ends before its header (IHDR) does");
        }
        ByteBuffer b = ByteBuffer.wrap(png, SIGNATURE.length, LENGTH - SIGNATURE.length);
        int length = b.getInt();
        byte[] type = new byte[4];
        b.get(type);
        if (length != 13 || !Arrays.equals(type, new byte[] {'I', 'H', 'D', 'R'})) {
            throw new IllegalArgumentException("its first chunk is not a 13-byte IHDR");
        }
        int width = b.getInt();
        int height = b.getInt();
        int bitDepth = b.get() & 0xff;
        int colourType = b.get() & 0xff;
        b.get(); // compression: only 0 exists
        b.get(); // filter: only 0 exists
        int interlace = b.get() & 0xff;
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("its header declares " + Integer.toUnsignedString(width) + "×"
                    + Integer.toUnsignedString(height) + " pixels");
        }
        PngHeader header = new PngHeader(width, height, bitDepth, colourType, interlace == 1);
        if (header.channels() == 0 || !validDepth(colourType, bitDepth) || interlace > 1) {
            throw new IllegalArgumentException("its header declares colour type " + colourType + " at bit depth "
                    + bitDepth + ", which PNG does not define");
        }
        return header;
    }

    /** Samples a pixel: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA, 1 palette index; 0 for an unknown type. */
    int channels() {
        return switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            case 6 -> 4;
            default -> 0;
        };
    }

    /** Bytes of the samples at full size, as a decoder would hold them (at least one byte a sample). */
    long decodedBytes() {
        return (long) width * height * channels() * Math.max(1, bitDepth / 8);
    }

    private static boolean validDepth(int colourType, int bitDepth) {
        return switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            default -> bitDepth == 8 || bitDepth == 16;
        };
    }
}
