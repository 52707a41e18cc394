package dev.roletrail.local.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.config.InvalidConfigException;

/**
 * What {@code roletrail analyze} reads, from its SOURCE arguments: local files and directories (read as one source),
 * standard input ({@code -}), and S3 buckets or prefixes ({@code s3://bucket[/prefix]}), in the order given.
 */
public record AnalysisSources(List<Path> files, boolean stdin, List<S3Location> buckets) {

    /** A bucket and the key prefix before {@code AWSLogs/} (empty for the whole bucket). */
    public record S3Location(String bucket, String prefix) {
        public S3Location {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public String toString() {
            return "s3://" + bucket + "/" + prefix;
        }
    }

    public AnalysisSources {
        files = List.copyOf(files);
        buckets = List.copyOf(buckets);
    }

    /** Parses the arguments; a missing path or a bucket-less S3 URL is a one-line {@link InvalidConfigException}. */
    public static AnalysisSources parse(List<String> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            throw new InvalidConfigException("analyze needs a SOURCE: a file, a directory, - or s3://bucket/prefix");
        }
        List<Path> files = new ArrayList<>();
        List<S3Location> buckets = new ArrayList<>();
        boolean stdin = false;
        for (String argument : arguments) {
            if (argument.equals("-")) {
                if (stdin) {
                    throw new InvalidConfigException("SOURCE: '-' (standard input) can be given once");
                }
                stdin = true;
            } else if (argument.startsWith("s3://")) {
                buckets.add(s3(argument));
            } else {
                Path path = Path.of(argument);
                if (!Files.exists(path)) {
                    throw new InvalidConfigException("SOURCE: no such file or directory: " + argument);
                }
                if (!Files.isReadable(path)) {
                    throw new InvalidConfigException("SOURCE: cannot read " + argument);
                }
                files.add(path);
            }
        }
        return new AnalysisSources(files, stdin, buckets);
    }

    private static S3Location s3(String url) {
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isBlank()) {
            throw new InvalidConfigException("SOURCE: no bucket in '" + url + "'");
        }
        return new S3Location(bucket, trailPrefix(slash < 0 ? "" : rest.substring(slash + 1)));
    }

    /**
     * The trail's key prefix as ingest wants it, the part before {@code AWSLogs/} with its slash: CloudTrail writes
     * {@code <S3KeyPrefix>/AWSLogs/...}, and a user may paste either the prefix alone or a deeper path of the trail.
     */
    static String trailPrefix(String path) {
        int logs = path.indexOf("AWSLogs/");
        String prefix = logs >= 0 ? path.substring(0, logs) : path;
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
