package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

import dev.roletrail.ingest.IngestConfig;
import dev.roletrail.ingest.Ingester;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.PipelineSettings;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;

/**
 * The spine end to end on real parts: a gzipped CloudTrail log object in an S3 server → ingest → the cloudtrail
 * topic on a real broker → the streams app with exactly_once_v2 → a first-time-assumption alert.
 */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class WalkingSkeletonIT {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String BOB = "arn:aws:iam::111122223333:user/bob";
    /** Not a sensitive role name: this test is about the path from S3 to an alert, not about role patterns. */
    private static final String ADMIN = "arn:aws:iam::111122223333:role/Reports";
    private static final String VENDOR = "arn:aws:iam::999988887777:role/Vendor";
    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");

    @Test
    void shouldTurnAnS3LogObjectIntoAnAlert(TestKafka kafka, TestS3 s3, @TempDir Path stateDir) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        String bucket = s3.createBucket("org-trail");
        CloudTrailEvent aliceAssumesAdmin = CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN)
                .at(DAY_0.plus(Duration.ofDays(20)));
        CloudTrailEvent bobAssumesVendor = CloudTrailEvent.byUser(BOB).assumeRole(VENDOR)
                .at(DAY_0.plus(Duration.ofDays(20)).plusSeconds(30));
        putLogObject(s3, bucket, DAY_0, "day0", List.of(CloudTrailEvent.byUser(ALICE).at(DAY_0),
                CloudTrailEvent.byUser(BOB).assumeRole(ADMIN).at(DAY_0)));
        putLogObject(s3, bucket, DAY_0.plus(Duration.ofDays(20)), "day20", List.of(aliceAssumesAdmin,
                bobAssumesVendor, CloudTrailEvent.byUser(BOB).assumeRole(ADMIN).at(DAY_0.plus(Duration.ofDays(20)))));
        Map<String, String> values = PipelineSettings.of(kafka, s3, topics, bucket);
        values.put("streams.state.dir", stateDir.toString());
        values.put("kafka.commit.interval.ms", "100");
        Settings settings = Settings.of(values);

        ingest(s3, IngestConfig.from(settings), bucket);
        StreamsAppConfig config = StreamsAppConfig.from(settings);
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        try (StreamsApp app = new StreamsApp(config)) {
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);

            List<Alert> alerts = kafka.consumeAtLeast(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                    topics.alerts().valueSerde().deserializer(), 2, Duration.ofSeconds(60)).stream()
                    .map(ConsumerRecord::value).toList();

            assertThat(alerts).extracting(Alert::detector, Alert::principal, Alert::role, Alert::severity)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("first-time-assumption", ALICE, ADMIN, Severity.MEDIUM),
                            org.assertj.core.groups.Tuple.tuple("first-time-assumption", BOB, VENDOR, Severity.HIGH));
            assertThat(alerts).filteredOn(a -> a.principal().equals(ALICE)).singleElement()
                    .satisfies(a -> assertThat(a.eventIds()).containsExactly(aliceAssumesAdmin.eventId()));
        }
    }

    private static void ingest(TestS3 s3, IngestConfig config, String bucket) throws Exception {
        try (Ingester ingester = new Ingester(config)) {
            assertThat(ingester.ingest(new S3ObjectSource(s3.client(), bucket, "", null)).records()).isEqualTo(5);
        }
    }

    private static void putLogObject(TestS3 s3, String bucket, Instant stamp, String suffix,
            List<CloudTrailEvent> events) {
        String key = CloudTrailFiles.logObjectKey("o-exampleorgid", "111122223333", "eu-west-1", stamp, suffix);
        s3.putObject(bucket, key, CloudTrailFiles.gzip(CloudTrailFiles.envelope(
                events.stream().map(CloudTrailEvent::json).toList())));
    }
}
