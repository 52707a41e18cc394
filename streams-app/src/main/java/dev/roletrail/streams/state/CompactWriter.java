package dev.roletrail.streams.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Appends fields to a growing byte array: unsigned varints for lengths and small numbers, strings as their UTF-8
 * length plus one (zero for null) and bytes, byte arrays the same way, instants as seconds and nanoseconds (null as a
 * leading zero byte), ids as a UUID's 16 bytes when they are one.
 */
public final class CompactWriter {

    private byte[] bytes = new byte[128];
    private int size;

    public void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    public void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    /** A non-negative int in one to five bytes; a negative one is refused here, as the reader would refuse it. */
    public void writeVarint(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a varint is not negative: " + value);
        }
        writeVarlong(value);
    }

    public void writeLong(long value) {
        writeVarlong((value << 1) ^ (value >> 63)); // zig-zag: small negative numbers stay short
    }

    public void writeString(String value) {
        writeBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes as their length plus one (zero for null), then the bytes. */
    public void writeBytes(byte[] value) {
        if (value == null) {
            writeVarint(0);
            return;
        }
        writeVarint(value.length + 1);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /**
     * An id: a UUID in its canonical lowercase form (CloudTrail's eventID) as a one and 16 bytes instead of 37, any
     * other string (null too) as a zero and the string. The reader gives back the same string either way.
     */
    public void writeId(String value) {
        if (!isCanonicalUuid(value)) {
            writeByte(0);
            writeString(value);
            return;
        }
        writeByte(1);
        writeFixedLong(hexBits(value, 0, 18));
        writeFixedLong(hexBits(value, 19, 36));
    }

    /** The 64 bits of the hex digits in {@code value[from, to)}, dashes skipped (a canonical UUID's halves). */
    private static long hexBits(String value, int from, int to) {
        long bits = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c != '-') {
                bits = bits << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
            }
        }
        return bits;
    }

    public void writeInstant(Instant value) {
        writeBoolean(value != null);
        if (value != null) {
            writeLong(value.getEpochSecond());
            writeVarint(value.getNano());
        }
    }

    public void writeStrings(List<String> values) {
        writeVarint(values.size());
        values.forEach(this::writeString);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void writeFixedLong(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            writeByte((int) (value >>> shift));
        }
    }

    /** What {@code UUID.toString()} gives back exactly: 8-4-4-4-12 lowercase hex digits. */
    static boolean isCanonicalUuid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private void writeVarlong(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
