package dev.roletrail.local.evaluate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.roletrail.schemas.config.InvalidConfigException;

/**
 * How the simulated dataset reaches Kafka in an evaluation. Both go through the production {@code Ingester}, so the
 * cloudtrail topic gets the same records with the same keys; they differ in where ingest reads the log objects.
 */
public enum TrailFeed {

    /** The in-process S3 server, as {@code ingest --bucket} reads a trail: the production path end to end. */
    S3,

    /**
     * A local directory, as {@code ingest --files} reads one: at scale the S3 server's cost per object (every object
     * written, listed and read back over HTTP) would take as long as the streams app.
     */
    FILES;

    /** The feed of a flag value ({@code s3}, {@code files}); anything else is a wrong flag. */
    public static TrailFeed of(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("--feed: '" + value + "' is not one of " + Arrays.stream(values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
