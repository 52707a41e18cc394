package dev.roletrail.ingest;

import dev.roletrail.schemas.WireIds;

/**
 * Why ingest passed over a valid CloudTrail record on purpose (not a dead letter: nothing is wrong with it), in a few
 * words for people and as a stable metric tag.
 */
public enum SkipReason {
    /**
     * CloudTrail Insights events ({@code eventCategory: Insight}) describe unusual API call rates in an account; they
     * name no caller ({@code userIdentity} is absent), so there is no principal to key, profile or detect on.
     */
    INSIGHT("CloudTrail Insights events");

    private final String words;

    SkipReason(String words) {
        this.words = words;
    }

    /** A few words for people: {@code CloudTrail Insights events}. */
    public String words() {
        return words;
    }

    /** The metric tag, the constant's name in lower case with hyphens: {@code insight}. */
    public String tag() {
        return WireIds.of(this);
    }
}
