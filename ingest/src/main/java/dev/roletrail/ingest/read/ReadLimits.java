package dev.roletrail.ingest.read;

/**
 * Explicit bounds on what one source may cost, so hostile or broken input cannot exhaust memory.
 *
 * @param maxRecordBytes        a single record larger than this is dead-lettered
 * @param maxInflatedBytes      a source that decompresses to more than this is cut off (decompression bombs)
 */
public record ReadLimits(int maxRecordBytes, long maxInflatedBytes) {

    public static final ReadLimits DEFAULTS = new ReadLimits(1 << 20, 1L << 30);

    public ReadLimits {
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1024");
        }
        if (maxInflatedBytes < maxRecordBytes) {
            throw new IllegalArgumentException("maxInflatedBytes must be at least maxRecordBytes");
        }
    }
}
