package org.nnlab.workshop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The instructor's secret: 32 random bytes written in URL-safe Base64 (43 characters), of which the server
 * keeps only the SHA-256. A key is checked by comparing hashes in constant time, so the time an answer takes
 * tells nothing of how much of a guess was right.
 */
final class InstructorKeys {
    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(digest(key));
    }

    /** Whether {@code key} is the one whose hash is {@code storedHash}; a missing key never is. */
    static boolean matches(String key, String storedHash) {
        if (key == null || storedHash == null || storedHash.length() != 64) {
            return false;
        }
        return MessageDigest.isEqual(digest(key), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
