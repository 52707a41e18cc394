package dev.roletrail.streams.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.SensitiveRoles;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.RoleAssumption;
import dev.roletrail.streams.identity.TrustPolicy;

/**
 * {@code first-time-assumption}: fires when edge(assumer → role) was never observed before, and the assumer has been
 * observed for at least the learning period (so a new principal's first days stay quiet). Severity rises by one when
 * the role is in another account, and by one more when the role's trust policy in the inventory snapshot does not name
 * the assumer: the assumption worked, so the policy changed since the snapshot (a backdoor opened and maybe closed
 * again), or the assumer reached the role some other way. Only {@code AssumeRole} is judged so: SAML and web identity
 * assumptions are trusted through federated principals, which the snapshot's AWS grants do not list.
 *
 * <p>Learning from peers: with {@code peers} above 0, a first assumption is not reported when at least that many other
 * principals of the assumer's account and kind assumed the role within the peer window; a newcomer to a role the
 * rest of the team uses is what a team looks like. Peers never explain a sensitive role ({@code org.sensitive-roles}),
 * nor an assumption the trust policy snapshot does not name. The verdict is {@link #judgeByPeers}'s, given in the
 * role's task, which knows every assumer of the role ({@link RoleAssumersProcessor}).
 */
public final class FirstTimeAssumptionDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "first-time-assumption",
            "Role assumed for the first time by this principal",
            Severity.MEDIUM,
            List.of("T1078.004", "T1548"),
            "Confirm with the owner of the origin identity that this role is needed; if not, revoke the session "
                    + "and narrow the role's trust policy.",
            Judgement.BASELINE);

    private final Duration learningPeriod;
    private final int minPeers;
    private final Duration peerWindow;
    private final SensitiveRoles sensitive;

    /** Without learning from peers: every new edge of an established principal is reported. */
    public FirstTimeAssumptionDetector(Duration learningPeriod) {
        this(learningPeriod, 0, Duration.ofDays(30), SensitiveRoles.defaults());
    }

    /**
     * @param minPeers   how many other assumers of the role in the assumer's peer group make a first assumption
     *                   expected; 0: none ever do
     * @param peerWindow how recently a peer must have assumed the role to count
     */
    public FirstTimeAssumptionDetector(Duration learningPeriod, int minPeers, Duration peerWindow,
            SensitiveRoles sensitive) {
        this.learningPeriod = Objects.requireNonNull(learningPeriod, "learningPeriod");
        this.minPeers = minPeers;
        this.peerWindow = Objects.requireNonNull(peerWindow, "peerWindow");
        this.sensitive = Objects.requireNonNull(sensitive, "sensitive");
    }

    /** From {@code detector.first-time-assumption.*}: the learning period, {@code .peers} (3), {@code .peer-window}. */
    public static FirstTimeAssumptionDetector from(Settings settings) {
        DetectorSettings own = new DetectorSettings(INFO.id(), settings);
        return new FirstTimeAssumptionDetector(own.learningPeriod(),
                own.integer("peers", 3, 0, RoleAssumers.PER_GROUP - 1),
                own.duration("peer-window", Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(365)),
                SensitiveRoles.from(settings));
    }

    public Duration peerWindow() {
        return peerWindow;
    }

    /**
     * Whether enough peers could make this assumption expected: never for a sensitive role, nor for one the trust
     * policy snapshot does not name the assumer in, nor when learning from peers is off.
     */
    public boolean peersMayExplain(TrustPolicy trust, RoleAssumption assumption) {
        return minPeers > 0 && !outsideTrust(trust, assumption) && !sensitive.sensitive(assumption.roleArn());
    }

    /**
     * Whether an assumer's next crossing of a known edge is reported to the role's task again: on its first crossing
     * in each stretch of a quarter of the peer window, so an assumer who keeps assuming the role stays a peer, at the
     * cost of a few reports per edge per window.
     */
    public boolean reportAgain(Instant lastUsed, Instant at) {
        long stretch = Math.max(1, peerWindow.toMillis() / 4);
        return at.toEpochMilli() / stretch > lastUsed.toEpochMilli() / stretch;
    }

    /**
     * The verdict on a candidate once the role's assumers are known: none when enough peers explain it; else the
     * candidate, its baseline saying how many peers there were when they could have explained it.
     *
     * @param peers other principals of the assumer's peer group that assumed the role within the peer window
     */
    public Optional<Alert> judgeByPeers(Alert candidate, boolean peersMayExplain, int peers) {
        // Also judged by the setting here: a report may have been written before a restart that turned peers off.
        if (!peersMayExplain || minPeers == 0) {
            return Optional.of(candidate);
        }
        if (peers >= minPeers) {
            return Optional.empty();
        }
        return Optional.of(candidate.withBaseline(candidate.baseline() + "; " + peers + " other principal"
                + (peers == 1 ? "" : "s") + " of its account and kind assumed it in the last " + peerWindow.toDays()
                + " days, fewer than the " + minPeers + " that make it expected"));
    }

    /**
     * @param assumerBefore the assumer's profile before this event, or null when never seen
     * @param edgeBefore    the edge before this event, or null when never crossed
     * @param trust         the role's trust policy in the inventory, or null when the role is not in the inventory
     */
    public Optional<Alert> evaluate(PrincipalProfile assumerBefore, AccessEdge edgeBefore, TrustPolicy trust,
            RoleAssumption assumption, Observation observation) {
        if (edgeBefore != null) {
            return Optional.empty();
        }
        Duration observed = assumerBefore == null
                ? Duration.ZERO
                : Duration.between(assumerBefore.firstSeen(), assumption.at());
        if (observed.compareTo(learningPeriod) < 0) {
            return Optional.empty();
        }
        long eventsBefore = assumerBefore == null ? 0 : assumerBefore.events();
        boolean outsideTrust = outsideTrust(trust, assumption);
        Severity severity = INFO.severity();
        if (assumption.crossAccount()) {
            severity = severity.raise();
        }
        if (outsideTrust) {
            severity = severity.raise();
        }
        return Optional.of(AlertFactory.alert(INFO, severity, assumption.assumer().id() + " -> " + assumption.roleArn(),
                observation, assumption.roleArn(),
                "observed for " + observed.toDays() + " days (" + eventsBefore + " events) without assuming this role"
                        + (outsideTrust ? "; the role's trust policy in the inventory snapshot does not name it" : ""),
                assumption.how() + " of " + assumption.roleArn() + (assumption.crossAccount() ? " (cross-account)" : "")
                        + (outsideTrust ? " (not in the trust policy snapshot)" : "")));
    }

    private static boolean outsideTrust(TrustPolicy trust, RoleAssumption assumption) {
        return trust != null && "AssumeRole".equals(assumption.how()) && !trust.allows(assumption.assumer().id());
    }
}
