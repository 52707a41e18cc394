package dev.roletrail.local.analyze;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.roletrail.ingest.DeadLetterReasons;
import dev.roletrail.local.TopicDrain;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.streams.report.IsoWeek;

/**
 * What the state directory holds after an analysis, counted from the topics themselves (so the summary cannot
 * drift from what was written): CloudTrail records, their accounts, principals (the records' keys) and event-time
 * span; dead letters by reason; alerts (one per id: a repeat only raises its count) by detector and severity; open
 * findings (the compacted view) by kind; identities of the inventory by kind.
 *
 * @param records       records on the CloudTrail topic
 * @param accounts      distinct {@code recipientAccountId}s
 * @param principals    distinct acting principals
 * @param firstEvent    the earliest {@code eventTime}, or null when no record has a readable one
 * @param lastEvent     the latest
 * @param eventWeeks    the ISO weeks that hold at least one event, oldest first
 * @param deadLetters   dead letters by reason category, most first
 * @param alerts        alerts by detector, then severity
 * @param findings      open findings by kind
 * @param identities    identities of the inventory by kind
 */
public record TrailSummary(long records, Set<String> accounts, long principals, Instant firstEvent, Instant lastEvent,
        SortedSet<IsoWeek> eventWeeks, Map<String, Long> deadLetters, Map<String, Map<Severity, Long>> alerts,
        Map<FindingKind, Long> findings, Map<IdentityKind, Long> identities) {

    public TrailSummary {
        accounts = Set.copyOf(accounts);
        eventWeeks = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(eventWeeks));
        deadLetters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deadLetters));
        alerts = java.util.Collections.unmodifiableMap(new TreeMap<>(alerts));
        Map<FindingKind, Long> byKind = new EnumMap<>(FindingKind.class);
        byKind.putAll(findings);
        findings = java.util.Collections.unmodifiableMap(byKind);
        Map<IdentityKind, Long> identityKinds = new EnumMap<>(IdentityKind.class);
        identityKinds.putAll(identities);
        identities = java.util.Collections.unmodifiableMap(identityKinds);
    }

    /** Reads every topic the summary counts, to its end as it is now. */
    public static TrailSummary read(Properties kafka, Topics topics, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> trail = TopicDrain.read(kafka, topics.cloudtrail(), timeout);
        Set<String> accounts = new HashSet<>();
        Set<String> principals = new HashSet<>();
        Instant first = null;
        Instant last = null;
        SortedSet<IsoWeek> weeks = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : trail) {
            principals.add(record.key());
            Fields fields = Fields.of(record.value());
            if (fields.account() != null) {
                accounts.add(fields.account());
            }
            if (fields.eventTime() != null) {
                first = first == null || fields.eventTime().isBefore(first) ? fields.eventTime() : first;
                last = last == null || fields.eventTime().isAfter(last) ? fields.eventTime() : last;
                weeks.add(IsoWeek.of(fields.eventTime()));
            }
        }
        Map<String, Long> deadLetters = new TreeMap<>();
        for (ConsumerRecord<String, DeadLetter> record : TopicDrain.read(kafka, topics.deadletter(), timeout)) {
            deadLetters.merge(DeadLetterReasons.category(record.value().reason()), 1L, Long::sum);
        }
        Map<String, Map<Severity, Long>> alerts = new TreeMap<>();
        latest(TopicDrain.read(kafka, topics.alerts(), timeout)).values().forEach(alert -> alerts
                .computeIfAbsent(alert.detector(), d -> new EnumMap<>(Severity.class))
                .merge(alert.severity(), 1L, Long::sum));
        Map<FindingKind, Long> findings = new EnumMap<>(FindingKind.class);
        latest(TopicDrain.read(kafka, topics.findings(), timeout)).values().stream()
                .filter(finding -> finding.status() == FindingStatus.OPEN)
                .forEach(finding -> findings.merge(finding.kind(), 1L, Long::sum));
        Map<IdentityKind, Long> identities = new EnumMap<>(IdentityKind.class);
        latest(TopicDrain.read(kafka, topics.identities(), timeout)).values()
                .forEach(identity -> identities.merge(identity.kind(), 1L, Long::sum));
        return new TrailSummary(trail.size(), accounts, principals.size(), first, last, weeks, mostFirst(deadLetters),
                alerts, findings, identities);
    }

    /** The ISO weeks that hold events, oldest first: a week without any gets no report. */
    public List<IsoWeek> weeks() {
        return List.copyOf(eventWeeks);
    }

    public long deadLetterCount() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    public long alertCount() {
        return alerts.values().stream().flatMap(bySeverity -> bySeverity.values().stream())
                .mapToLong(Long::longValue).sum();
    }

    public long findingCount() {
        return findings.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The summary as console lines (no CloudTrail strings in it but account ids and RoleTrail's own words). */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Records: %,d CloudTrail records of %d accounts and %,d principals%s", records,
                accounts.size(), principals, firstEvent == null ? ""
                        : ", " + firstEvent + " to " + lastEvent));
        lines.add(String.format("Dead letters: %,d%s", deadLetterCount(), counts(deadLetters)));
        lines.add(String.format("Alerts: %,d", alertCount()));
        alerts.forEach((detector, bySeverity) -> {
            Map<String, Long> named = new LinkedHashMap<>();
            new TreeSet<>(bySeverity.keySet()).descendingSet()
                    .forEach(severity -> named.put(severity.name(), bySeverity.get(severity)));
            lines.add(String.format("  %-36s %s", detector, String.join(", ", named.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).toList())));
        });
        lines.add(String.format("Findings: %,d%s", findingCount(), counts(kindIds())));
        Map<String, Long> identityKinds = new LinkedHashMap<>();
        identities.forEach((kind, count) -> identityKinds.put(kind.id(), count));
        lines.add(String.format("Identities: %,d%s", identities.values().stream().mapToLong(Long::longValue).sum(),
                counts(mostFirst(identityKinds))));
        return lines;
    }

    private Map<String, Long> kindIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        findings.forEach((kind, count) -> ids.put(kind.id(), count));
        return mostFirst(ids);
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .toList()) + ")";
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The compacted view: the latest value per key, a tombstone removing it. */
    private static <V> Map<String, V> latest(List<ConsumerRecord<String, V>> records) {
        Map<String, V> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, V> record : records) {
            if (record.value() == null) {
                byKey.remove(record.key());
            } else {
                byKey.put(record.key(), record.value());
            }
        }
        return byKey;
    }

    /** The two top-level fields the summary needs, read without building a tree. */
    private record Fields(Instant eventTime, String account) {

        static Fields of(byte[] json) {
            Instant time = null;
            String account = null;
            try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return new Fields(null, null);
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING && name.equals("eventTime")) {
                        time = instant(parser.getText());
                    } else if (value == JsonToken.VALUE_STRING && name.equals("recipientAccountId")) {
                        account = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                // A record the streams app dead-letters: counted, but it has no time or account to give.
            }
            return new Fields(time, account);
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
