package dev.roletrail.testkit;

import java.util.HashMap;
import java.util.Map;

import dev.roletrail.schemas.Topics;

/** The settings that point ingest and the streams app at the test broker, the test S3 server and a test's topics. */
public final class PipelineSettings {

    private PipelineSettings() {
    }

    /** A mutable map, so a test can add or override settings before building its configs. */
    public static Map<String, String> of(TestKafka kafka, TestS3 s3, Topics topics, String bucket) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.prefix", topics.prefix());
        settings.put("ingest.transactional.id", topics.prefix() + "-ingest");
        settings.put("ingest.s3.bucket", bucket);
        settings.put("s3.endpoint", s3.endpoint().toString());
        settings.put("s3.region", "us-east-1");
        settings.put("s3.path-style", "true");
        settings.put("streams.application.id", topics.prefix() + "-app");
        return settings;
    }
}
