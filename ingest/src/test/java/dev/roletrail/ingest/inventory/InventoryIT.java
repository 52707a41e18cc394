package dev.roletrail.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.S3ServerExtension;
import dev.roletrail.testkit.TestKafka;
import dev.roletrail.testkit.TestS3;

/**
 * Snapshots from files and from S3 into the compacted inventory topic: a newer snapshot of the account replaces the
 * older one (a role it no longer lists is deleted), an older one is ignored, and the credential report sits beside.
 */
@ExtendWith({KafkaBrokerExtension.class, S3ServerExtension.class})
class InventoryIT {

    private static final String VENDOR = "arn:aws:iam::111122223333:role/vendor/VendorAccess";
    private static final String DEPLOY = "arn:aws:iam::111122223333:role/Deploy";

    @Test
    void shouldReplaceTheAccountsSnapshotAndDeleteWhatDisappeared(TestKafka kafka, TestS3 s3, @TempDir Path dir)
            throws IOException {
        Topics topics = RoleTrailTopics.create(kafka, 2);
        Path first = copy("authorization-details.json", dir.resolve("details-1.json"), Instant.parse("2026-11-01T00:00:00Z"));
        Path report = copy("credential-report.csv", dir.resolve("report.csv"), Instant.parse("2026-11-01T00:00:00Z"));
        String bucket = s3.createBucket("iam");
        s3.putObject(bucket, "snapshots/details-2.json", resource("authorization-details.json")
                .replace("\"RoleName\": \"VendorAccess\"", "\"RoleName\": \"VendorAccess2\"")
                .replace("role/vendor/VendorAccess\"", "role/vendor/VendorAccess2\"").getBytes(StandardCharsets.UTF_8));
        Properties kafkaProps = new Properties();
        kafkaProps.put("bootstrap.servers", kafka.bootstrapServers());

        try (InventoryIngester ingester = new InventoryIngester(kafkaProps, topics.inventory(), topics.prefix() + "-inv")) {
            for (InventorySnapshot snapshot : InventorySources.read(List.of(first.toString(), report.toString()), null)) {
                ingester.write(snapshot);
            }
        }
        Map<String, InventoryEntity> afterFirst = latest(kafka, topics);
        try (InventoryIngester ingester = new InventoryIngester(kafkaProps, topics.inventory(), topics.prefix() + "-inv")) {
            for (InventorySnapshot snapshot : InventorySources.read(List.of("s3://" + bucket + "/snapshots/"), s3::client)) {
                assertThat(ingester.write(snapshot).tombstones()).containsExactly(VENDOR);
            }
            InventorySnapshot stale = InventorySources.read(List.of(first.toString()), null).get(0);
            assertThat(ingester.write(stale).staleSince()).as("older than what the topic holds").isPresent();
        }
        Map<String, InventoryEntity> afterSecond = latest(kafka, topics);

        assertThat(afterFirst).containsKeys(VENDOR, DEPLOY, "arn:aws:iam::111122223333:user/alice#credentials",
                "arn:aws:iam::111122223333:root#credentials").hasSize(9);
        assertThat(afterSecond).doesNotContainKey(VENDOR)
                .containsKeys(VENDOR + "2", "arn:aws:iam::111122223333:user/alice#credentials").hasSize(9);
        assertThat(((IamRole) afterSecond.get(DEPLOY)).snapshotTime()).as("from the newer snapshot")
                .isAfter(Instant.parse("2026-11-01T00:00:00Z"));
    }

    /** The topic as a table: the latest value per key, tombstones removing keys. */
    private static Map<String, InventoryEntity> latest(TestKafka kafka, Topics topics) {
        Map<String, InventoryEntity> table = new LinkedHashMap<>();
        for (ConsumerRecord<String, InventoryEntity> record : kafka.consumeAll(topics.inventory().name(),
                topics.inventory().keySerde().deserializer(), topics.inventory().valueSerde().deserializer(),
                Duration.ofMillis(200))) {
            if (record.value() == null) {
                table.remove(record.key());
            } else {
                table.put(record.key(), record.value());
            }
        }
        return table;
    }

    private static Path copy(String name, Path target, Instant modified) throws IOException {
        Files.writeString(target, resource(name));
        Files.setLastModifiedTime(target, FileTime.from(modified));
        return target;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = InventoryIT.class.getResourceAsStream("/inventory/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
