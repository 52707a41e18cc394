package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets an entity's use signal carry the trait of the same event to the findings step: one {@code usage-signals}
 * record instead of two when both are the day's news. Merged only after each was found new on its own, so each
 * distinct use and trait still goes out once a day and the findings step writes the same rows as from the two.
 * A trait for another entity (an external caller's account) or with no new use of its entity goes on its own.
 */
final class CarriedTraits {

    private CarriedTraits() {
    }

    /** The signals with each trait-only signal folded into a new use of the same entity at the same time. */
    static List<UsageSignal> merge(List<UsageSignal> fresh) {
        if (fresh.size() < 2) {
            return fresh;
        }
        List<UsageSignal> merged = new ArrayList<>(fresh);
        for (UsageSignal trait : fresh) {
            if (!traitOnly(trait)) {
                continue;
            }
            for (int i = 0; i < merged.size(); i++) {
                UsageSignal use = merged.get(i);
                if (canCarry(use, trait)) {
                    merged.set(i, use.carrying(trait));
                    merged.remove(trait);
                    break;
                }
            }
        }
        return merged;
    }

    /**
     * Whether {@code signal} is a trait that a use of its entity in the same event ({@code eventSignals}) times: the
     * entity's latest activity is the use's, so the trait's own latest use of a day adds nothing the findings step
     * needs (a trait counts by the day it was seen in).
     */
    static boolean timedByAUse(UsageSignal signal, List<UsageSignal> eventSignals) {
        if (!traitOnly(signal)) {
            return false;
        }
        for (UsageSignal use : eventSignals) {
            if (canCarry(use, signal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean traitOnly(UsageSignal signal) {
        return signal.trait() != null && !signal.assumption() && signal.action() == null
                && signal.accessKeyId() == null && signal.assumer() == null;
    }

    /** A role's own call or a user's, not an assumption (whose rows are its assumer's) and not yet carrying one. */
    private static boolean canCarry(UsageSignal use, UsageSignal trait) {
        return use.trait() == null && use.isUse() && !use.assumption() && !use.marksTime()
                && use.entity().equals(trait.entity()) && use.at().equals(trait.at());
    }
}
