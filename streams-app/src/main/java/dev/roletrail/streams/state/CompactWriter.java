package dev.roletrail.streams.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Appends fields to a growing byte array: unsigned varints for lengths and small numbers, strings as their UTF-8
 * length plus one (zero for null) and bytes, byte arrays the same way, instants as seconds and nanoseconds (null as a
 * leading zero byte).
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
