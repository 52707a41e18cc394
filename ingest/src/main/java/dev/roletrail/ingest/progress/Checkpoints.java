package dev.roletrail.ingest.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import dev.roletrail.ingest.s3.CloudTrailObjectKey;
import dev.roletrail.schemas.ingest.IngestProgress;

/**
 * What earlier runs committed, per source object, and where each CloudTrail stream's listing may start.
 *
 * <p>Keys of one stream (account and region) sort by delivery minute, but CloudTrail can deliver an object a little
 * after a later-stamped one. So listing starts {@code relistWindow} before the newest completed object, and the
 * progress of objects inside that window is kept to skip them; completed objects that fall behind the window are
 * {@linkplain #drainForgotten() forgotten} (the ingester deletes their progress with tombstones), which keeps the
 * progress topic and this map bounded however long the trail.
 */
public final class Checkpoints {

    private final Duration relistWindow;
    private final Map<String, IngestProgress> byId = new HashMap<>();
    /** Completed CloudTrail objects per stream id ({@code s3://bucket/<stream prefix>}), by key. */
    private final Map<String, TreeMap<String, CloudTrailObjectKey>> completeByStream = new HashMap<>();
    private final List<String> forgotten = new ArrayList<>();

    public Checkpoints(Map<String, IngestProgress> committed, Duration relistWindow) {
        this.relistWindow = Objects.requireNonNull(relistWindow, "relistWindow");
        committed.values().forEach(this::record);
    }

    public static Checkpoints empty(Duration relistWindow) {
        return new Checkpoints(Map.of(), relistWindow);
    }

    public boolean isComplete(String id) {
        IngestProgress progress = byId.get(id);
        return progress != null && progress.complete();
    }

    /** Records of the object already produced (or dead-lettered) by committed transactions. */
    public long recordsDone(String id) {
        IngestProgress progress = byId.get(id);
        return progress == null ? 0 : progress.recordsDone();
    }

    /**
     * Where listing a stream may start (S3 start-after): the relist window before its newest completed object, or
     * empty when none of it was read yet.
     */
    public Optional<String> listingStart(String bucket, String streamPrefix) {
        TreeMap<String, CloudTrailObjectKey> complete = completeByStream.get(streamId(bucket, streamPrefix));
        if (complete == null || complete.isEmpty()) {
            return Optional.empty();
        }
        CloudTrailObjectKey newest = complete.lastEntry().getValue();
        return Optional.of(newest.cursorAt(newest.stamp().minus(relistWindow)));
    }

    /** Notes progress that was (or is about to be) committed. */
    public void record(IngestProgress progress) {
        byId.put(progress.source(), progress);
        if (!progress.complete()) {
            return;
        }
        S3Location.parse(progress.source()).ifPresent(location -> CloudTrailObjectKey.parse(location.key())
                .ifPresent(key -> completeInStream(location.bucket(), key)));
    }

    /** Ids of completed objects that fell behind their stream's relist window since the last call. */
    public List<String> drainForgotten() {
        List<String> ids = List.copyOf(forgotten);
        forgotten.clear();
        return ids;
    }

    public int size() {
        return byId.size();
    }

    private void completeInStream(String bucket, CloudTrailObjectKey key) {
        TreeMap<String, CloudTrailObjectKey> complete =
                completeByStream.computeIfAbsent(streamId(bucket, key.streamPrefix()), s -> new TreeMap<>());
        complete.put(key.key(), key);
        CloudTrailObjectKey newest = complete.lastEntry().getValue();
        var behind = complete.headMap(newest.cursorAt(newest.stamp().minus(relistWindow)), false);
        for (String old : behind.keySet()) {
            String id = S3Location.id(bucket, old);
            byId.remove(id);
            forgotten.add(id);
        }
        behind.clear();
    }

    private static String streamId(String bucket, String streamPrefix) {
        return S3Location.id(bucket, streamPrefix);
    }

    /** An {@code s3://bucket/key} source id. */
    record S3Location(String bucket, String key) {

        static Optional<S3Location> parse(String id) {
            if (!id.startsWith("s3://")) {
                return Optional.empty();
            }
            int slash = id.indexOf('/', 5);
            return slash < 0 ? Optional.empty() : Optional.of(new S3Location(id.substring(5, slash), id.substring(slash + 1)));
        }

        static String id(String bucket, String key) {
            return "s3://" + bucket + "/" + key;
        }
    }
}
