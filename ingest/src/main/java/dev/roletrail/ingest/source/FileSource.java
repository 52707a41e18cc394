package dev.roletrail.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import dev.roletrail.ingest.progress.Checkpoints;

/**
 * Local files and directory trees of CloudTrail records ({@code .json}, {@code .json.gz}, {@code .jsonl}), in path
 * order so a rerun reads them in the same order.
 */
public final class FileSource implements ObjectSource {

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
                paths.filter(Files::isRegularFile).filter(FileSource::looksLikeRecords).sorted()
                        .forEach(path -> objects.add(toObject(path)));
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
