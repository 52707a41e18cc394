package dev.roletrail.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.PipelineSettings;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What a run committed shows at {@code /metrics} in the Prometheus format, served on loopback. */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class IngestMetricsIT {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void shouldServeRecordsBytesObjectsDeadLettersAndAge(TestKafka kafka, TestS3 s3) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 1);
        String bucket = s3.createBucket("metrics");
        byte[] good = CloudTrailFiles.gzip(CloudTrailFiles.envelope(List.of(
                CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/a").at(T).json(),
                CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/b").at(T).json())));
        s3.putObject(bucket, CloudTrailFiles.logObjectKey(null, "111122223333", "eu-west-1", T, "good"), good);
        s3.putObject(bucket, CloudTrailFiles.logObjectKey(null, "111122223333", "eu-west-1", T.plusSeconds(60), "bad"),
                new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        IngestConfig config = IngestConfig.from(Settings.of(PipelineSettings.of(kafka, s3, topics, bucket)));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry);
             Ingester ingester = new Ingester(config, new IngestMetrics(registry, Clock.systemUTC()), Clock.systemUTC())) {
            ingester.ingest(new S3ObjectSource(s3.client(), bucket, "", null));

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("roletrail_ingest_records_total 2.0",
                    "roletrail_ingest_objects_total 2.0",
                    "roletrail_ingest_bytes_total " + (double) (good.length + 5),
                    "roletrail_ingest_deadletters_total{reason=\"gzip\"} 1.0",
                    "roletrail_ingest_newest_object_age_seconds ");
        }
    }
}
