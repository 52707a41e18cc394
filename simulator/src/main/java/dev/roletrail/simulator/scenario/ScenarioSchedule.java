package dev.roletrail.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When each attack happens, as an offset from the first attack day. No two scenarios share a detector and entity
 * within a day, since alerts are suppressed per detector and entity for 24 h.
 */
public final class ScenarioSchedule {

    /** A scenario and its start, as an offset from the attack day's midnight. */
    public record Entry(Scenario scenario, Duration offset) {
        public Entry {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(offset, "offset");
        }

        public Instant at(Instant attackDay) {
            return attackDay.plus(offset);
        }
    }

    public static final List<Entry> ALL = List.of(
            entry(new BreakGlassUse(), 0, 3, 10),
            entry(new RoleEnumeration(), 0, 10, 5),
            entry(new DormantKeyReactivated(), 0, 13, 20),
            entry(new FirstTimeAssumption(), 0, 15, 45),
            entry(new BackdoorTrustPolicy(), 1, 9, 30),
            entry(new ExternalAccountAssumesRole(), 1, 11, 0),
            entry(new InstanceCredentialExfiltration(), 1, 14, 12),
            entry(new NewOidcSubject(), 1, 16, 40),
            entry(InstanceCredentialsStolenBeforeUse.issuanceInTrail(), 1, 20, 40),
            entry(InstanceCredentialsStolenBeforeUse.issuanceNotInTrail(), 2, 7, 50),
            entry(new AccessKeyForAnotherUser(), 2, 10, 15),
            entry(new UnusualChain(), 2, 12, 5),
            entry(new LongSession(), 2, 14, 50),
            entry(new RootUse(), 2, 20, 30),
            entry(new AssumptionRateAnomaly(), 3, 2, 5),
            entry(new NewNetworkForKey(), 3, 11, 25),
            entry(new ConsoleSignInWithoutMfa(), 3, 14, 35));

    private ScenarioSchedule() {
    }

    private static Entry entry(Scenario scenario, int day, int hour, int minute) {
        return new Entry(scenario, Duration.ofDays(day).plusHours(hour).plusMinutes(minute));
    }
}
