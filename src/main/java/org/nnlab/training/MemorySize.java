package org.nnlab.training;

import java.util.Locale;

/** Byte counts as people read them: "512 KB", "1.9 GB" (powers of 1024, one decimal from MB up). */
final class MemorySize {
    private MemorySize() {
    }

    static String format(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        double mb = bytes / (1024.0 * 1024);
        return mb < 1024 ? String.format(Locale.ROOT, "%.1f MB", mb) : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }
}
