package dev.roletrail.ingest.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a set number of bytes has been read: the guard against decompression bombs. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new InflatedSizeLimitException(limit);
        }
    }

    /** The source inflates to more bytes than allowed. */
    static final class InflatedSizeLimitException extends IOException {
        private static final long serialVersionUID = 1L;

        InflatedSizeLimitException(long limit) {
            super("decompressed size exceeds the limit of " + limit + " bytes (possible decompression bomb)");
        }
    }
}
