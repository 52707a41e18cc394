package dev.roletrail.streams.burst;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.roletrail.streams.identity.AssumeRoleCall;

/**
 * A principal's recent AssumeRole* calls (store {@code assume-attempts}, key: principal id), in event time: when the
 * latest refused calls happened and, per role tried, its latest try. Only calls within one window of the latest call
 * are kept, and of those only the newest {@code maxDenials} refusals and {@code maxRoles} roles: enough to tell
 * whether a window ending at the latest call holds at least that many, which is all the burst detector asks.
 *
 * @param latest  event time of the latest call recorded (calls arrive out of order, so this is a max)
 * @param denials event times of refused calls, oldest first
 * @param roles   the roles tried, each with its latest try, oldest first
 */
public record AssumeAttempts(Instant latest, List<Instant> denials, List<RoleTry> roles) {

    /** The latest try of one role, allowed or refused. */
    public record RoleTry(String roleArn, Instant at) {

        public RoleTry {
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(at, "at");
        }
    }

    private static final Comparator<RoleTry> BY_TIME =
            Comparator.comparing(RoleTry::at).thenComparing(RoleTry::roleArn);

    public AssumeAttempts {
        Objects.requireNonNull(latest, "latest");
        denials = List.copyOf(denials);
        roles = List.copyOf(roles);
    }

    /** The state after a principal's first call. */
    public static AssumeAttempts first(AssumeRoleCall call, Duration window, int maxDenials, int maxRoles) {
        return new AssumeAttempts(call.at(), List.of(), List.of()).record(call, window, maxDenials, maxRoles);
    }

    /** The end of the window a call is judged in: the call's time, or the latest call when this one came late. */
    public Instant windowEnd(AssumeRoleCall call) {
        return call.at().isAfter(latest) ? call.at() : latest;
    }

    /** Refused calls at times t with end − window &lt; t ≤ end. */
    public int deniedWithin(Instant end, Duration window) {
        return (int) denials.stream().filter(t -> within(t, end, window)).count();
    }

    /** Distinct roles tried at times t with end − window &lt; t ≤ end, oldest first. */
    public List<String> rolesWithin(Instant end, Duration window) {
        return roles.stream().filter(r -> within(r.at(), end, window)).map(RoleTry::roleArn).toList();
    }

    /** This state with one more call, trimmed to the window ending at the latest call and to the caps. */
    public AssumeAttempts record(AssumeRoleCall call, Duration window, int maxDenials, int maxRoles) {
        Instant end = windowEnd(call);
        List<Instant> keptDenials = new ArrayList<>(denials);
        if (call.denied()) {
            keptDenials.add(call.at());
        }
        keptDenials.removeIf(t -> !within(t, end, window));
        keptDenials.sort(Comparator.naturalOrder());

        List<RoleTry> keptRoles = new ArrayList<>();
        Instant tried = call.at();
        for (RoleTry role : roles) {
            if (role.roleArn().equals(call.roleArn())) {
                tried = role.at().isAfter(tried) ? role.at() : tried;
            } else {
                keptRoles.add(role);
            }
        }
        keptRoles.add(new RoleTry(call.roleArn(), tried));
        keptRoles.removeIf(r -> !within(r.at(), end, window));
        keptRoles.sort(BY_TIME);

        return new AssumeAttempts(end, newest(keptDenials, maxDenials), newest(keptRoles, maxRoles));
    }

    private static boolean within(Instant t, Instant end, Duration window) {
        return t.isAfter(end.minus(window)) && !t.isAfter(end);
    }

    private static <T> List<T> newest(List<T> oldestFirst, int max) {
        int size = oldestFirst.size();
        return size <= max ? oldestFirst : oldestFirst.subList(size - max, size);
    }
}
