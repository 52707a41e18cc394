package dev.roletrail.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import dev.roletrail.simulator.output.DatasetSink;

/** A dataset held in memory, by key, for tests. */
public final class MemorySink implements DatasetSink {

    public final Map<String, byte[]> objects = new TreeMap<>();

    @Override
    public void put(String key, byte[] bytes) {
        if (objects.putIfAbsent(key, bytes) != null) {
            throw new IllegalStateException("written twice: " + key);
        }
    }

    /** SHA-256 of every object, by key. */
    Map<String, String> hashes() {
        Map<String, String> hashes = new TreeMap<>();
        objects.forEach((key, bytes) -> hashes.put(key, sha256(bytes)));
        return hashes;
    }

    /** The decompressed text of a log object, or the text of any other. */
    String text(String key) {
        byte[] bytes = objects.get(key);
        if (!key.endsWith(".gz")) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
