package dev.roletrail.local;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.roletrail.streams.StreamsApp;
import dev.roletrail.streams.control.Settling;

/**
 * Whether the streams app has consumed everything: its consumer group's committed offsets equal the end offsets of
 * every partition it reads (input, sessions and its repartition topics), twice in a row a poll interval apart, so a
 * record still travelling through a repartition topic is not missed.
 */
public final class InputConsumed {

    private InputConsumed() {
    }

    public static void await(Properties kafka, String applicationId, String inputTopic, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int caughtUp = 0;
        try (Admin admin = Admin.create(kafka)) {
            while (caughtUp < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the streams app did not consume its input within " + timeout);
                }
                Thread.sleep(1_000);
                caughtUp = lagIsZero(admin, applicationId, inputTopic) ? caughtUp + 1 : 0;
            }
        }
    }

    /**
     * After {@link StreamsApp#endOfInput()}: until the group has no lag and the app in this JVM has settled, twice in
     * a row ({@link Settling}).
     */
    public static void awaitSettled(Properties kafka, String applicationId, String inputTopic, StreamsApp app,
            Duration timeout) throws Exception {
        Settling.await(() -> await(kafka, applicationId, inputTopic, timeout), app::settled, timeout);
    }

    private static boolean lagIsZero(Admin admin, String group, String inputTopic)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        // Input partitions the app has not committed on yet count too (with nothing consumed).
        admin.describeTopics(List.of(inputTopic)).allTopicNames().get().get(inputTopic).partitions()
                .forEach(p -> partitions.add(new TopicPartition(inputTopic, p.partition())));
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get();
        return partitions.stream().allMatch(tp -> {
            OffsetAndMetadata done = committed.get(tp);
            return (done == null ? 0 : done.offset()) >= end.get(tp).offset();
        });
    }
}
