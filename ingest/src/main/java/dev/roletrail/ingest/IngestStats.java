package dev.roletrail.ingest;

/**
 * What one ingest pass did.
 *
 * @param objectsRead    sources read to the end in this pass
 * @param objectsSkipped sources an earlier run had already completed
 * @param records        CloudTrail records produced
 * @param deadLetters    records or sources sent to the dead-letter topic
 */
public record IngestStats(long objectsRead, long objectsSkipped, long records, long deadLetters) {

    public static final IngestStats NONE = new IngestStats(0, 0, 0, 0);

    public IngestStats plus(IngestStats other) {
        return new IngestStats(objectsRead + other.objectsRead, objectsSkipped + other.objectsSkipped,
                records + other.records, deadLetters + other.deadLetters);
    }
}
