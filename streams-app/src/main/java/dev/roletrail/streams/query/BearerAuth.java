package dev.roletrail.streams.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <token>}. Both sides are hashed first and compared with
 * {@link MessageDigest#isEqual}, so the time taken tells nothing about the token, not even its length.
 */
final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    /** @param token the token, or null for none required */
    BearerAuth(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    boolean required() {
        return expected != null;
    }

    boolean allows(String authorizationHeader) {
        if (expected == null) {
            return true;
        }
        String presented = authorizationHeader != null && authorizationHeader.startsWith(PREFIX)
                ? authorizationHeader.substring(PREFIX.length()).trim() : "";
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
