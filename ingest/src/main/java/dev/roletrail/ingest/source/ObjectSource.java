package dev.roletrail.ingest.source;

import java.io.IOException;
import java.util.List;

/** Lists the objects to ingest, in the order they should be read. */
public interface ObjectSource {

    List<SourceObject> list() throws IOException;

    /** A short description for logs and progress, without credentials. */
    String describe();
}
