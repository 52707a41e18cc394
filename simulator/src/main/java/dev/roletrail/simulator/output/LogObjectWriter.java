package dev.roletrail.simulator.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.simulator.org.Ids;

/**
 * Groups events into CloudTrail log objects, one gzipped {@code {"Records":[...]}} per account, region and 5-minute
 * delivery slot (so most objects are small), and writes them. Counts what it wrote.
 */
public final class LogObjectWriter {

    private static final Comparator<ObjectNode> BY_TIME = Comparator.comparing(e -> e.path("eventTime").asText());

    private final String organizationId;
    private final DatasetSink sink;
    private final Delivery delivery;
    private final RandomGenerator random;
    private long objects;
    private long bytes;
    private long benignEvents;
    private long attackEvents;

    public LogObjectWriter(String organizationId, DatasetSink sink, RandomGenerator random) {
        this.organizationId = organizationId;
        this.sink = sink;
        this.delivery = new Delivery(random);
        this.random = random;
    }

    /** Writes a batch of events; benign ones may be delivered late or twice, attack events are delivered on time. */
    public void write(List<ObjectNode> benign, List<ObjectNode> attacks) throws IOException {
        Map<String, List<ObjectNode>> slots = new TreeMap<>();
        for (ObjectNode event : benign) {
            add(slots, event, true);
            benignEvents++;
            if (delivery.duplicate()) {
                add(slots, event, true);
                benignEvents++;
            }
        }
        for (ObjectNode event : attacks) {
            add(slots, event, false);
            attackEvents++;
        }
        for (Map.Entry<String, List<ObjectNode>> slot : slots.entrySet()) {
            String[] parts = slot.getKey().split("\\|");
            List<ObjectNode> records = new ArrayList<>(slot.getValue());
            records.sort(BY_TIME);
            byte[] object = gzip(envelope(records));
            sink.put(TrailLayout.key(organizationId, parts[1], parts[2], Instant.parse(parts[0]),
                    Ids.objectSuffix(random)), object);
            objects++;
            bytes += object.length;
        }
    }

    private void add(Map<String, List<ObjectNode>> slots, ObjectNode event, boolean mayBeLate) {
        Instant slot = delivery.slot(Instant.parse(event.path("eventTime").asText()), mayBeLate);
        String key = slot + "|" + event.path("recipientAccountId").asText() + "|" + event.path("awsRegion").asText();
        slots.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
    }

    private static byte[] envelope(List<ObjectNode> records) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("Records").addAll(records);
        return Json.mapper().writeValueAsBytes(root);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        // GZIPOutputStream writes a zero modification time, so the bytes depend on the content only.
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }

    public long objects() {
        return objects;
    }

    public long bytes() {
        return bytes;
    }

    public long benignEvents() {
        return benignEvents;
    }

    public long attackEvents() {
        return attackEvents;
    }
}
