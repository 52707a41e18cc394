package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.PipelineSettings;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;

/** Ingest from a real S3 API into a real broker. */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class S3IngestIT {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String DEPLOY = "arn:aws:iam::111122223333:role/Deploy";
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestKafka kafka;
    private TestS3 s3;
    private Topics topics;
    private String bucket;

    @BeforeEach
    void setUp(TestKafka kafka, TestS3 s3) {
        this.kafka = kafka;
        this.s3 = s3;
        this.topics = RoleTrailTopics.create(kafka, 2);
        this.bucket = s3.createBucket("trail");
    }

    @Test
    void shouldProduceEveryRecordOnceKeyedByItsPrincipal() throws Exception {
        List<CloudTrailEvent> first = List.of(CloudTrailEvent.byUser(ALICE).at(T),
                CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY).at(T.plusSeconds(5)));
        List<CloudTrailEvent> second = List.of(CloudTrailEvent.byRoleSession(DEPLOY, "ci").at(T.plusSeconds(9)));
        putLogObject("o-exampleorgid", T, "aaaa", first);
        putLogObject(null, T.plusSeconds(300), "bbbb", second);
        s3.putObject(bucket, "AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/11/20/digest.json.gz",
                new byte[] {1, 2, 3});

        IngestStats firstRun = ingest();
        IngestStats rerun = ingest();

        List<ConsumerRecord<String, byte[]>> records = kafka.consumeAll(topics.cloudtrail().name(),
                topics.cloudtrail().keySerde().deserializer(), topics.cloudtrail().valueSerde().deserializer(), Duration.ofSeconds(1));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(ALICE, ALICE, DEPLOY);
        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .anySatisfy(json -> assertThat(json).contains(first.get(1).eventId(), "\"roleArn\":\"" + DEPLOY));
        assertThat(firstRun).isEqualTo(new IngestStats(2, 0, 3, Map.of()));
        assertThat(rerun).as("a rerun finds both objects done and produces nothing")
                .isEqualTo(IngestStats.skipped(2));
    }

    @Test
    void shouldDeadLetterBadInputWithItsSourceAndGoOn() throws Exception {
        String corrupt = CloudTrailFiles.logObjectKey(null, "111122223333", "eu-west-1", T, "corrupt");
        s3.putObject(bucket, corrupt, "not gzip at all".getBytes(StandardCharsets.UTF_8));
        String mixed = CloudTrailFiles.logObjectKey(null, "111122223333", "eu-west-1", T.plusSeconds(60), "mixed");
        s3.putObject(bucket, mixed, CloudTrailFiles.gzip(CloudTrailFiles.envelope(List.of(
                CloudTrailEvent.byUser(ALICE).at(T).json(),
                "{\"eventID\":\"no-identity\",\"eventTime\":\"2026-11-20T10:00:00Z\"}",
                "{\"eventID\":\"old\",\"eventTime\":\"1999-01-01T00:00:00Z\",\"userIdentity\":{}}"))));

        IngestStats stats = ingest();

        List<DeadLetter> letters = kafka.consumeAtLeast(topics.deadletter().name(),
                topics.deadletter().keySerde().deserializer(), topics.deadletter().valueSerde().deserializer(), 3, WAIT)
                .stream().map(ConsumerRecord::value).toList();
        assertThat(letters).extracting(DeadLetter::source, DeadLetter::index)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("s3://" + bucket + "/" + corrupt, -1L),
                        org.assertj.core.groups.Tuple.tuple("s3://" + bucket + "/" + mixed, 1L),
                        org.assertj.core.groups.Tuple.tuple("s3://" + bucket + "/" + mixed, 2L));
        assertThat(letters).extracting(DeadLetter::reason).anySatisfy(r -> assertThat(r).startsWith("not JSON"))
                .anySatisfy(r -> assertThat(r).isEqualTo("missing userIdentity"))
                .anySatisfy(r -> assertThat(r).startsWith("absurd eventTime"));
        assertThat(stats.records()).as("the good record of the mixed object still arrives").isEqualTo(1);
    }

    private IngestStats ingest() throws Exception {
        IngestConfig config = IngestConfig.from(Settings.of(PipelineSettings.of(kafka, s3, topics, bucket)));
        try (Ingester ingester = new Ingester(config)) {
            return ingester.ingest(new S3ObjectSource(s3.client(), bucket, "", null));
        }
    }

    private void putLogObject(String org, Instant stamp, String suffix, List<CloudTrailEvent> events) {
        String key = CloudTrailFiles.logObjectKey(org, "111122223333", "eu-west-1", stamp, suffix);
        s3.putObject(bucket, key, CloudTrailFiles.gzip(CloudTrailFiles.envelope(
                events.stream().map(CloudTrailEvent::json).toList())));
    }
}
