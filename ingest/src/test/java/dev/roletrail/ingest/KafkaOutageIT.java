package dev.roletrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.roletrail.ingest.s3.S3ObjectSource;
import dev.roletrail.schemas.Json;
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

/**
 * The broker goes away in the middle of a run (right after the first transaction commits) and comes back once the
 * ingester noticed: ingest waits, resumes from its committed progress, and in the end every record is there once.
 */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class KafkaOutageIT {

    private static final int OBJECTS = 12;
    private static final int RECORDS_PER_OBJECT = 300;
    private static final Instant T = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void shouldWaitForTheBrokerAndLoseNothing(TestKafka kafka, TestS3 s3) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        String bucket = s3.createBucket("outage");
        Set<String> expected = putObjects(s3, bucket);
        Map<String, String> settings = PipelineSettings.of(kafka, s3, topics, bucket);
        settings.put("ingest.transaction-records", "200");
        // Notice the outage within seconds rather than the producer's default minute.
        settings.put("kafka.max.block.ms", "2000");
        settings.put("kafka.request.timeout.ms", "1500");
        settings.put("kafka.delivery.timeout.ms", "3600");
        settings.put("ingest.kafka.retry-for", "2m");
        IngestConfig config = IngestConfig.from(Settings.of(settings));
        BrokerOutage outage = new BrokerOutage(kafka);

        CompletableFuture<IngestStats> run = CompletableFuture.supplyAsync(() -> {
            try (Ingester ingester = new Ingester(config, outage, Clock.systemUTC())) {
                return ingester.ingest(new S3ObjectSource(s3.client(), bucket, "", null));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        await("the ingester to notice the broker is gone").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(outage.noticed.get()).isPositive());
        kafka.restart();
        IngestStats stats = run.get(120, TimeUnit.SECONDS);

        List<String> eventIds = kafka.consumeAll(topics.cloudtrail().name(),
                        topics.cloudtrail().keySerde().deserializer(), topics.cloudtrail().valueSerde().deserializer(),
                        Duration.ofMillis(300)).stream()
                .map(record -> eventId(record.value())).toList();
        assertThat(outage.stopped.get()).as("the broker was stopped mid-run").isTrue();
        assertThat(eventIds).as("every record once").hasSize(expected.size());
        assertThat(new HashSet<>(eventIds)).isEqualTo(expected);
        assertThat(stats.records()).as("counted once, though some were sent twice").isEqualTo(expected.size());
    }

    /** Stops the broker right after the first commit; counts how often the ingester found Kafka unavailable. */
    private static final class BrokerOutage implements IngestListener {
        private final TestKafka kafka;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger noticed = new AtomicInteger();

        BrokerOutage(TestKafka kafka) {
            this.kafka = kafka;
        }

        @Override
        public void committed(Committed committed) {
            if (stopped.compareAndSet(false, true)) {
                kafka.stop();
            }
        }

        @Override
        public void kafkaUnavailable(Exception cause, Duration retryIn) {
            noticed.incrementAndGet();
        }
    }

    private static Set<String> putObjects(TestS3 s3, String bucket) {
        Set<String> ids = new HashSet<>();
        for (int o = 0; o < OBJECTS; o++) {
            Instant stamp = T.plus(Duration.ofMinutes(5L * o));
            List<String> records = new ArrayList<>();
            for (int r = 0; r < RECORDS_PER_OBJECT; r++) {
                CloudTrailEvent event = CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/u" + (r % 7))
                        .at(stamp.minusSeconds(r));
                ids.add(event.eventId());
                records.add(event.json());
            }
            s3.putObject(bucket, CloudTrailFiles.logObjectKey(null, "111122223333", "eu-west-1", stamp, "k" + o),
                    CloudTrailFiles.gzip(CloudTrailFiles.envelope(records)));
        }
        return ids;
    }

    private static String eventId(byte[] json) {
        try {
            return Json.mapper().readTree(new String(json, StandardCharsets.UTF_8)).get("eventID").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
