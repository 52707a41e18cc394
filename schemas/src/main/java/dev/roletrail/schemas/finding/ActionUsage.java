package dev.roletrail.schemas.finding;

import java.util.List;

/**
 * Granted IAM actions split three ways over the tracking period (for {@code unused-permissions}). Actions are
 * {@code service:Action} strings, sorted.
 *
 * @param used          granted and seen in CloudTrail
 * @param unused        granted, observable in CloudTrail management events, and never seen
 * @param notObservable granted but not logged as management events (data events, or not logged at all), so unused
 *                      cannot be told from used
 */
public record ActionUsage(List<String> used, List<String> unused, List<String> notObservable) {

    public ActionUsage {
        used = used == null ? List.of() : List.copyOf(used);
        unused = unused == null ? List.of() : List.copyOf(unused);
        notObservable = notObservable == null ? List.of() : List.copyOf(notObservable);
    }
}
