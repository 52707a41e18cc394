package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.Objects;

/**
 * A findings evaluation in progress (store {@code findings-pass}, one row): what it evaluates and how far it got.
 * Being in a logged store, a task that fails mid-pass resumes it where its last commit left it.
 *
 * @param at            the evaluation time, a day boundary
 * @param observedSince the earliest use RoleTrail had observed when the pass began, or null
 * @param timestamp     the record timestamp of what the pass emits
 * @param after         the last entity key the pass has covered (evaluated, or found to need resolving), or null
 *                      before the first chunk; keys sort as the stores sort them
 */
public record EvaluationPass(Instant at, Instant observedSince, long timestamp, String after) {

    public EvaluationPass {
        Objects.requireNonNull(at, "at");
    }

    Evaluation evaluation(FindingsSettings settings) {
        return new Evaluation(at, settings, observedSince);
    }

    EvaluationPass coveredTo(String key) {
        return new EvaluationPass(at, observedSince, timestamp, key);
    }
}
