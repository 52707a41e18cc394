package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.roletrail.ingest.s3.S3Clients;
import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;
import dev.roletrail.testkit.FaultyS3Proxy;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.PipelineSettings;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Each kind of bad input ends as a dead letter naming its object, record index and reason, while the good object
 * next to it still arrives. Objects are read through the S3 API of a real server; read failures (403, 500, an object
 * deleted between listing and reading) are injected by a proxy in front of it.
 */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private TestKafka kafka;
    private TestS3 s3;
    private Topics topics;
    private FaultyS3Proxy proxy;

    /** One kind of bad input: how to put it in place, and what its dead letter says. */
    enum Case {
        CORRUPT_GZIP(-1, "corrupt or truncated gzip", Map.of()),
        TRUNCATED_GZIP(-2, "corrupt or truncated gzip", Map.of()),
        INVALID_JSON(0, "invalid JSON", Map.of()),
        NOT_CLOUDTRAIL(0, "not a CloudTrail record", Map.of()),
        MISSING_EVENT_TIME(0, "missing eventTime", Map.of()),
        MISSING_USER_IDENTITY(0, "missing userIdentity", Map.of()),
        MISSING_EVENT_ID(0, "missing eventID", Map.of()),
        ABSURD_TIMESTAMP(0, "absurd eventTime", Map.of()),
        RECORD_TOO_LARGE(0, "record exceeds the limit of 8192 bytes", Map.of("ingest.max-record-bytes", "8192")),
        DECOMPRESSION_BOMB(-2, "decompression bomb", Map.of("ingest.max-inflated-bytes", "1048576")),
        NESTING_TOO_DEEP(0, "nesting depth exceeds the limit of 32", Map.of("ingest.max-nesting-depth", "32")),
        NON_UTF8(0, "UTF-8", Map.of()),
        FORBIDDEN(-1, "HTTP 403 AccessDenied", Map.of()),
        DELETED_BEFORE_READ(-1, "NoSuchKey", Map.of()),
        SERVER_ERROR(-1, "HTTP 500 InternalError", Map.of());

        /** The dead letter's index; -2 when it depends on where the stream broke (any index). */
        final long index;
        final String reason;
        final Map<String, String> settings;

        Case(long index, String reason, Map<String, String> settings) {
            this.index = index;
            this.reason = reason;
            this.settings = settings;
        }
    }

    @BeforeAll
    void setUp(TestKafka kafka, TestS3 s3) {
        this.kafka = kafka;
        this.s3 = s3;
        this.topics = RoleTrailTopics.create(kafka, 1);
        this.proxy = FaultyS3Proxy.start(s3.endpoint());
    }

    @AfterAll
    void tearDown() {
        proxy.close();
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void shouldDeadLetterTheBadInputAndIngestTheRest(Case badCase) throws Exception {
        String bucket = s3.createBucket(badCase.name());
        String badKey = key("bad", T);
        CloudTrailEvent good = CloudTrailEvent.byUser(ALICE).at(T);
        put(bucket, key("good", T.plusSeconds(60)), gzip(CloudTrailFiles.envelope(List.of(good.json()))));
        putBadInput(badCase, bucket, badKey);

        IngestStats stats = ingest(bucket, badCase.settings);

        List<DeadLetter> letters = deadLettersOf(bucket);
        assertThat(letters).as("dead letters of %s", badCase).isNotEmpty().allSatisfy(letter -> {
            assertThat(letter.source()).isEqualTo("s3://" + bucket + "/" + badKey);
            assertThat(letter.reason()).contains(badCase.reason);
            assertThat(letter.stage()).isEqualTo("ingest");
            if (badCase.index != -2) {
                assertThat(letter.index()).isEqualTo(badCase.index);
            }
        });
        assertThat(eventIdsOf(bucket)).as("the good object still arrives").contains(good.eventId());
        assertThat(stats.objectsRead()).as("both objects are done").isEqualTo(2);
    }

    @Test
    void shouldKeepATruncatedCopyOfARejectedRecord() throws Exception {
        String bucket = s3.createBucket("payload");
        String hugeValue = "x".repeat(100_000);
        String huge = CloudTrailEvent.byUser(ALICE).at(T).tree().put("blob", hugeValue).toString();
        put(bucket, key("huge", T), gzip(CloudTrailFiles.envelope(List.of(huge))));

        ingest(bucket, Map.of("ingest.max-record-bytes", "65536"));

        assertThat(deadLettersOf(bucket)).singleElement().satisfies(letter -> {
            assertThat(letter.payload()).startsWith("{\"eventVersion\":\"1.08\"").contains("xxxx")
                    .hasSizeLessThan(DeadLetter.MAX_PAYLOAD_CHARS + 100);
        });
    }

    @Test
    void shouldRetryServerErrorsWithBackoffAndThenRead() throws Exception {
        String bucket = s3.createBucket("flaky");
        String key = key("flaky", T);
        CloudTrailEvent event = CloudTrailEvent.byUser(ALICE).at(T);
        put(bucket, key, gzip(CloudTrailFiles.envelope(List.of(event.json()))));
        proxy.failGets(bucket, key, 503, "SlowDown", 2);

        ingest(bucket, Map.of());

        assertThat(eventIdsOf(bucket)).containsExactly(event.eventId());
        assertThat(deadLettersOf(bucket)).isEmpty();
        assertThat(proxy.getsOf(bucket, key)).as("two refused attempts, then one that worked").isEqualTo(3);
    }

    private void putBadInput(Case badCase, String bucket, String key) throws IOException {
        CloudTrailEvent event = CloudTrailEvent.byUser(ALICE).at(T);
        switch (badCase) {
            case CORRUPT_GZIP -> {
                byte[] corrupt = gzip(CloudTrailFiles.envelope(List.of(event.json())));
                for (int i = 10; i < corrupt.length - 8; i++) {
                    corrupt[i] ^= 0x5A;
                }
                put(bucket, key, corrupt);
            }
            case TRUNCATED_GZIP -> {
                List<String> many = java.util.stream.IntStream.range(0, 200)
                        .mapToObj(i -> CloudTrailEvent.byUser(ALICE).at(T).json()).toList();
                byte[] whole = gzip(CloudTrailFiles.envelope(many));
                put(bucket, key, Arrays.copyOf(whole, whole.length / 2));
            }
            case INVALID_JSON -> put(bucket, key, gzip(utf8("{\"Records\":[{\"eventID\": oops}]}")));
            case NOT_CLOUDTRAIL -> put(bucket, key, gzip(utf8("{\"Records\":[{\"hello\":\"world\"}]}")));
            case MISSING_EVENT_TIME -> put(bucket, key, envelopeOf(event, tree -> tree.remove("eventTime")));
            case MISSING_USER_IDENTITY -> put(bucket, key, envelopeOf(event, tree -> tree.remove("userIdentity")));
            case MISSING_EVENT_ID -> put(bucket, key, envelopeOf(event, tree -> tree.remove("eventID")));
            case ABSURD_TIMESTAMP -> put(bucket, key, envelopeOf(event, tree -> tree.put("eventTime", "2999-01-01T00:00:00Z")));
            case RECORD_TOO_LARGE -> put(bucket, key, envelopeOf(event, tree -> tree.put("blob", "x".repeat(20_000))));
            case DECOMPRESSION_BOMB -> put(bucket, key, bomb(16 << 20));
            case NESTING_TOO_DEEP -> put(bucket, key, gzip(utf8("{\"Records\":[{\"eventID\":\"deep\",\"a\":"
                    + "[".repeat(40) + "]".repeat(40) + "}]}")));
            case NON_UTF8 -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(utf8("{\"Records\":[{\"eventID\":\"bad-"));
                bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                bytes.writeBytes(utf8("\",\"eventTime\":\"2026-11-20T10:00:00Z\",\"userIdentity\":{}}]}"));
                put(bucket, key, gzip(bytes.toByteArray()));
            }
            case FORBIDDEN -> {
                put(bucket, key, gzip(CloudTrailFiles.envelope(List.of(event.json()))));
                proxy.failGets(bucket, key, 403, "AccessDenied", Integer.MAX_VALUE);
            }
            case DELETED_BEFORE_READ -> {
                put(bucket, key, gzip(CloudTrailFiles.envelope(List.of(event.json()))));
                proxy.beforeGet(bucket, key, () -> s3.client().deleteObject(d -> d.bucket(bucket).key(key)));
            }
            case SERVER_ERROR -> {
                put(bucket, key, gzip(CloudTrailFiles.envelope(List.of(event.json()))));
                proxy.failGets(bucket, key, 500, "InternalError", Integer.MAX_VALUE);
            }
        }
    }

    private IngestStats ingest(String bucket, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(PipelineSettings.of(kafka, s3, topics, bucket));
        settings.put("s3.endpoint", proxy.endpoint().toString());
        settings.put("s3.max-attempts", "3");
        settings.put("s3.retry-base-delay", "20ms");
        settings.putAll(extra);
        IngestConfig config = IngestConfig.from(Settings.of(settings));
        try (S3Client client = S3Clients.create(config.s3(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
             Ingester ingester = new Ingester(config)) {
            return ingester.ingest(new S3ObjectSource(client, config.trailSelection(), 4, 1000));
        }
    }

    private List<DeadLetter> deadLettersOf(String bucket) {
        return kafka.consumeAll(topics.deadletter().name(), topics.deadletter().keySerde().deserializer(),
                        topics.deadletter().valueSerde().deserializer(), Duration.ofMillis(200)).stream()
                .map(ConsumerRecord::value).filter(letter -> letter.source().startsWith("s3://" + bucket + "/"))
                .toList();
    }

    private List<String> eventIdsOf(String bucket) {
        return kafka.consumeAll(topics.cloudtrail().name(), topics.cloudtrail().keySerde().deserializer(),
                        topics.cloudtrail().valueSerde().deserializer(), Duration.ofMillis(200)).stream()
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .map(json -> json.replaceAll(".*\"eventID\":\"([^\"]+)\".*", "$1")).toList();
    }

    private void put(String bucket, String key, byte[] bytes) {
        s3.putObject(bucket, key, bytes);
    }

    private static String key(String suffix, Instant stamp) {
        return CloudTrailFiles.logObjectKey(null, "111122223333", "eu-west-1", stamp, suffix);
    }

    private static byte[] envelopeOf(CloudTrailEvent event, Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        var tree = event.tree();
        change.accept(tree);
        return gzip(CloudTrailFiles.envelope(List.of(tree.toString())));
    }

    private static byte[] bomb(int inflatedBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(utf8("{\"Records\":[{\"eventID\":\""));
            byte[] filler = new byte[1 << 16];
            Arrays.fill(filler, (byte) 'a');
            for (int written = 0; written < inflatedBytes; written += filler.length) {
                gzip.write(filler);
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) {
        return CloudTrailFiles.gzip(bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
