package dev.roletrail.streams.parse;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.deadletter.DeadLetter;

/** A raw record after parsing: exactly one of {@code record} and {@code deadLetter} is set. */
public record ParseOutcome(CloudTrailRecord record, DeadLetter deadLetter) {

    public ParseOutcome {
        if ((record == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of record and deadLetter must be set");
        }
    }

    public boolean parsed() {
        return record != null;
    }
}
