package dev.roletrail.streams.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who assumed a role lately (store {@code role-assumers}, key: role ARN): each assumer with its peer group (account
 * and kind of principal) and when it was last reported. Bounded: at most {@link #PER_GROUP} assumers per group and
 * {@link #TOTAL} in all, the least recently reported dropped first, and an assumer not reported since the peer window
 * forgotten at the role's next report.
 */
public record RoleAssumers(List<Assumer> assumers) {

    /** More than any sensible minimum of peers needs; the setting's maximum is one less. */
    public static final int PER_GROUP = 16;
    static final int TOTAL = 256;

    public static final RoleAssumers NONE = new RoleAssumers(List.of());

    /**
     * @param group  the peer group, {@link AssumerReport#peerGroup(dev.roletrail.schemas.cloudtrail.Principal)}
     * @param seen   when it was last reported assuming the role
     */
    public record Assumer(String id, String group, Instant seen) {

        public Assumer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(seen, "seen");
        }
    }

    public RoleAssumers {
        assumers = List.copyOf(assumers);
    }

    /**
     * Assumers of {@code group} other than {@code except}, last reported from {@code since} to {@code until}. A report
     * later than {@code until} does not count: with several partitions a peer's later use can arrive first, and only
     * what happened before may explain an assumption.
     */
    public int peers(String group, String except, Instant since, Instant until) {
        if (group == null) {
            return 0;
        }
        return (int) assumers.stream()
                .filter(a -> a.group().equals(group) && !a.id().equals(except) && !a.seen().isBefore(since)
                        && !a.seen().isAfter(until))
                .count();
    }

    /**
     * With {@code id} reported at {@code at} (a later report of the same assumer moves its time; an earlier one is
     * ignored), those not reported since {@code forgetBefore} dropped, and the caps applied.
     */
    public RoleAssumers seen(String id, String group, Instant at, Instant forgetBefore) {
        if (group == null) {
            return this;
        }
        List<Assumer> next = new ArrayList<>(assumers.size() + 1);
        Instant seen = at;
        for (Assumer assumer : assumers) {
            if (assumer.id().equals(id)) {
                seen = PrincipalProfile.max(seen, assumer.seen());
            } else if (!assumer.seen().isBefore(forgetBefore)) {
                next.add(assumer);
            }
        }
        next.add(new Assumer(id, group, seen));
        // Newest first, so the caps keep the most recently reported.
        next.sort(Comparator.comparing(Assumer::seen).reversed());
        List<Assumer> kept = new ArrayList<>(Math.min(next.size(), TOTAL));
        Map<String, Integer> perGroup = new HashMap<>();
        for (Assumer assumer : next) {
            if (kept.size() < TOTAL && perGroup.merge(assumer.group(), 1, Integer::sum) <= PER_GROUP) {
                kept.add(assumer);
            }
        }
        return new RoleAssumers(kept);
    }
}
