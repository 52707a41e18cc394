package dev.roletrail.schemas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.schemas.ingest.IngestProgress;
import dev.roletrail.schemas.inventory.InventoryEntity;

/**
 * The catalogue of RoleTrail's topics, all named {@code <prefix>.<topic>} (prefix {@code roletrail} by default; tests
 * use a unique prefix each). Keys are UTF-8 strings.
 *
 * @param prefix the common name prefix, without the trailing dot
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "roletrail";

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("topic prefix must be 1-200 of [A-Za-z0-9._-], was '" + prefix + "'");
        }
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    /** Key: the acting principal id. Value: one CloudTrail record, the JSON as CloudTrail wrote it (UTF-8). */
    public Topic<String, byte[]> cloudtrail() {
        return new Topic<>(prefix + ".cloudtrail", Serdes.String(), Serdes.ByteArray());
    }

    /** Key: the alert id. Value: an {@link Alert}. */
    public Topic<String, Alert> alerts() {
        return new Topic<>(prefix + ".alerts", Serdes.String(), JsonSerde.of(Alert.class));
    }

    /** Key: the source of the bad input. Value: a {@link DeadLetter}. */
    public Topic<String, DeadLetter> deadletter() {
        return new Topic<>(prefix + ".deadletter", Serdes.String(), JsonSerde.of(DeadLetter.class));
    }

    /** Compacted. Key: the source object. Value: {@link IngestProgress}. */
    public Topic<String, IngestProgress> ingestProgress() {
        return new Topic<>(prefix + ".ingest-progress", Serdes.String(), JsonSerde.of(IngestProgress.class));
    }

    /**
     * Sessions as they are issued: the streams app writes one when it sees an STS call that issues credentials and
     * reads it back in the task that processes the session's own events. Key: the principal the session acts as, so
     * it is partitioned like {@link #cloudtrail()} (same partition count required). Value: a {@link Session}. Not
     * compacted: many sessions share a key.
     */
    public Topic<String, Session> sessions() {
        return new Topic<>(prefix + ".sessions", Serdes.String(), JsonSerde.of(Session.class));
    }

    /**
     * Compacted. Key: {@link InventoryEntity#key()} (the entity's ARN). Value: an {@link InventoryEntity}, or a
     * tombstone when a newer snapshot of the account no longer lists it.
     */
    public Topic<String, InventoryEntity> inventory() {
        return new Topic<>(prefix + ".inventory", Serdes.String(), JsonSerde.of(InventoryEntity.class));
    }

    /**
     * Compacted. Key: {@link Finding#id()}. Value: the latest evaluation of a {@link Finding}; a resolved finding is
     * written with status RESOLVED.
     */
    public Topic<String, Finding> findings() {
        return new Topic<>(prefix + ".findings", Serdes.String(), JsonSerde.of(Finding.class));
    }

    /**
     * Compacted. Key: {@link Identity#id()}. Value: the latest view of that {@link Identity} of the inventory; a
     * tombstone once it is neither granted nor seen within the tracking period.
     */
    public Topic<String, Identity> identities() {
        return new Topic<>(prefix + ".identities", Serdes.String(), JsonSerde.of(Identity.class));
    }

    /**
     * Compacted, so every week's report stays to be re-rendered. Key: the report id ({@code <iso-week>/<account or
     * org>}). Value: the weekly report as JSON.
     */
    public Topic<String, String> reports() {
        return new Topic<>(prefix + ".reports", Serdes.String(), Serdes.String());
    }

    /** Key: the OCSF record's {@code metadata.uid}. Value: one OCSF 1.8.0 event as JSON. */
    public Topic<String, String> siem() {
        return new Topic<>(prefix + ".siem", Serdes.String(), Serdes.String());
    }

    /** The names of every topic RoleTrail writes, for creating them up front. */
    public List<String> allNames() {
        return List.of(cloudtrail().name(), alerts().name(), deadletter().name(), ingestProgress().name(),
                sessions().name(), inventory().name(), findings().name(), identities().name(), reports().name(),
                siem().name());
    }

    /**
     * Topic-level settings RoleTrail's topics need beyond the broker defaults, by topic name. Records on the alerts,
     * dead-letter, sessions and SIEM topics are written with event-time timestamps, which for a backfill are months old:
     * with CreateTime, retention would delete them at once, so the broker stamps them on append instead (readers take
     * event time from the payload).
     */
    public Map<String, Map<String, String>> topicConfigs() {
        Map<String, String> appendTime = Map.of("message.timestamp.type", "LogAppendTime");
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        for (String name : allNames()) {
            Map<String, String> config = new LinkedHashMap<>();
            if (compactedNames().contains(name)) {
                config.put("cleanup.policy", "compact");
            }
            if (name.equals(alerts().name()) || name.equals(deadletter().name()) || name.equals(sessions().name())
                    || name.equals(siem().name())) {
                config.putAll(appendTime);
            }
            configs.put(name, Map.copyOf(config));
        }
        return configs;
    }

    /** The topics whose latest value per key is all that matters. */
    public List<String> compactedNames() {
        return List.of(ingestProgress().name(), inventory().name(), findings().name(), identities().name(),
                reports().name());
    }
}
