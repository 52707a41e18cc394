package dev.roletrail.ingest.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.roletrail.ingest.s3.S3Errors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Inventory inputs named on the command line: files, directories (every regular file in them) and
 * {@code s3://bucket/prefix} (every object under the prefix). Each input is one snapshot.
 */
public final class InventorySources {

    private InventorySources() {
    }

    /**
     * @param s3 creates the S3 client when an {@code s3://} location is named (null when none may be)
     */
    public static List<InventorySnapshot> read(List<String> locations, Supplier<S3Client> s3) throws IOException {
        List<InventorySnapshot> snapshots = new ArrayList<>();
        S3Client client = null;
        for (String location : locations) {
            if (location.startsWith("s3://")) {
                client = client == null ? s3.get() : client;
                snapshots.addAll(fromS3(client, location));
            } else {
                snapshots.addAll(fromPath(Path.of(location)));
            }
        }
        return snapshots;
    }

    private static List<InventorySnapshot> fromPath(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new IOException("no such file or directory: " + root);
        }
        List<Path> files;
        try (Stream<Path> paths = Files.walk(root)) {
            files = paths.filter(Files::isRegularFile).sorted().toList();
        }
        List<InventorySnapshot> snapshots = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                snapshots.add(InventoryFiles.read(file.toString(), in, Files.getLastModifiedTime(file).toInstant()));
            }
        }
        return snapshots;
    }

    private static List<InventorySnapshot> fromS3(S3Client s3, String location) throws IOException {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        List<InventorySnapshot> snapshots = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                if (object.key().endsWith("/")) {
                    continue;
                }
                try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(object.key()))) {
                    snapshots.add(InventoryFiles.read("s3://" + bucket + "/" + object.key(), in, object.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw new IOException("cannot read " + location + ": " + S3Errors.describe(e), e);
        }
        return snapshots;
    }
}
