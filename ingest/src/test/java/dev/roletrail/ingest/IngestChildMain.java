package dev.roletrail.ingest;

import java.util.HashMap;
import java.util.Map;

import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.schemas.config.Settings;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ingest in a child JVM, for tests that kill it: {@code java -cp ... IngestChildMain name=value ...}. Credentials come
 * from the AWS default chain (the test sets {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}).
 */
public final class IngestChildMain {

    private IngestChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        IngestConfig config = IngestConfig.from(Settings.of(settings));
        try (S3Client s3 = S3Clients.create(config.s3()); Ingester ingester = new Ingester(config)) {
            IngestStats stats = ingester.ingest(new S3ObjectSource(s3, config.trailSelection(), 4, 1000));
            System.out.println("done " + stats);
        }
    }
}
