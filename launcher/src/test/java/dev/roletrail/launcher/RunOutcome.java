package dev.roletrail.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.testkit.RecordDifferences;
import dev.roletrail.testkit.TestKafka;

/**
 * What a run of the streams app wrote, as a downstream reader sees it (read_committed).
 *
 * @param alerts   every record of the alerts topic by alert id, in order: an alert once, and again with its count
 *                 when its suppression window saw repeats; a duplicate would show as one more
 * @param findings the compacted view of the findings topic: the latest value per finding id, open or resolved
 */
record RunOutcome(Map<String, List<Alert>> alerts, Map<String, Finding> findings) {

    private static final Duration QUIET = Duration.ofMillis(500);

    static RunOutcome read(TestKafka kafka, Topics topics) {
        Map<String, List<Alert>> alerts = new TreeMap<>();
        for (ConsumerRecord<String, Alert> record : kafka.consumeAll(topics.alerts().name(),
                topics.alerts().keySerde().deserializer(), topics.alerts().valueSerde().deserializer(), QUIET)) {
            alerts.computeIfAbsent(record.key(), id -> new ArrayList<>()).add(record.value());
        }
        Map<String, Finding> findings = new TreeMap<>();
        for (ConsumerRecord<String, Finding> record : kafka.consumeAll(topics.findings().name(),
                topics.findings().keySerde().deserializer(), topics.findings().valueSerde().deserializer(), QUIET)) {
            if (record.value() == null) {
                findings.remove(record.key());
            } else {
                findings.put(record.key(), record.value());
            }
        }
        return new RunOutcome(alerts, findings);
    }

    /**
     * The alerts with their {@code baseline} left out: the text of what was normal so far ("observed for 19 days (29
     * events)", "this role has chained since ...") is written from the principal's state when the alert fires, and a
     * call held for its session joins that state only when its session comes back through roletrail.sessions, at a
     * time that depends on how the app's tasks ran, not on the input alone. Every other field must be equal.
     */
    Map<String, List<Alert>> alertsWithoutBaseline() {
        Map<String, List<Alert>> without = new TreeMap<>();
        alerts.forEach((id, sent) -> without.put(id, sent.stream().map(RunOutcome::withoutBaseline).toList()));
        return without;
    }

    private static Alert withoutBaseline(Alert a) {
        return new Alert(a.id(), a.detector(), a.entity(), a.severity(), a.title(), a.account(), a.region(),
                a.principal(), a.origin(), a.chain(), a.role(), a.accessKeyId(), a.sourceNetwork(), a.userAgent(),
                a.eventIds(), a.firstEventTime(), a.lastEventTime(), null, a.unusual(), a.attack(), a.action(),
                a.count());
    }

    /**
     * The open findings, but for what depends on when the findings step happened to evaluate rather than on the
     * input. Each findings task evaluates a day once the slowest active upstream task has passed it, and use of later
     * days waits for that evaluation. But a task more than a day behind the newest (one that started late, or was
     * killed and is not yet restarted or moved) is taken as idle: days are evaluated without its use, and its use
     * arriving late evaluates its entities again at the latest evaluated day. That sets a finding's period (the
     * evaluation that last changed it) and whether one opened early and was resolved later (a RESOLVED record the
     * other run never wrote); the open findings and their content are what the whole data says.
     * <p>
     * Least-privilege policies are compared too. They were left out while per-assumer policies for sessions another
     * account assumed went missing from some three-instance runs (the lineage step expired sessions by stream time
     * that other tasks' sessions had moved hours ahead, mended on 2026-12-07); in the nine runs logged since, they were
     * equal.
     */
    Map<String, Finding> openFindingsTimingAside() {
        Map<String, Finding> open = new TreeMap<>();
        findings.forEach((id, f) -> {
            if (f.status() == FindingStatus.OPEN) {
                open.put(id, new Finding(f.id(), f.kind(), f.status(), f.severity(), f.title(), f.account(),
                        f.entity(), f.entityType(), f.subject(), null, Instant.EPOCH, f.lastUsed(), f.evidence(),
                        f.remediation(), f.actions(), f.policy()));
            }
        });
        return open;
    }

    /** Counts per detector (alerts) and per kind and status (findings), to show what a run covers. */
    Map<String, Integer> coverage() {
        Map<String, Integer> counts = new TreeMap<>();
        alerts.values().forEach(sent -> counts.merge("alert " + sent.get(0).detector(), 1, Integer::sum));
        findings.values().forEach(f -> counts.merge("finding " + f.kind().id() + " " + f.status(), 1, Integer::sum));
        return counts;
    }

    /** One line per id whose records differ, each side summarised, so a failure says what differs. */
    static <V> List<String> differences(String what, Map<String, V> expected, Map<String, V> actual) {
        return RecordDifferences.between(what, expected, actual, "single instance", "three instances",
                RunOutcome::summary);
    }

    private static String summary(Object value) {
        if (value == null) {
            return "absent";
        }
        if (value instanceof List<?> records) {
            return records.stream().map(RunOutcome::summary).toList().toString();
        }
        if (value instanceof Alert a) {
            return a.detector() + " " + a.entity() + " x" + a.count() + " " + a.firstEventTime() + ".."
                    + a.lastEventTime();
        }
        if (value instanceof Finding f) {
            return f.kind().id() + " " + f.status() + " " + f.entity() + " " + f.periodStart() + ".." + f.periodEnd()
                    + " last used " + f.lastUsed() + " " + f.evidence();
        }
        return value.toString();
    }
}
