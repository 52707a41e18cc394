package dev.roletrail.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.s3.CloudTrailObjectKey;
import dev.roletrail.schemas.Json;
import dev.roletrail.streams.identity.Networks;

class LiveTrafficTest {

    private static final Instant DELIVERED = Instant.parse("2026-12-06T12:00:30Z");

    @Test
    void shouldDeliverOneGzippedEnvelopeUnderCloudTrailsKeysWithOneProbe() throws IOException {
        LiveTraffic.LogObject object = new LiveTraffic(7, 4, 50).next(DELIVERED, 100, false);

        List<JsonNode> records = records(object);
        assertThat(records).hasSize(100);
        assertThat(object.records()).isEqualTo(100);
        assertThat(CloudTrailObjectKey.parse(object.key())).hasValueSatisfying(key ->
                assertThat(key.stamp()).isEqualTo(Instant.parse("2026-12-06T12:00:00Z")));
        List<JsonNode> probes = records.stream()
                .filter(r -> r.at("/userIdentity/userName").asText().startsWith(LiveTraffic.PROBE_USER)).toList();
        assertThat(probes).singleElement().satisfies(probe -> {
            assertThat(probe.path("eventID").asText()).isEqualTo(object.probeEventId());
            assertThat(probe.path("eventName").asText()).isEqualTo("AssumeRole");
            assertThat(probe.at("/requestParameters/roleArn").asText()).endsWith(":role/OrgAdmin");
        });
    }

    @Test
    void shouldGiveEveryProbeItsOwnPrincipalSoSuppressionNeverHoldsOneBack() throws IOException {
        LiveTraffic traffic = new LiveTraffic(7, 4, 50);
        List<String> principals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LiveTraffic.LogObject object = traffic.next(DELIVERED.plusSeconds(i), 5, false);
            records(object).stream().filter(r -> r.path("eventID").asText().equals(object.probeEventId()))
                    .forEach(r -> principals.add(r.at("/userIdentity/arn").asText()));
        }
        assertThat(principals).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void shouldDateALateObjectsEventsMinutesBeforeItsDelivery() throws IOException {
        LiveTraffic traffic = new LiveTraffic(7, 4, 50);
        for (int i = 0; i < 10; i++) {
            Instant delivered = DELIVERED.plusSeconds(i);
            assertThat(eventTimes(traffic.next(delivered, 50, false)))
                    .allSatisfy(t -> assertThat(t).isBetween(delivered.minus(LiveTraffic.FRESH), delivered));
            assertThat(eventTimes(traffic.next(delivered, 50, true))).allSatisfy(t -> assertThat(t)
                    .isBetween(delivered.minus(LiveTraffic.LATE_MAX).minus(LiveTraffic.FRESH),
                            delivered.minus(LiveTraffic.LATE_MIN)));
        }
    }

    @Test
    void shouldWriteEventTimesInWholeSecondsAsCloudTrailDoes() throws IOException {
        LiveTraffic traffic = new LiveTraffic(7, 4, 50);
        for (int i = 0; i < 10; i++) {
            assertThat(records(traffic.next(DELIVERED.plusMillis(137 * i), 50, i % 2 == 0)))
                    .extracting(r -> r.path("eventTime").asText())
                    .allSatisfy(t -> assertThat(t).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        }
    }

    @Test
    void shouldSignSessionCallsWithKeysIssuedInEarlierObjects() throws IOException {
        LiveTraffic traffic = new LiveTraffic(7, 1, 10);
        List<String> issued = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<JsonNode> records = records(traffic.next(DELIVERED.plus(Duration.ofSeconds(i)), 40, false));
            records.stream().filter(r -> r.at("/userIdentity/type").asText().equals("AssumedRole"))
                    .forEach(r -> assertThat(issued).contains(r.at("/userIdentity/accessKeyId").asText()));
            records.stream().filter(r -> r.at("/userIdentity/type").asText().equals("AssumedRole"))
                    .forEach(r -> used.add(r.at("/userIdentity/accessKeyId").asText()));
            records.stream().map(r -> r.at("/responseElements/credentials/accessKeyId").asText())
                    .filter(key -> !key.isEmpty()).forEach(issued::add);
        }
        assertThat(used).as("the benign traffic has sessions at all").hasSizeGreaterThan(100);
    }

    @Test
    void shouldUseASessionFromTheNetworkOfTheUserWhoAssumedTheRole() throws IOException {
        LiveTraffic traffic = new LiveTraffic(7, 1, 10);
        Map<String, String> issuedFrom = new HashMap<>();
        int sessionCalls = 0;
        for (int i = 0; i < 30; i++) {
            for (JsonNode record : records(traffic.next(DELIVERED.plus(Duration.ofSeconds(i)), 40, false))) {
                String network = Networks.of(record.path("sourceIPAddress").asText());
                String issued = record.at("/responseElements/credentials/accessKeyId").asText();
                if (!issued.isEmpty()) {
                    issuedFrom.put(issued, network);
                } else if (record.at("/userIdentity/type").asText().equals("AssumedRole")) {
                    assertThat(network).as("a call of a session").isEqualTo(
                            issuedFrom.get(record.at("/userIdentity/accessKeyId").asText()));
                    sessionCalls++;
                }
            }
        }
        assertThat(sessionCalls).isGreaterThan(100);
    }

    private static List<Instant> eventTimes(LiveTraffic.LogObject object) throws IOException {
        return records(object).stream().map(r -> Instant.parse(r.path("eventTime").asText())).toList();
    }

    private static List<JsonNode> records(LiveTraffic.LogObject object) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(object.gzipped()))) {
            List<JsonNode> records = new ArrayList<>();
            Json.mapper().readTree(in).path("Records").forEach(records::add);
            return records;
        }
    }
}
