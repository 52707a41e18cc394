package dev.roletrail.streams.time;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link DueBucket} as bytes: its entry count, then each due time (8 bytes) and key (length, UTF-8). A bucket is
 * written back at most once a commit but may hold thousands of keys, so it skips the generic state serde.
 */
public final class DueBucketSerde implements Serde<DueBucket> {

    private static final int MAX_KEY_BYTES = 0xFFFF;

    @Override
    public Serializer<DueBucket> serializer() {
        return (topic, bucket) -> bucket == null ? null : write(bucket);
    }

    @Override
    public Deserializer<DueBucket> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(DueBucket bucket) {
        Map<String, Long> dues = bucket.dues();
        byte[][] keys = new byte[dues.size()][];
        int size = Integer.BYTES;
        int i = 0;
        for (String key : dues.keySet()) {
            keys[i] = key.getBytes(StandardCharsets.UTF_8);
            if (keys[i].length > MAX_KEY_BYTES) {
                throw new SerializationException("due-index key longer than " + MAX_KEY_BYTES + " bytes");
            }
            size += Long.BYTES + Short.BYTES + keys[i].length;
            i++;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(dues.size());
        i = 0;
        for (long due : dues.values()) {
            out.putLong(due).putShort((short) keys[i].length).put(keys[i]);
            i++;
        }
        return out.array();
    }

    private static DueBucket read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int count = in.getInt();
            LinkedHashMap<String, Long> dues = new LinkedHashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                long due = in.getLong();
                byte[] key = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(key);
                dues.put(new String(key, StandardCharsets.UTF_8), due);
            }
            return new DueBucket(dues);
        } catch (RuntimeException e) {
            throw new SerializationException("not a due-index bucket (" + bytes.length + " bytes)", e);
        }
    }
}
