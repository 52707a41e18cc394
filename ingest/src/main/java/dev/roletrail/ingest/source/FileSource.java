package dev.roletrail.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import dev.roletrail.ingest.progress.Checkpoints;
import dev.roletrail.ingest.s3.CloudTrailObjectKey;

/**
 * Local files and directory trees of CloudTrail records ({@code .json}, {@code .json.gz}, {@code .jsonl}), in a fixed
 * order so a rerun reads them in the same order: a copy of a trail bucket in delivery order, as the bucket is read.
 */
public final class FileSource implements ObjectSource {

    /** A file and the delivery stamp its name carries ({@link Instant#MIN} when not named as CloudTrail names). */
    private record Ordered(Path path, Instant stamp) {
    }

    /**
     * A copy of a trail bucket is read as the bucket is: in delivery order across accounts and regions (stamp, then
     * path), not one account after another, which would take event time back at every account. Other files come
     * first, in path order.
     */
    private static final Comparator<Ordered> READING_ORDER = Comparator.comparing(Ordered::stamp)
            .thenComparing(Ordered::path);

    private final List<Path> roots;

    public FileSource(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public Iterator<SourceObject> list(Checkpoints done) throws IOException {
        return files().iterator();
    }

    /** Every file to read, in reading order. */
    public List<SourceObject> files() throws IOException {
        List<SourceObject> objects = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IOException("no such file or directory: " + root);
            }
            try (Stream<Path> paths = Files.walk(root)) {
                paths.filter(Files::isRegularFile).filter(FileSource::looksLikeRecords)
                        .map(path -> new Ordered(path, CloudTrailObjectKey.parse(path.toString())
                                .map(CloudTrailObjectKey::stamp).orElse(Instant.MIN)))
                        .sorted(READING_ORDER).forEach(file -> objects.add(toObject(file.path())));
            }
        }
        return objects;
    }

    /**
     * Files named on their own (not found in a directory) that are not read, for their name: a caller can say so,
     * while files passed over in a directory walk stay quiet.
     */
    public List<Path> namedButSkipped() {
        return roots.stream().filter(Files::isRegularFile).filter(path -> !looksLikeRecords(path)).toList();
    }

    @Override
    public String describe() {
        return "files " + roots;
    }

    private static boolean looksLikeRecords(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".json.gz") || name.endsWith(".jsonl")
                || name.endsWith(".jsonl.gz");
    }

    private static SourceObject toObject(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new SourceObject(path.toString(), attributes.size(), attributes.lastModifiedTime().toInstant(),
                    () -> Files.newInputStream(path));
        } catch (IOException e) {
            return new SourceObject(path.toString(), -1, null, () -> Files.newInputStream(path));
        }
    }
}
