package dev.roletrail.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.report.ReportSamples;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.TestKafka;

/**
 * Two instances of the streams app share four partitions on a real broker; each is asked, over HTTP, for
 * principals and keys whose state the other one holds, and for scans that need both.
 */
@ExtendWith(KafkaBrokerExtension.class)
class QueryApiTwoInstancesIT {

    private static final String ACCOUNT = "111122223333";
    private static final int USERS = 8;
    private static final Instant AT = Instant.parse("2026-11-17T10:00:00Z");
    private static final String TOKEN = "two-instances-token-0123";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerEachInstanceForKeysTheOtherOwns(TestKafka kafka, @TempDir Path dir) throws Exception {
        Topics topics = RoleTrailTopics.create(kafka, 4);
        produceActivity(kafka, topics);
        try (StreamsApp a = StreamsApp.withQueryApi(config(kafka, topics, dir.resolve("a")));
                StreamsApp b = StreamsApp.withQueryApi(config(kafka, topics, dir.resolve("b")))) {
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> a.state() == KafkaStreams.State.RUNNING
                    && b.state() == KafkaStreams.State.RUNNING
                    && a.streams().streamsMetadataForStore(StoreNames.PRINCIPAL_PROFILES).size() == 2);
            Map<HostInfo, StreamsApp> byHost = Map.of(host(a), a, host(b), b);

            Set<HostInfo> askedForOthersKeys = new HashSet<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                for (int i = 0; i < USERS; i++) {
                    HostInfo owner = a.streams().queryMetadataForKey(StoreNames.PRINCIPAL_PROFILES, user(i),
                            new StringSerializer()).activeHost();
                    StreamsApp other = byHost.get(owner).equals(a) ? b : a;
                    askedForOthersKeys.add(host(other));

                    JsonNode profile = get(other, "/principals/" + PathSegment.encode(user(i)));
                    assertThat(profile.at("/profile/principal").asText()).isEqualTo(user(i));
                    assertThat(profile.at("/profile/events").asLong()).isEqualTo(2);
                    assertThat(profile.at("/roles/0/role").asText()).isEqualTo(role(i));
                    assertThat(profile.at("/keys/0/keyId").asText()).isEqualTo(key(i));
                    assertThat(profile.at("/networks/0").asText()).isEqualTo("198.51.100.0/24");

                    JsonNode keyHistory = get(other, "/keys/" + key(i));
                    assertThat(keyHistory.get("owner").asText()).isEqualTo(user(i));
                    assertThat(keyHistory.get("uses").asLong()).isEqualTo(2);
                }
            });
            assertThat(askedForOthersKeys).as("each instance answered for principals the other owns")
                    .containsExactlyInAnyOrder(host(a), host(b));

            for (StreamsApp instance : List.of(a, b)) {
                JsonNode assumers = get(instance, "/roles/" + PathSegment.encode(role(0)) + "/assumers");
                assertThat(assumers).extracting(n -> n.get("assumer").asText())
                        .containsExactlyInAnyOrder(user(0), user(3), user(6));
                assertThat(get(instance, "/edges")).hasSize(USERS);
            }

            produceFindings(kafka, topics);
            produceIdentities(kafka, topics);
            List<String> identityIds = ReportSamples.identities().stream().map(Identity::id).sorted().toList();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (StreamsApp instance : List.of(a, b)) {
                    assertThat(get(instance, "/findings")).extracting(n -> n.get("id").asText())
                            .containsExactly("f-1", "f-2", "f-3", "f-4", "f-5", "f-6");
                    assertThat(get(instance, "/identities")).extracting(n -> n.get("id").asText())
                            .containsExactlyElementsOf(identityIds);
                }
            });
            for (StreamsApp instance : List.of(a, b)) {
                assertThat(get(instance, "/identities?owner=none&kind=workload")).extracting(n -> n.get("id").asText())
                        .containsExactly(ReportSamples.CI_BOT_KEY);
                for (String id : identityIds) {
                    assertThat(get(instance, "/identities/" + PathSegment.encode(id)).get("id").asText())
                            .as("every instance answers for every identity, wherever it is held").isEqualTo(id);
                }
                assertThat(status(instance, "/identities/" + PathSegment.encode("arn:aws:iam::1:user/none")))
                        .isEqualTo(404);
            }
            JsonNode report = get(b, "/reports/" + ReportSamples.WEEK + "?scope=org");
            assertThat(report.get("edges")).hasSize(USERS);
            assertThat(report.get("findings")).as("open findings").hasSize(5);
            assertThat(report.get("identities")).hasSize(identityIds.size());
            assertThat(status(a, "/keys/AKIANOSUCHKEY0000000")).isEqualTo(404);
        }
    }

    private static StreamsAppConfig config(TestKafka kafka, Topics topics, Path stateDir) {
        return StreamsAppConfig.from(Settings.of(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "topic.prefix", topics.prefix(),
                "streams.application.id", topics.prefix() + "-app",
                "streams.state.dir", stateDir.toString(),
                "kafka.commit.interval.ms", "100",
                "query.port", "0",
                "query.token", TOKEN)));
    }

    private static void produceActivity(TestKafka kafka, Topics topics) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), topics.cloudtrail().valueSerde().serializer())) {
            for (int i = 0; i < USERS; i++) {
                List<CloudTrailEvent> events = new ArrayList<>();
                events.add(CloudTrailEvent.byUser(user(i)).withAccessKey(key(i)).from("198.51.100.7")
                        .at(AT.plusSeconds(i)));
                events.add(CloudTrailEvent.byUser(user(i)).withAccessKey(key(i)).from("198.51.100.7")
                        .assumeRole(role(i)).at(AT.plusSeconds(60 + i)));
                for (CloudTrailEvent event : events) {
                    producer.send(new ProducerRecord<>(topics.cloudtrail().name(), user(i), event.bytes()));
                }
            }
        }
    }

    private static void produceFindings(TestKafka kafka, Topics topics) {
        try (KafkaProducer<String, Finding> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), topics.findings().valueSerde().serializer())) {
            for (Finding finding : ReportSamples.findings()) {
                producer.send(new ProducerRecord<>(topics.findings().name(), finding.id(), finding));
            }
        }
    }

    private static void produceIdentities(TestKafka kafka, Topics topics) {
        try (KafkaProducer<String, Identity> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), topics.identities().valueSerde().serializer())) {
            for (Identity identity : ReportSamples.identities()) {
                producer.send(new ProducerRecord<>(topics.identities().name(), identity.id(), identity));
            }
        }
    }

    private JsonNode get(StreamsApp instance, String pathAndQuery) throws Exception {
        HttpResponse<String> response = send(instance, pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private int status(StreamsApp instance, String pathAndQuery) throws Exception {
        return send(instance, pathAndQuery).statusCode();
    }

    private HttpResponse<String> send(StreamsApp instance, String pathAndQuery) throws Exception {
        URI base = instance.queryUri().orElseThrow();
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery.substring(1)))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HostInfo host(StreamsApp app) {
        URI uri = app.queryUri().orElseThrow();
        return new HostInfo(uri.getHost(), uri.getPort());
    }

    private static String user(int i) {
        return "arn:aws:iam::" + ACCOUNT + ":user/user-" + i;
    }

    private static String key(int i) {
        return String.format("AKIAUSER%012d", i);
    }

    private static String role(int i) {
        return "arn:aws:iam::" + ACCOUNT + ":role/team-" + (i % 3);
    }
}
