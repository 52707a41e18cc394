package dev.roletrail.streams.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads what {@link CompactWriter} wrote, in the same order; a truncated or overlong value fails, never guesses. */
public final class CompactReader {

    private final byte[] bytes;
    private int position;

    public CompactReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.position = offset;
    }

    public int readByte() {
        if (position >= bytes.length) {
            throw new IllegalArgumentException("truncated at byte " + position);
        }
        return bytes[position++] & 0xFF;
    }

    public boolean readBoolean() {
        int value = readByte();
        if (value > 1) {
            throw new IllegalArgumentException("not a boolean at byte " + (position - 1) + ": " + value);
        }
        return value == 1;
    }

    public int readVarint() {
        long value = readVarlong();
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not an int at byte " + position + ": " + value);
        }
        return (int) value;
    }

    public long readLong() {
        long zigzag = readVarlong();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    public String readString() {
        int length = readLength();
        if (length < 0) {
            return null;
        }
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public byte[] readBytes() {
        int length = readLength();
        if (length < 0) {
            return null;
        }
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    /** What {@link CompactWriter#writeId} wrote. */
    public String readId() {
        return switch (readByte()) {
            case 0 -> readString();
            case 1 -> new UUID(readFixedLong(), readFixedLong()).toString();
            default -> throw new IllegalArgumentException("not an id at byte " + (position - 1));
        };
    }

    public Instant readInstant() {
        if (!readBoolean()) {
            return null;
        }
        long seconds = readLong();
        return Instant.ofEpochSecond(seconds, readVarint());
    }

    public List<String> readStrings() {
        int count = readVarint();
        if (count > bytes.length - position) {
            throw new IllegalArgumentException(count + " strings cannot fit in what is left at byte " + position);
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString());
        }
        return values;
    }

    /** After the last field: more bytes mean the reader and the writer disagree on the form. */
    public void requireEnd() {
        if (position != bytes.length) {
            throw new IllegalArgumentException((bytes.length - position) + " bytes left after the last field");
        }
    }

    private long readFixedLong() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | readByte();
        }
        return value;
    }

    /** The length of the string or bytes that follow (written plus one), -1 for null; never past the end. */
    private int readLength() {
        int length = readVarint() - 1;
        if (length > bytes.length - position) {
            throw new IllegalArgumentException(length + " bytes past the end at byte " + position);
        }
        return length;
    }

    private long readVarlong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = readByte();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than ten bytes at byte " + position);
    }
}
