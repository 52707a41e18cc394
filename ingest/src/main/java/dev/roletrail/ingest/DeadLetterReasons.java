package dev.roletrail.ingest;

import dev.roletrail.schemas.deadletter.DeadLetterCategory;

/** Sorts dead-letter reasons into a few stable categories, for metric tags (the reasons themselves vary). */
public final class DeadLetterReasons {

    private DeadLetterReasons() {
    }

    public static String category(String reason) {
        return DeadLetterCategory.of(reason).tag();
    }
}
