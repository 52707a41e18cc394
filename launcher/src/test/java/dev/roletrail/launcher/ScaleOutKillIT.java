package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.output.DirectorySink;
import dev.roletrail.streams.control.ControlLines;
import dev.roletrail.streams.control.Settling;
import dev.roletrail.testkit.KafkaBrokerExtension;
import dev.roletrail.testkit.RoleTrailTopics;
import dev.roletrail.testkit.TestKafka;

/**
 * Scaling out on a real broker with exactly_once_v2: a small simulated organisation (inventory and trail, ingested as
 * {@code roletrail ingest} does), read over 12 partitions once by a single streams app and once by three instances of
 * it, one of which is killed with SIGKILL in the middle of its work and restarted on its state directory. The three
 * end with the single one's alerts (no duplicate, no loss), its findings, and its query API answers, which every one
 * of the three gives for the whole cluster.
 */
@ExtendWith(KafkaBrokerExtension.class)
// Off in the default build: it has not passed reliably yet. On 2026-12-06 it passed 7 runs of 9, one of them in CI.
// Its failures since, each traced and mended on 2026-12-07: per-assumer least-privilege policies (a session forgotten
// by other tasks' stream time), findings' last use (the day's first call; the day's latest lost when a task moved;
// an earlier use of the same day replacing the latest a moved task's predecessor kept), a session-credential-network-
// change repeat (the network-sharing step forgot a network by other tasks' stream time), new-federated-subject and
// role-chain alerts that depended on the order tasks ran in, and findings read before the last pass was over. After
// the last of these it passed 14 runs of 15; in the other the restarted instance could not start, Kafka Streams
// failing to open a store its kill had left half-made (mended since: IncompleteStores; the 24 runs after it passed,
// on 2026-12-07 and 08). It adds about 2.5 minutes to a build that takes about 14.
// -Droletrail.test.scale-out=true runs it.
@EnabledIfSystemProperty(named = "roletrail.test.scale-out", matches = "true")
class ScaleOutKillIT {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleOutKillIT.class);
    private static final int PARTITIONS = 12;
    private static final int INSTANCES = 3;
    private static final int VICTIM = 1;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration PROCESSING = Duration.ofSeconds(150);
    private static final SimulationSpec ORGANISATION = SimulationSpec.small(7);
    /** Numbers the questions to the child JVMs, so each answer is told from earlier ones. */
    private static final AtomicInteger QUESTIONS = new AtomicInteger();

    @Test
    void shouldEndAsASingleInstanceDoesWithThreeInstancesOneKilledMidStream(TestKafka kafka,
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        long t0 = System.nanoTime();
        LOG.info("child JVM logs in {} (kept if the test fails)", dir);
        Topics single = RoleTrailTopics.create(kafka, PARTITIONS);
        ingest(kafka, single, simulate(dir.resolve("dataset")));
        InputCopy input = InputCopy.read(kafka, single);
        QueryAnswers questions = new QueryAnswers(input.principals());
        LOG.info("{} CloudTrail records of {} principals, {} inventory records: {} ms", input.cloudtrail().size(),
                input.principals().size(), input.inventory().size(), millisSince(t0));

        RunOutcome expected;
        Map<String, String> expectedAnswers;
        Map<String, String> singleSettings = settings(kafka, single, "single", dir.resolve("single"));
        try (StreamsChild one = StreamsChild.controlled(configFile(singleSettings, dir, "single"),
                dir.resolve("single.log"))) {
            URI uri = URI.create(one.awaitLine("query-uri", STARTUP));
            awaitEnd(kafka, single, appId(singleSettings), List.of(one));
            expected = RunOutcome.read(kafka, single);
            expectedAnswers = questions.of(uri);
        }
        LOG.info("single instance done: {} ms; it raised {}", millisSince(t0), expected.coverage());
        assertThat(expected.alerts()).as("the input raises alerts").hasSizeGreaterThan(20);
        assertThat(expected.findings()).as("the input opens findings").hasSizeGreaterThan(20);

        Topics scaled = RoleTrailTopics.create(kafka, PARTITIONS);
        input.copyInventory(kafka, scaled);
        List<Path> configs = new ArrayList<>();
        List<StreamsChild> instances = new ArrayList<>();
        String scaledApp = kafka.uniqueName("scaled-out");
        try {
            for (int i = 0; i < INSTANCES; i++) {
                Map<String, String> settings = settings(kafka, scaled, scaledApp, dir.resolve("instance-" + i));
                settings.put("kafka.client.id", clientId(scaledApp, i));
                configs.add(configFile(settings, dir, "instance-" + i));
                instances.add(StreamsChild.controlled(configs.get(i), dir.resolve("instance-" + i + ".log")));
            }
            awaitMembersWithInput(kafka, scaledApp, scaled, INSTANCES);
            LOG.info("three instances share the partitions: {} ms", millisSince(t0));

            // Half the input first; once the victim has committed some of it, SIGKILL, in the middle of its work.
            input.copyCloudTrail(kafka, scaled, InputCopy.Half.FIRST);
            Set<TopicPartition> victimInput = awaitProgress(kafka, scaledApp, scaled, VICTIM);
            instances.get(VICTIM).kill();
            Map<TopicPartition, Long> committedAtKill = committed(kafka, scaledApp, scaled.cloudtrail().name());
            long victimDone = victimInput.stream().mapToLong(tp -> committedAtKill.getOrDefault(tp, 0L)).sum();
            long allDone = committedAtKill.values().stream().mapToLong(Long::longValue).sum();
            LOG.info("killed instance {} after {} ms: it had committed {} records of its {} partitions, all instances "
                    + "{} of {}", VICTIM, millisSince(t0), victimDone, victimInput.size(), allDone,
                    input.cloudtrail().size());
            assertThat(victimDone).as("the killed instance had processed input").isPositive();
            assertThat(allDone).as("input was left to process").isLessThan(input.cloudtrail().size());

            StreamsChild restarted = StreamsChild.controlled(configs.get(VICTIM),
                    dir.resolve("instance-" + VICTIM + "-restarted.log"));
            instances.set(VICTIM, restarted);
            input.copyCloudTrail(kafka, scaled, InputCopy.Half.SECOND);
            awaitEnd(kafka, scaled, scaledApp, instances);
            LOG.info("three instances done: {} ms", millisSince(t0));

            assertThat(restarted.lines("restored")).as("the restarted instance restored state from changelogs")
                    .anySatisfy(line -> assertThat(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
                            .isPositive());
            RunOutcome actual = RunOutcome.read(kafka, scaled);
            LOG.info("not compared: baselines that differ {}; findings that differ {}",
                    RunOutcome.differences("alert", expected.alerts(), actual.alerts()),
                    RunOutcome.differences("finding", expected.findings(), actual.findings()));
            SoftAssertions same = new SoftAssertions();
            same.assertThat(RunOutcome.differences("alert", expected.alertsWithoutBaseline(),
                    actual.alertsWithoutBaseline())).as("alerts: every record of the alerts topic by id").isEmpty();
            same.assertThat(RunOutcome.differences("finding", expected.openFindingsTimingAside(),
                    actual.openFindingsTimingAside())).as("open findings").isEmpty();
            for (StreamsChild instance : instances) {
                URI uri = URI.create(instance.awaitLine("query-uri", STARTUP));
                Map<String, String> answers = questions.of(uri);
                // Alerts and findings are compared above; every instance answers with the whole cluster's.
                same.assertThat(QueryAnswers.ids(answers.remove(QueryAnswers.FINDINGS)))
                        .as("findings %s answers", uri).containsExactlyElementsOf(actual.findings().keySet());
                same.assertThat(QueryAnswers.ids(answers.remove(QueryAnswers.ALERTS)))
                        .as("alerts %s answers", uri).containsExactlyInAnyOrderElementsOf(actual.alerts().keySet());
                Map<String, String> expectedRest = new TreeMap<>(expectedAnswers);
                expectedRest.keySet().removeAll(List.of(QueryAnswers.FINDINGS, QueryAnswers.ALERTS));
                same.assertThat(RunOutcome.differences("answer", expectedRest, answers))
                        .as("principals, edges, data span and accounting %s answers", uri).isEmpty();
            }
            same.assertAll();
        } finally {
            for (StreamsChild instance : instances) {
                instance.close();
            }
        }
        LOG.info("compared: {} ms", millisSince(t0));
    }

    /** The small organisation's dataset (CloudTrail log objects and inventory) in a directory, as S3 would hold it. */
    private static Path simulate(Path dataset) throws Exception {
        try (DirectorySink sink = new DirectorySink(dataset)) {
            Simulator.run(ORGANISATION, sink);
        }
        return dataset;
    }

    /** {@code roletrail ingest --files <trail> --inventory <inventory>}: keys and partitions as ingest chooses them. */
    private static void ingest(TestKafka kafka, Topics topics, Path dataset) throws Exception {
        Map<String, String> settings = Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "topic.prefix", topics.prefix(),
                "ingest.transactional.id", topics.prefix() + "-ingest",
                "ingest.files", dataset.resolve("AWSLogs").toString(),
                "ingest.inventory", dataset.resolve(Simulator.INVENTORY_PREFIX).toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new IngestSession(Settings.of(settings), new PrintStream(out, true, StandardCharsets.UTF_8), null)
                .run();
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static Map<String, String> settings(TestKafka kafka, Topics topics, String applicationId, Path stateDir) {
        Map<String, String> settings = StreamsChild.settings(kafka, topics, applicationId, stateDir);
        settings.putAll(Simulator.settings(Simulator.organization(ORGANISATION)));
        settings.put("kafka.num.stream.threads", "1");
        // Calls of a session not seen yet wait for it (through roletrail.sessions) at least a minute of wall clock,
        // then go on without lineage. A kill and a restart delay sessions by a time that depends on the machine, and
        // so would the lineage: the calls wait for their session or the end of the input instead, as in EndOfInputIT.
        settings.put("streams.lineage-hold-wall", "10m");
        settings.put("streams.lineage-idle-release", "0s");
        // Every commit flushes every store of every task: with 12 partitions some sixty tasks, and a commit every
        // 200 ms kept the single instance busy committing (its transactions outlived their timeout on 2 cores).
        settings.put("kafka.commit.interval.ms", "1000");
        return settings;
    }

    private static Path configFile(Map<String, String> settings, Path dir, String name) throws Exception {
        return StreamsChild.writeConfig(settings, dir.resolve(name + ".properties"));
    }

    private static String appId(Map<String, String> settings) {
        return settings.get("streams.application.id");
    }

    private static String clientId(String applicationId, int instance) {
        return applicationId + "-instance-" + instance;
    }

    /**
     * The end of the input as a one-off analysis handles it: every instance has consumed everything, is told that
     * no more will come (held calls go on, the findings step evaluates through the end of the data), and has
     * consumed what that set off, and every instance has settled, twice in a row with no lag: the findings step's
     * last passes run after the records that started them were committed.
     */
    private static void awaitEnd(TestKafka kafka, Topics topics, String applicationId, List<StreamsChild> instances)
            throws Exception {
        CaughtUp.awaitNoLag(kafka, applicationId, topics, PROCESSING);
        instances.forEach(instance -> instance.send(ControlLines.END_OF_INPUT));
        instances.forEach(instance -> instance.awaitLine(ControlLines.HELD_EVENTS, PROCESSING));
        Settling.await(() -> CaughtUp.awaitNoLag(kafka, applicationId, topics, PROCESSING),
                () -> instances.stream().allMatch(ScaleOutKillIT::settled), PROCESSING);
    }

    private static boolean settled(StreamsChild instance) {
        String question = ControlLines.settledQuestion(QUESTIONS.incrementAndGet());
        instance.send(question);
        return Boolean.parseBoolean(instance.awaitLine(question, STARTUP));
    }

    /** Waits until the group is stable with {@code members} members, each assigned CloudTrail partitions. */
    private static void awaitMembersWithInput(TestKafka kafka, String applicationId, Topics topics, int members) {
        await("a stable group of " + members + " each reading CloudTrail").atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsMatching(e -> e.getCause() instanceof GroupIdNotFoundException).until(() -> {
                    ConsumerGroupDescription group = group(kafka, applicationId);
                    return group.groupState() == GroupState.STABLE && group.members().size() == members
                            && group.members().stream().allMatch(m -> !input(m, topics).isEmpty());
                });
    }

    /** Waits until the instance has committed some of the CloudTrail input; returns the partitions it reads. */
    private static Set<TopicPartition> awaitProgress(TestKafka kafka, String applicationId, Topics topics,
            int instance) {
        return await("instance " + instance + " commits input").atMost(PROCESSING)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Set<TopicPartition> reads = group(kafka, applicationId).members().stream()
                            .filter(m -> m.clientId().startsWith(clientId(applicationId, instance) + "-"))
                            .flatMap(m -> input(m, topics).stream()).collect(Collectors.toSet());
                    Map<TopicPartition, Long> committed = committed(kafka, applicationId, topics.cloudtrail().name());
                    return reads.stream().anyMatch(tp -> committed.getOrDefault(tp, 0L) > 0) ? reads : Set.of();
                }, reads -> !reads.isEmpty());
    }

    private static Set<TopicPartition> input(MemberDescription member, Topics topics) {
        return member.assignment().topicPartitions().stream()
                .filter(tp -> tp.topic().equals(topics.cloudtrail().name())).collect(Collectors.toSet());
    }

    private static ConsumerGroupDescription group(TestKafka kafka, String applicationId) throws Exception {
        return kafka.admin().describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId).get();
    }

    private static Map<TopicPartition, Long> committed(TestKafka kafka, String applicationId, String topic)
            throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : kafka.admin().listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get().entrySet()) {
            if (entry.getKey().topic().equals(topic) && entry.getValue() != null) {
                offsets.put(entry.getKey(), entry.getValue().offset());
            }
        }
        return offsets;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
