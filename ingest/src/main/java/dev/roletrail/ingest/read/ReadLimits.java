package dev.roletrail.ingest.read;

/**
 * Explicit bounds on what one source may cost, so hostile or broken input cannot exhaust memory.
 *
 * @param maxRecordBytes   a single record larger than this is dead-lettered
 * @param maxInflatedBytes a source that decompresses to more than this is cut off (decompression bombs)
 * @param maxNestingDepth  a record nesting objects and arrays deeper than this is dead-lettered (CloudTrail's own
 *                         records nest about ten levels)
 */
public record ReadLimits(int maxRecordBytes, long maxInflatedBytes, int maxNestingDepth) {

    public static final int DEFAULT_NESTING_DEPTH = 64;
    /** Deeper than this the reader stops reading the source at all: even skipping costs memory per level. */
    public static final int HARD_NESTING_DEPTH = 10_000;
    public static final ReadLimits DEFAULTS = new ReadLimits(1 << 20, 1L << 30, DEFAULT_NESTING_DEPTH);

    public ReadLimits {
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1024");
        }
        if (maxInflatedBytes < maxRecordBytes) {
            throw new IllegalArgumentException("maxInflatedBytes must be at least maxRecordBytes");
        }
        if (maxNestingDepth < 8 || maxNestingDepth > HARD_NESTING_DEPTH / 2) {
            throw new IllegalArgumentException("maxNestingDepth must be between 8 and " + HARD_NESTING_DEPTH / 2);
        }
    }

    public ReadLimits(int maxRecordBytes, long maxInflatedBytes) {
        this(maxRecordBytes, maxInflatedBytes, DEFAULT_NESTING_DEPTH);
    }
}
