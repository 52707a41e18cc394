package dev.roletrail.streams.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.profile.AccessEdge;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.report.JsonReport;
import dev.roletrail.streams.report.WeeklyReport;
import dev.roletrail.streams.state.StoreNames;

/** Reads this instance's own state stores (every local partition), read-only. */
final class LocalStores {

    private static final Deserializer<Identity> IDENTITY = Topics.defaults().identities().valueSerde().deserializer();

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    Optional<PrincipalProfile> profile(String principal) {
        return Optional.ofNullable(this.<PrincipalProfile>keyValue(StoreNames.PRINCIPAL_PROFILES).get(principal));
    }

    /** Edge keys start with the assumer, so a prefix scan finds one principal's paths. */
    List<AccessEdge> edgesOf(String assumer) {
        ReadOnlyKeyValueStore<String, AccessEdge> store = keyValue(StoreNames.ACCESS_EDGES);
        try (KeyValueIterator<String, AccessEdge> it =
                store.prefixScan(AccessEdge.key(assumer, ""), new StringSerializer())) {
            return values(it);
        }
    }

    List<PrincipalProfile> profiles() {
        return all(StoreNames.PRINCIPAL_PROFILES);
    }

    /** Exclusion counts by reason, summed over this instance's tasks. */
    Map<String, Long> exclusions() {
        Map<String, Long> counts = new TreeMap<>();
        try (KeyValueIterator<String, Long> it = this.<Long>keyValue(StoreNames.RECORD_EXCLUSIONS).all()) {
            it.forEachRemaining(kv -> counts.merge(kv.key, kv.value, Long::sum));
        }
        return counts;
    }

    List<AccessEdge> edges() {
        return all(StoreNames.ACCESS_EDGES);
    }

    Optional<KeyUsage> key(String keyId) {
        return Optional.ofNullable(this.<KeyUsage>keyValue(StoreNames.KEY_USAGE).get(keyId));
    }

    /** A full scan: key usage is keyed by key id, not owner. It sits in the owner's partition, so it is local. */
    List<KeyUsage> keysOwnedBy(String owner) {
        return this.<KeyUsage>all(StoreNames.KEY_USAGE).stream().filter(k -> owner.equals(k.owner())).toList();
    }

    List<Finding> findings() {
        return all(StoreNames.FINDINGS);
    }

    List<Identity> identities() {
        return this.<byte[]>all(StoreNames.IDENTITIES).stream().map(LocalStores::identity).toList();
    }

    Optional<Identity> identity(String id) {
        return Optional.ofNullable(this.<byte[]>keyValue(StoreNames.IDENTITIES).get(id)).map(LocalStores::identity);
    }

    /** The identities store holds the topic's bytes, as the topology explains: decoded when read. */
    private static Identity identity(byte[] json) {
        return IDENTITY.deserialize(StoreNames.IDENTITIES, json);
    }

    List<Alert> alerts() {
        ReadOnlyWindowStore<String, Alert> store = query(StoreNames.RECENT_ALERTS, QueryableStoreTypes.windowStore());
        List<Alert> alerts = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Alert> it = store.all()) {
            it.forEachRemaining(kv -> alerts.add(kv.value));
        }
        return alerts;
    }

    /** The reports global store: every instance holds all of it. */
    List<WeeklyReport> reports() {
        return this.<String>all(StoreNames.REPORTS).stream().map(JsonReport::parse).toList();
    }

    private <V> List<V> all(String storeName) {
        try (KeyValueIterator<String, V> it = this.<V>keyValue(storeName).all()) {
            return values(it);
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> keyValue(String storeName) {
        return query(storeName, QueryableStoreTypes.keyValueStore());
    }

    private <T> T query(String storeName, org.apache.kafka.streams.state.QueryableStoreType<T> type) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(storeName, type));
        } catch (InvalidStateStoreException e) {
            throw ApiError.unavailable("store " + storeName + " is not queryable on this instance now (" + e.getMessage()
                    + "); retry shortly");
        }
    }

    private static <V> List<V> values(KeyValueIterator<String, V> it) {
        List<V> values = new ArrayList<>();
        while (it.hasNext()) {
            KeyValue<String, V> kv = it.next();
            if (kv.value != null) {
                values.add(kv.value);
            }
        }
        return values;
    }
}
