package dev.roletrail.ingest.source;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import dev.roletrail.ingest.progress.Checkpoints;

/**
 * Records piped into standard input ({@code --files -}), in any format the reader accepts. A pipe cannot be read
 * twice, so nothing is checkpointed: rerunning the same input produces it again.
 */
public final class StdinSource implements ObjectSource {

    public static final String ID = "stdin";

    private final InputStream in;

    public StdinSource(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public Iterator<SourceObject> list(Checkpoints done) {
        // The reader closes what it reads; standard input belongs to the process.
        InputStream unclosable = new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
        return List.of(new SourceObject(ID, -1, null, false, () -> unclosable)).iterator();
    }

    @Override
    public String describe() {
        return "standard input";
    }
}
