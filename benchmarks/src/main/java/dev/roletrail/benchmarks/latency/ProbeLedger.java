package dev.roletrail.benchmarks.latency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * When each planted event (a probe, one per log object) reached each stage, joined by its eventID and its object's
 * id, from the threads that see them: the writer, ingest's opening of the object, a read_committed consumer of the
 * raw topic, one of the streams app's alerts-by-entity repartition topic (the alert has left the detectors'
 * transaction), one of the alerts topic. Times are milliseconds of one clock; the first sighting of a stage counts.
 */
public final class ProbeLedger {

    /** One probe's times, a stage not reached yet {@code -1}; the detector of its first alert, or null. */
    public record Probe(String eventId, String objectId, boolean late, long written, long opened, long committed,
            long detected, long alerted, String detector) {

        boolean complete() {
            return opened >= 0 && committed >= 0 && detected >= 0 && alerted >= 0;
        }

        /** Object written → ingest opens it (listing after a poll, then the read-ahead queue). */
        public long pollWait() {
            return opened - written;
        }

        /** Opened → its record committed on the raw topic (read, produce, ingest's transaction). */
        public long ingestToTopic() {
            return committed - opened;
        }

        /** Raw record committed → the alert committed on the repartition topic to the suppression step. */
        public long detectors() {
            return detected - committed;
        }

        /** Alert on the repartition topic → committed on the alerts topic (the suppression step's transaction). */
        public long suppression() {
            return alerted - detected;
        }

        /** Raw record committed → the alert committed on the alerts topic. */
        public long streams() {
            return alerted - committed;
        }

        public long total() {
            return alerted - written;
        }
    }

    private record Written(String objectId, boolean late, long at) {
    }

    private final Map<String, Written> written = new ConcurrentHashMap<>();
    private final Map<String, Long> opened = new ConcurrentHashMap<>();
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final Map<String, Long> detected = new ConcurrentHashMap<>();
    private final Map<String, Long> alerted = new ConcurrentHashMap<>();
    private final Map<String, String> detectors = new ConcurrentHashMap<>();

    public void written(String eventId, String objectId, boolean late, long at) {
        written.put(eventId, new Written(objectId, late, at));
    }

    public void opened(String objectId, long at) {
        opened.putIfAbsent(objectId, at);
    }

    public void committed(String eventId, long at) {
        committed.putIfAbsent(eventId, at);
    }

    /** An alert naming the probe was seen leaving the detectors; only the first counts. */
    public void detected(String eventId, long at) {
        detected.putIfAbsent(eventId, at);
    }

    /** An alert of {@code detector} naming the probe was seen; only the first counts. */
    public void alerted(String eventId, long at, String detector) {
        if (alerted.putIfAbsent(eventId, at) == null) {
            detectors.put(eventId, detector);
        }
    }

    public boolean isProbe(String eventId) {
        return written.containsKey(eventId);
    }

    /** Every probe written at or after {@code since}, in the order written, with the stages it reached. */
    public List<Probe> probesSince(long since) {
        List<Probe> probes = new ArrayList<>();
        written.forEach((eventId, w) -> {
            if (w.at() >= since) {
                probes.add(new Probe(eventId, w.objectId(), w.late(), w.at(), opened.getOrDefault(w.objectId(), -1L),
                        committed.getOrDefault(eventId, -1L), detected.getOrDefault(eventId, -1L),
                        alerted.getOrDefault(eventId, -1L),
                        detectors.get(eventId)));
            }
        });
        probes.sort(Comparator.comparingLong(Probe::written).thenComparing(Probe::eventId));
        return probes;
    }

    /** Of the probes, those that reached every stage. */
    public static List<Probe> complete(List<Probe> probes) {
        return probes.stream().filter(Probe::complete).toList();
    }

    /** The percentiles of one stage over complete probes. */
    public static Percentiles stage(List<Probe> complete, ToLongFunction<Probe> stage) {
        return Percentiles.of(complete.stream().map(stage::applyAsLong).toList());
    }
}
