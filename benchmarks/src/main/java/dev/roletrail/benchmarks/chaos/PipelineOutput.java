package dev.roletrail.benchmarks.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.roletrail.local.TopicDrain;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.testkit.RecordDifferences;

/**
 * What one run of the pipeline wrote, as a downstream reader sees it (read_committed), in the form two runs over the
 * same input are compared in.
 *
 * @param alerts      every record of the alerts topic by alert id, in order: an alert once, and again with its count
 *                    when its suppression window saw repeats; a duplicate shows as one more
 * @param findings    the compacted view of the findings topic: the latest value per finding id
 * @param deadLetters how many dead letters per source and reason (index, payload and wall-clock time left out); the
 *                    run's topic prefix in a source reads {@value #PREFIX}
 */
record PipelineOutput(Map<String, List<Alert>> alerts, Map<String, Finding> findings, Map<String, Long> deadLetters) {

    static final String PREFIX = "<prefix>";

    PipelineOutput {
        alerts = Map.copyOf(alerts);
        findings = Map.copyOf(findings);
        deadLetters = Map.copyOf(deadLetters);
    }

    static PipelineOutput read(Properties kafka, Topics topics, Duration timeout) {
        Map<String, List<Alert>> alerts = new TreeMap<>();
        for (ConsumerRecord<String, Alert> record : TopicDrain.read(kafka, topics.alerts(), timeout)) {
            alerts.computeIfAbsent(record.key(), id -> new ArrayList<>()).add(record.value());
        }
        Map<String, Finding> findings = new TreeMap<>();
        for (ConsumerRecord<String, Finding> record : TopicDrain.read(kafka, topics.findings(), timeout)) {
            if (record.value() == null) {
                findings.remove(record.key());
            } else {
                findings.put(record.key(), record.value());
            }
        }
        Map<String, Long> deadLetters = new TreeMap<>();
        for (ConsumerRecord<String, DeadLetter> record : TopicDrain.read(kafka, topics.deadletter(), timeout)) {
            DeadLetter letter = record.value();
            deadLetters.merge(letter.source().replace(topics.prefix(), PREFIX) + " | " + letter.reason(), 1L,
                    Long::sum);
        }
        return new PipelineOutput(alerts, findings, deadLetters);
    }

    /**
     * What a comparison looks at: the alert ids, finding ids and dead-letter (source, reason) pairs of either run, in
     * this order.
     */
    List<Integer> recordsComparedWith(PipelineOutput other) {
        return List.of(union(alerts, other.alerts).size(), union(findings, other.findings).size(),
                union(deadLetters, other.deadLetters).size());
    }

    /**
     * One line per alert id, finding id or dead-letter pair on which the runs differ, each side summarised, with the
     * fields that differ.
     */
    List<String> differences(PipelineOutput other, String thisRun, String otherRun) {
        List<String> lines = new ArrayList<>();
        lines.addAll(RecordDifferences.between("alert", alerts, other.alerts, thisRun, otherRun,
                sent -> sent.stream().map(a -> a.detector() + " " + a.entity() + " x" + a.count()).toList()
                        .toString()));
        lines.addAll(RecordDifferences.between("finding", findings, other.findings, thisRun, otherRun,
                f -> f.kind().id() + " " + f.status() + " " + f.entity()));
        lines.addAll(RecordDifferences.between("dead letters", deadLetters, other.deadLetters, thisRun, otherRun,
                String::valueOf));
        return lines;
    }

    private static TreeSet<String> union(Map<String, ?> one, Map<String, ?> other) {
        TreeSet<String> ids = new TreeSet<>(one.keySet());
        ids.addAll(other.keySet());
        return ids;
    }
}
